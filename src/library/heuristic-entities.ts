/**
 * A stand-in entity finder for when the real tagger (src/entities) is not available: runs of
 * capitalised words are names in Indonesian news prose. Crude, typed MISC, but stable ids, so
 * the library's rarity weighting still works. Never used when extractEntities exists.
 */
import type { Entity } from '../types';
import { isStopword } from './text';

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}'’.-]*|\p{N}+)$/u;
/** Lower-case words that may sit inside a name ("Komite Olimpiade Nasional", "Ahmad bin Ali"). */
const JOINERS = new Set(['bin', 'binti', 'van', 'de', 'al', 'von', 'dan']);

export function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

export function heuristicEntities(paragraphs: string[]): Entity[] {
  const found = new Map<string, Entity>();
  paragraphs.forEach((p, pi) => {
    for (const sentence of p.split(/(?<=[.!?])\s+|[:"“”()\n]/)) {
      const words = [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
      let i = 0;
      while (i < words.length) {
        if (!NAME_WORD.test(words[i]![0]) || /^\p{N}/u.test(words[i]![0])) { i++; continue; }
        let j = i + 1;
        while (j < words.length && (NAME_WORD.test(words[j]![0]) || (JOINERS.has(words[j]![0]) && j + 1 < words.length && NAME_WORD.test(words[j + 1]![0])))) j++;
        let run = words.slice(i, j).map((m) => m[0].replace(/[.’']+$/, ''));
        // A sentence-initial capital is grammar, not a name, unless the run continues.
        if (i === 0 && run.length === 1) run = [];
        while (run.length && (isStopword(run[0]!) || JOINERS.has(run[0]!))) run.shift();
        while (run.length && (isStopword(run[run.length - 1]!) || JOINERS.has(run[run.length - 1]!))) run.pop();
        const name = run.join(' ');
        if (name.length >= 2 && !(run.length === 1 && isStopword(name))) {
          const id = `MISC:${slug(name)}`;
          const start = words[i]!.index ?? 0;
          const e = found.get(id) ?? { id, name, type: 'MISC' as const, surface: [name], count: 0, mentions: [] };
          e.count++;
          e.mentions.push({ paragraph: pi, start, end: start + name.length, text: name });
          found.set(id, e);
        }
        i = j;
      }
    }
  });
  return [...found.values()];
}
