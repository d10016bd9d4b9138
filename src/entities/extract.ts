/** Article-level entities: mentions of every paragraph, merged into entities (see merge.ts). */
import type { Entity } from '../types';
import { findMentions, type RawMention } from './mentions';
import { mergeMentions } from './merge';

export function extractEntities(paragraphs: readonly string[]): Entity[] {
  const mentions: RawMention[] = [];
  paragraphs.forEach((p, i) => {
    if (typeof p === 'string' && p.trim()) mentions.push(...findMentions(p, i));
  });
  return mergeMentions(mentions.concat(propagateNames(paragraphs, mentions)));
}

/**
 * Once an article has named a person in full ("Vladimir Putin"), a later bare "Putin" is the same
 * person even where the tagger missed it ("dari Putin"): add those mentions so counts and
 * in-page highlighting are complete. Only capitalised whole words, never inside another mention.
 */
export function propagateNames(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const parts = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const words = m.text.split(/\s+/);
    if (words.length < 2) continue;
    for (const w of [words[0]!, words[words.length - 1]!]) if (/^\p{Lu}\p{Ll}{2,}$/u.test(w)) parts.add(w);
  }
  if (!parts.size) return [];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...parts].map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const taken = (i: number, s: number, e: number) => mentions.some((m) => m.paragraph === i && m.start < e && s < m.end);
  const added: RawMention[] = [];
  paragraphs.forEach((p, i) => {
    if (typeof p !== 'string') return;
    for (const hit of p.matchAll(re)) {
      const start = hit.index ?? 0;
      const end = start + hit[0].length;
      if (!taken(i, start, end)) added.push({ paragraph: i, start, end, text: hit[0], type: 'PER', source: 'tagger' });
    }
  });
  return added;
}
