/** Small pure helpers shared by the pages: grouping, dates, reading time. No DOM, no browser APIs. */
import type { ClutterReason, Entity, EntityType, HiddenItem } from '../types';
import type { UiLang } from './i18n';

export const REASON_ORDER: ClutterReason[] = ['ad', 'overlay', 'related', 'video-promo', 'promo', 'share', 'notice', 'editor', 'tags'];
export const ENTITY_TYPE_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'EVENT', 'MISC', 'DATE', 'MONEY'];

/** Message key for a clutter reason (message names may not contain '-'). */
export function reasonKey(reason: string): string {
  return `reason.${reason.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

export interface HiddenGroup {
  reason: ClutterReason;
  /** Each item with its index in TabState.hidden (the index `showHidden` expects). */
  items: { item: HiddenItem; index: number }[];
}

/** Hidden items grouped by reason, in a fixed reason order (unknown reasons last), indices kept. */
export function groupHidden(hidden: HiddenItem[]): HiddenGroup[] {
  const map = new Map<ClutterReason, HiddenGroup>();
  hidden.forEach((item, index) => {
    let g = map.get(item.reason);
    if (!g) map.set(item.reason, (g = { reason: item.reason, items: [] }));
    g.items.push({ item, index });
  });
  const rank = (r: ClutterReason) => {
    const i = REASON_ORDER.indexOf(r);
    return i < 0 ? REASON_ORDER.length : i;
  };
  return [...map.values()].sort((a, b) => rank(a.reason) - rank(b.reason) || b.items.length - a.items.length);
}

export interface EntityGroup {
  type: EntityType;
  entities: Entity[];
}

/** Entities grouped by type (people, organisations, places, ...), most mentioned first. */
export function groupEntities(entities: Entity[]): EntityGroup[] {
  const map = new Map<EntityType, Entity[]>();
  for (const e of entities) {
    const list = map.get(e.type) ?? [];
    list.push(e);
    map.set(e.type, list);
  }
  const rank = (t: EntityType) => {
    const i = ENTITY_TYPE_ORDER.indexOf(t);
    return i < 0 ? ENTITY_TYPE_ORDER.length : i;
  };
  return [...map.entries()]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([type, list]) => ({
      type,
      entities: [...list].sort((a, b) => b.count - a.count || byName(a.name, b.name)),
    }));
}

/**
 * Tie-break by name, case-insensitively. Not localeCompare(..., 'id'): its first call in a fresh
 * renderer loads ICU collation data (~5 ms), on the panel's first render.
 */
function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

const LOCALES: Record<UiLang, string> = { id: 'id-ID', en: 'en-GB' };

const MONTHS: Record<UiLang, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** Indonesia's zones by UTC offset in minutes. */
const ZONES: Record<number, string> = { 420: 'WIB', 480: 'WITA', 540: 'WIT' };

/**
 * "23 November 2026, 14.05 WIB" / "23 November 2026, 14:05 WIB": the wall time the article gives,
 * in its own zone and labelled (a reader in Makassar sees the hour the page says, and which zone
 * it is). A time in UTC ("Z") is shown in WIB; another offset as "UTC+3"; a time without an
 * offset as written, unlabelled. Date only when there is no time part. Written out rather than
 * Intl.DateTimeFormat: in a new renderer process (a panel opened after the worker stopped) the
 * first Intl formatter loads ICU locale data, ~25 ms before the panel's first render.
 */
export function formatDate(iso: string | null | undefined, lang: UiLang, withTime = true): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const timed = /T\d{2}:\d{2}/.test(iso);
  const m = timed ? /(Z|([+-])(\d{2}):?(\d{2}))$/i.exec(iso) : null;
  // With an offset: the wall time there, read from a shifted UTC date; else the local reading.
  const offset = !m ? null : /z/i.test(m[1]!) ? 420 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  const w = offset == null ? d : new Date(d.getTime() + offset * 60_000);
  const get = offset == null
    ? { y: w.getFullYear(), mo: w.getMonth(), day: w.getDate(), h: w.getHours(), mi: w.getMinutes() }
    : { y: w.getUTCFullYear(), mo: w.getUTCMonth(), day: w.getUTCDate(), h: w.getUTCHours(), mi: w.getUTCMinutes() };
  const date = `${get.day} ${MONTHS[lang][get.mo]} ${get.y}`;
  if (!(withTime && timed)) return date;
  const two = (n: number) => String(n).padStart(2, '0');
  const zone = offset == null ? '' : ` ${ZONES[offset] ?? `UTC${offset < 0 ? '-' : '+'}${Math.abs(offset) / 60}`}`;
  return `${date}, ${two(get.h)}${lang === 'id' ? '.' : ':'}${two(get.mi)}${zone}`;
}

/** Reading time in whole minutes (at least 1) at ~200 words a minute. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round((wordCount || 0) / 200));
}

export function formatBytes(bytes: number, lang: UiLang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const n = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
  return `${n} ${units[i]}`;
}

/** A number with `digits` decimals in the UI language's notation ("1,7" in Indonesian); no Intl (see formatDate). */
export function formatDecimal(v: number, digits: number, lang: UiLang): string {
  const s = v.toFixed(digits);
  return lang === 'id' ? s.replace('.', ',') : s;
}

/** Host name without "www.", for display. */
export function displayHost(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
