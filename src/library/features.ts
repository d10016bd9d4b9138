/**
 * The compact projection of an article that ranking and grouping need. It is what the library
 * stores per article next to the heavy body, so a related query reads a few hundred bytes per
 * candidate instead of whole articles.
 */
import { DATELINE_OUTLET_ROLE } from '../entities/roles';
import { NEWS_DOMAINS } from '../sites';
import type { Entity, EntityType } from '../types';
import { datelineDate } from './dates';
import { termVector, termsOf, tokenize } from './text';

/** An entity as an article carries it: enough for ranking and for a reason string. */
export interface DocEntity {
  id: string;
  name: string;
  type: EntityType;
  /** Mentions in this article. */
  n: number;
}

export interface DocFeatures {
  id: string;
  site: string;
  title: string;
  /** Milliseconds since epoch, or null when the date is unknown. */
  publishedTs: number | null;
  /** Stemmed terms, heaviest first, with parallel weights and display forms. */
  terms: string[];
  weights: number[];
  forms: string[];
  /** Stemmed title terms (headline overlap is the strongest same-event signal). */
  titleTerms: string[];
  entities: DocEntity[];
}

/** Types that identify an event; dates and money are too generic to relate articles on their own. */
const RANKED_TYPES = new Set<EntityType>(['PER', 'ORG', 'LOC', 'EVENT', 'MISC']);

export function parseDate(published: string | null | undefined): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  return Number.isFinite(t) ? t : null;
}

/** "Kompas.com", "detikcom", "KapanLagi.com": an outlet naming itself, keyed like its domain. */
const OUTLET_KEYS = new Set(NEWS_DOMAINS.map((d) => d.replace(/[^a-z0-9]/g, '')));
const isOutletName = (name: string) => OUTLET_KEYS.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''));

export function docEntities(entities: Entity[]): DocEntity[] {
  const byId = new Map<string, DocEntity>();
  for (const e of entities) {
    if (!RANKED_TYPES.has(e.type)) continue;
    // The outlet named in the dateline ("JAKARTA, KOMPAS.com -") says who published the article,
    // not what it is about: two stories of one outlet are not related by it.
    // Nor is the outlet's name anywhere else in the text ("(KapanLagi.com)", "dikutip Liputan6.com").
    if (e.role === DATELINE_OUTLET_ROLE || isOutletName(e.name)) continue;
    const prev = byId.get(e.id);
    if (prev) prev.n += Math.max(1, e.count);
    else byId.set(e.id, { id: e.id, name: e.name, type: e.type, n: Math.max(1, e.count) });
  }
  return [...byId.values()];
}

export interface FeatureInput {
  id: string;
  site: string;
  title: string;
  published: string | null;
  paragraphs: string[];
}

export function buildFeatures(a: FeatureInput, entities: Entity[] | DocEntity[]): DocFeatures {
  const vec = termVector(a.title, a.paragraphs);
  const ents = entities.length && 'mentions' in entities[0]! ? docEntities(entities as Entity[]) : (entities as DocEntity[]);
  return {
    id: a.id,
    site: a.site,
    title: a.title,
    publishedTs: parseDate(a.published) ?? parseDate(datelineDate(a.paragraphs)),
    terms: vec.terms,
    weights: vec.weights,
    forms: vec.forms,
    titleTerms: termsOf(a.title),
    entities: ents,
  };
}

/**
 * How many of an article's heaviest terms are indexed. Every index entry is a write on save and
 * bytes on disk (x 100k articles); an article is found by what it is mostly about, its title and
 * its names, and the rest of its vector still counts when it is scored.
 */
export const INDEXED_TERMS = 16;

/**
 * Keys an article is found by: its heaviest terms, its title terms, and the words of its entity
 * names (so "putin" finds articles that say only "Presiden Rusia" but were tagged with him).
 */
export function indexKeys(f: DocFeatures): string[] {
  const keys = new Set<string>(f.terms.slice(0, INDEXED_TERMS));
  for (const t of f.titleTerms) keys.add(t);
  for (const e of f.entities) for (const tok of tokenize(e.name)) keys.add(tok.term);
  return [...keys];
}
