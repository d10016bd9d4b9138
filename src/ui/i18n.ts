/**
 * UI strings in Indonesian and English, with an in-app language choice (options page).
 *
 * The strings live in locales/{id,en}.json. The same files feed @wxt-dev/i18n's WXT module, which
 * turns them into _locales/<lang>/messages.json for the manifest (name, description, commands).
 * browser.i18n cannot switch language at runtime, so the pages use this t() instead, which reads
 * the same files and follows the user's choice ("auto" = Indonesian when the browser UI is).
 *
 * Message forms (compatible with @wxt-dev/i18n): a string with {name} / $1 placeholders, or a
 * plural object { "0"?: ..., "1"?: ..., "n": ... } picked by the count.
 */
import { createContext, h, type ComponentChildren, type JSX } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import en from '../../locales/en.json';
import id from '../../locales/id.json';
import { languageItem, type Language } from './settings';

export type UiLang = 'id' | 'en';
type Plural = { '0'?: string; '1'?: string; n: string };
type Msg = string | Plural;
type Subs = Record<string, string | number> | Array<string | number>;

function flatten(obj: Record<string, unknown>, prefix = '', out = new Map<string, Msg>()): Map<string, Msg> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') {
      if ('n' in v && typeof (v as Plural).n === 'string') out.set(key, v as Plural);
      else flatten(v as Record<string, unknown>, key, out);
    }
  }
  return out;
}

export const MESSAGES: Record<UiLang, Map<string, Msg>> = {
  id: flatten(id as Record<string, unknown>),
  en: flatten(en as Record<string, unknown>),
};

/** "auto" follows the browser UI: Indonesian when it is Indonesian ("id", "in"), English otherwise. */
export function resolveLanguage(pref: Language | null | undefined, uiLocale?: string): UiLang {
  if (pref === 'id' || pref === 'en') return pref;
  const loc = (uiLocale ?? browserUiLocale()).toLowerCase();
  return /^(id|in)(\b|[-_])/.test(loc) || loc === 'id' || loc === 'in' ? 'id' : 'en';
}

function browserUiLocale(): string {
  try {
    const l = browser?.i18n?.getUILanguage?.();
    if (l) return l;
  } catch {
    /* not in an extension context */
  }
  return typeof navigator !== 'undefined' ? navigator.language : 'en';
}

function substitute(text: string, subs: Subs | undefined, count: number | undefined): string {
  let out = text;
  if (Array.isArray(subs)) {
    out = out.replace(/\$(\$|[1-9])/g, (m, d: string) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? m)));
  } else {
    if (count != null) out = out.replace(/\$1/g, String(count));
    out = out.replace(/\$\$/g, '$');
  }
  const named: Record<string, string | number> = { ...(Array.isArray(subs) ? {} : subs ?? {}) };
  if (count != null && named.n == null) named.n = count;
  return out.replace(/\{(\w+)\}/g, (m, k: string) => (named[k] != null ? String(named[k]) : m));
}

/** Translate `key` in `lang`. `count` picks a plural form and fills $1 / {n}. Unknown keys return the key. */
export function translate(lang: UiLang, key: string, countOrSubs?: number | Subs, subs?: Subs): string {
  const msg = MESSAGES[lang].get(key) ?? MESSAGES.en.get(key);
  if (msg == null) return key;
  const count = typeof countOrSubs === 'number' ? countOrSubs : undefined;
  const s = typeof countOrSubs === 'number' ? subs : countOrSubs;
  let text: string;
  if (typeof msg === 'string') text = msg;
  else if (count === 0 && msg['0'] != null) text = msg['0'];
  else if (count === 1 && msg['1'] != null) text = msg['1'];
  else text = msg.n;
  return substitute(text, s, count);
}

export type TFunction = (key: string, countOrSubs?: number | Subs, subs?: Subs) => string;

export interface Translator {
  lang: UiLang;
  t: TFunction;
}

export function makeTranslator(lang: UiLang): Translator {
  return { lang, t: (key, a, b) => translate(lang, key, a, b) };
}

const I18nContext = createContext<Translator>(makeTranslator(resolveLanguage('auto')));

export function useT(): Translator {
  return useContext(I18nContext);
}

/** Read the chosen language (for main.tsx, before the first render, so there is no flash). */
export async function loadLanguage(): Promise<UiLang> {
  try {
    return resolveLanguage(await languageItem.getValue());
  } catch {
    return resolveLanguage('auto');
  }
}

/** Provides t() and follows later changes of the language setting. `lang` pins it (tests). */
export function I18nProvider(props: { initial?: UiLang; lang?: UiLang; children: ComponentChildren }): JSX.Element {
  const [lang, setLang] = useState<UiLang>(props.lang ?? props.initial ?? resolveLanguage('auto'));
  useEffect(() => {
    if (props.lang) return;
    let unwatch: (() => void) | undefined;
    try {
      unwatch = languageItem.watch((v) => setLang(resolveLanguage(v)));
    } catch {
      /* no storage (plain page) */
    }
    return () => unwatch?.();
  }, [props.lang]);
  const effective = props.lang ?? lang;
  useEffect(() => {
    document.documentElement.lang = effective;
  }, [effective]);
  const value = useMemo(() => makeTranslator(effective), [effective]);
  return h(I18nContext.Provider, { value }, props.children);
}
