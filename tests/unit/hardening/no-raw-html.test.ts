/**
 * Page HTML may reach our pages only through the one sanitising helper. Any other place that sets
 * HTML from a string fails this test (the CI check Defuddle keeps against innerHTML).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const ALLOWED = new Set(['src/ui/safe-html.ts']);
const SINK = /\.(innerHTML|outerHTML)\s*=(?!=)|insertAdjacentHTML\s*\(|dangerouslySetInnerHTML|document\.write\s*\(|\bsrcdoc\s*=/;

function files(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) return files(rel);
    return /\.(ts|tsx|js|mjs)$/.test(d.name) ? [rel] : [];
  });
}

describe('no raw HTML sinks outside the sanitiser', () => {
  it('src/ and entrypoints/ set HTML only in src/ui/safe-html.ts', () => {
    const offenders: string[] = [];
    for (const f of [...files('src'), ...files('entrypoints')]) {
      if (ALLOWED.has(f)) continue;
      fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').forEach((line, i) => {
        if (SINK.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*')) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself catches a sink', () => {
    expect(SINK.test('el.innerHTML = html')).toBe(true);
    expect(SINK.test('<div dangerouslySetInnerHTML={{ __html: x }} />')).toBe(true);
    expect(SINK.test('if (a.innerHTML === b)')).toBe(false);
  });
});
