/** Article-level entities: mentions of every paragraph, merged into entities (see merge.ts). */
import type { Entity } from '../types';
import { findMentions, type RawMention } from './mentions';
import { mergeMentions } from './merge';

export function extractEntities(paragraphs: readonly string[]): Entity[] {
  const mentions: RawMention[] = [];
  paragraphs.forEach((p, i) => {
    if (typeof p === 'string' && p.trim()) mentions.push(...findMentions(p, i));
  });
  return mergeMentions(mentions);
}
