/** Article-level entities: mentions of every paragraph, merged into entities (see merge.ts). */
import type { Entity } from '../types';
import { findMentions, type RawMention } from './mentions';
import { mergeMentions, nameKey } from './merge';
import { gazetteer } from './gazetteer';
import { CALENDAR_WORDS } from './lexicon';
import { SHORT_FORMS } from './shortForms';

export function extractEntities(paragraphs: readonly string[]): Entity[] {
  const mentions: RawMention[] = [];
  paragraphs.forEach((p, i) => {
    if (typeof p === 'string' && p.trim()) mentions.push(...findMentions(p, i));
  });
  const whole = completePersonNames(paragraphs, mentions);
  return mergeMentions(whole.concat(propagateNames(paragraphs, whole)), paragraphs);
}

/**
 * The tagger sometimes stops a person's name one word short ("Kim Jong" of "Kim Jong Un",
 * "Barbara" of "Barbara Fried"). A person mention is extended to the capitalised word right after
 * it when the longer name is a known one (another mention of the article, or a full name of the
 * short-form table) or when that word is a later word of another person's full name in the
 * article (a family name: "Fried" of "Sam Bankman Fried"). Never over another mention, a
 * function word, a calendar word or a known place or organisation.
 */
export function completePersonNames(paragraphs: readonly string[], mentions: readonly RawMention[]): RawMention[] {
  const known = new Set<string>();
  const familyWords = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    const k = nameKey(m.text);
    const words = k.split(' ');
    if (words.length < 2) continue;
    known.add(k);
    for (const w of words.slice(1)) familyWords.add(w);
  }
  for (const sf of SHORT_FORMS.values()) if (sf.type === 'PER' && /\s/.test(sf.name)) known.add(nameKey(sf.name));
  if (!known.size) return [...mentions];
  const gaz = gazetteer();
  return mentions.map((m) => {
    if (m.type !== 'PER') return m;
    const p = paragraphs[m.paragraph];
    if (typeof p !== 'string') return m;
    const next = /^ (\p{Lu}[\p{L}'’]*)(?![\p{L}\p{N}-])/u.exec(p.slice(m.end));
    if (!next) return m;
    const w = next[1]!;
    const low = w.toLowerCase();
    const end = m.end + 1 + w.length;
    if (gaz.stopwords.has(low) || CALENDAR_WORDS.has(low) || (gaz.typeOf.get(low) && gaz.typeOf.get(low) !== 'PER')) return m;
    if (mentions.some((o) => o !== m && o.paragraph === m.paragraph && o.start < end && m.end < o.end)) return m;
    const longer = `${m.text} ${w}`;
    if (!known.has(nameKey(longer)) && !familyWords.has(low)) return m;
    return { ...m, end, text: longer };
  });
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
