/**
 * Node CLI over the same src/ code the extension runs (contract in ../shared/DESIGN.md).
 *   cli extract --json FILE.html --url URL
 *   cli ner --jsonl FILE.jsonl
 *   cli related --jsonl FILE.jsonl
 */
const USAGE = `usage:
  cli extract --json FILE.html --url URL
  cli ner --jsonl FILE.jsonl
  cli related --jsonl FILE.jsonl`;

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...args] = argv;
  switch (cmd) {
    case 'extract':
      return (await import('./extract')).run(args);
    case 'ner':
      return (await import('./ner')).run(args);
    case 'related':
      return (await import('./related')).run(args);
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
