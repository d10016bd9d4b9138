/**
 * Feature extraction for the tagger, shared by scripts/train-ner.ts and the run-time tagger.
 *
 * Every feature is a 32-bit hash of (template id, token-level hashes). Token-level hashes are
 * computed once per token, so a feature costs two integer mixes and no string building; that is
 * what keeps tagging above 200k tokens/s in a browser.
 */
import { combine, fmix, hashString } from './hash';
import { gazetteer, gazetteerCodes, type Gazetteer } from './gazetteer';
import { lexiconLookup, wordClassesOf, wordClusters, type WordClusters } from './clusters';
import { CALENDAR_WORDS, LOC_PREFIXES, ORG_PREFIXES, PLACE_PREPOSITIONS, SPEECH_VERBS, TITLE_WORDS } from './lexicon';

/** Hash of one feature (template, value a, value b): a single mix, as there are ~35 per token. */
function featureHash(tpl: number, a: number, b = 0): number {
  return fmix((Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(tpl, 0xc2b2ae35)) >>> 0);
}

/** Word-class bits from the closed lists in lexicon.ts. */
const CLS_TITLE = 1, CLS_ORGP = 2, CLS_LOCP = 4, CLS_PREP = 8, CLS_CAL = 16, CLS_SPEECH = 32, CLS_STOP = 64;

const SENTENCE_OPENERS = new Set(['.', '!', '?', '“', '"', ':', '”', '–', '—', '-', '--']);

const PAD_L1 = hashString('<s>'), PAD_L2 = hashString('<s2>'), PAD_R1 = hashString('</s>'), PAD_R2 = hashString('</s2>');

/** Collapsed word shape: "Kompas" -> "Xx", "KPK" -> "X", "1.000" -> "d.d", "Jong-un" -> "Xx-x". */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  for (const ch of w) {
    let c: string;
    if (ch >= '0' && ch <= '9') c = 'd';
    else if (ch.toLowerCase() !== ch) c = 'X';
    else if (ch.toUpperCase() !== ch) c = 'x';
    else if (/\p{L}/u.test(ch)) c = 'x';
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

function wordClass(lower: string, gaz: Gazetteer): number {
  let c = 0;
  if (TITLE_WORDS.has(lower)) c |= CLS_TITLE;
  if (ORG_PREFIXES.has(lower)) c |= CLS_ORGP;
  if (LOC_PREFIXES.has(lower)) c |= CLS_LOCP;
  if (PLACE_PREPOSITIONS.has(lower)) c |= CLS_PREP;
  if (CALENDAR_WORDS.has(lower)) c |= CLS_CAL;
  if (SPEECH_VERBS.has(lower)) c |= CLS_SPEECH;
  if (gaz.stopwords.has(lower)) c |= CLS_STOP;
  return c;
}

export interface SentenceFeatures {
  /** Feature hashes of all tokens, token after token; each token's first SELF_FEATURES depend on the
   *  word alone. A view of a buffer reused by the next call: copy it to keep it. */
  hashes: Uint32Array;
  /** Token i's features are hashes[offsets[i] .. offsets[i+1]). */
  offsets: Uint32Array;
  /** Per-token cached word facts (same object for the same word string while cached). */
  infos: WordInfo[];
}

// Template ids (any distinct constants; changing one invalidates the model).
const T = {
  bias: 1, word: 2, lower: 3, prev: 4, next: 5, prev2: 6, next2: 7, prevCur: 8, curNext: 9,
  shape: 10, shapePrevCur: 11, shapeCurNext: 12, pre: 13, suf: 20, firstShape: 30, cls: 31,
  clsPrev: 32, clsNext: 33, gaz: 34, gazPrev: 35, gazNext: 36, prevShape: 37, nextShape: 38,
  clsPrev2: 39, shape3: 40, len: 41, capRun: 42, gazPrevWord: 43, gazNextWord: 44,
  clu: 50, lex: 60, lexPrev: 61, lexNext: 62,
} as const;

/** Cluster levels used as features, each as (class, capitalised) of the word itself: tried on dev,
 *  neighbours' classes and class bigrams did not help (the clusters may have fewer levels; a missing
 *  level reads as 0). */
const CLUSTER_LEVELS = 3;
/** Class + 1 of clustering k from a packed cluster word (0 = unknown word or level). */
const cluster = (packed: number, k: number) => (packed >>> (10 * k)) & 1023;

const MAX_FEATS_PER_TOKEN = 64;

/**
 * Per-word facts, cached: news text repeats its words, and computing them (lower-casing, shape,
 * affix hashes) is most of the tagging cost. Layout: [word, lower, shape, class, capitalised,
 * prefix 1-4, suffix 1-4, packed clusters, name lexicon code] (affix slots are 0 when the word is too short), then the
 * hashes of the SELF_FEATURES features that depend on the word alone, so a tagger can cache their
 * weight sum.
 */
export const SELF_FEATURES = 15 + CLUSTER_LEVELS;
const SELF_AT = 15;
const INFO_SIZE = SELF_AT + SELF_FEATURES;
/** A cached word: its facts, plus room for a tagger to keep the weight sum of its word-only
 *  features (valid while `stamp` equals the id of the model that computed it). */
export interface WordInfo {
  h: Uint32Array;
  self: Float32Array;
  stamp: number;
}
const infoCache = new Map<string, WordInfo>();
let infoCacheOwner: Gazetteer | null = null;
let infoCacheClusters: WordClusters | null = null;

function wordInfo(w: string, gaz: Gazetteer, wc: WordClusters): WordInfo {
  if (infoCacheOwner !== gaz || infoCacheClusters !== wc) { infoCache.clear(); infoCacheOwner = gaz; infoCacheClusters = wc; }
  const hit = infoCache.get(w);
  if (hit) return hit;
  const info = new Uint32Array(INFO_SIZE);
  const l = w.toLowerCase();
  info[0] = hashString(w);
  info[1] = l === w ? info[0]! : hashString(l);
  info[2] = hashString(wordShape(w));
  info[3] = wordClass(l, gaz);
  info[4] = l !== w && w[0] !== l[0] ? 1 : 0; // starts with an upper-case letter
  const len = l.length;
  for (let a = 1; a <= 4 && a < len; a++) {
    info[4 + a] = hashString(l.slice(0, a));
    info[8 + a] = hashString(l.slice(len - a));
  }
  info[13] = wordClassesOf(wc, l, info[1]!);
  info[14] = lexiconLookup(wc.lex, wc.lexCased ? info[0]! : info[1]!);
  const f = featureHash;
  let k = SELF_AT;
  info[k++] = f(T.bias, 0);
  info[k++] = f(T.word, info[0]!);
  info[k++] = f(T.lower, info[1]!);
  info[k++] = f(T.shape, info[2]!);
  for (let a = 1; a <= 4; a++) {
    info[k++] = f(T.pre + a, info[4 + a]!);
    info[k++] = f(T.suf + a, info[8 + a]!);
  }
  info[k++] = f(T.len, Math.min(w.length, 12), info[4]!);
  info[k++] = f(T.cls, info[3]!);
  for (let c = 0; c < CLUSTER_LEVELS; c++) info[k++] = f(T.clu + c, cluster(info[13]!, c), info[4]!);
  info[k++] = f(T.lex, info[14]!, info[4]!);
  if (infoCache.size > 200_000) infoCache.clear(); // bound memory on endless input
  const entry: WordInfo = { h: info, self: new Float32Array(8), stamp: 0 };
  infoCache.set(w, entry);
  return entry;
}

/** Reused across calls: callers read `hashes` before the next call (the tagger and trainer do). */
let scratch = new Uint32Array(64 * MAX_FEATS_PER_TOKEN);

export function sentenceFeatures(tokens: readonly string[], gaz: Gazetteer = gazetteer(), wc: WordClusters = wordClusters()): SentenceFeatures {
  const n = tokens.length;
  const hW = new Uint32Array(n), hL = new Uint32Array(n), hS = new Uint32Array(n);
  const cls = new Uint8Array(n), cap = new Uint8Array(n), lex = new Uint8Array(n);
  const infos: WordInfo[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    const entry = wordInfo(w, gaz, wc);
    infos[i] = entry;
    const info = entry.h;
    hW[i] = info[0]!;
    hL[i] = info[1]!;
    hS[i] = info[2]!;
    cls[i] = info[3]!;
    cap[i] = info[4]!;
    lex[i] = info[14]!;
  }
  const gz = gazetteerCodes(gaz, hL, n);
  // Length of the run of capitalised tokens containing i: long runs are names of organisations.
  const run = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    if (!cap[i]) { i++; continue; }
    let j = i;
    while (j < n && cap[j]) j++;
    for (let k = i; k < j; k++) run[k] = Math.min(j - i, 4);
    i = j;
  }

  if (scratch.length < n * MAX_FEATS_PER_TOKEN) scratch = new Uint32Array(n * MAX_FEATS_PER_TOKEN * 2);
  const hashes = scratch;
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  const add = (tpl: number, a: number, b = 0) => { hashes[k++] = featureHash(tpl, a, b); };
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    const info = infos[i]!.h;
    const p1 = i > 0 ? hL[i - 1]! : PAD_L1, p2 = i > 1 ? hL[i - 2]! : PAD_L2;
    const n1 = i + 1 < n ? hL[i + 1]! : PAD_R1, n2 = i + 2 < n ? hL[i + 2]! : PAD_R2;
    const sp = i > 0 ? hS[i - 1]! : PAD_L1, sn = i + 1 < n ? hS[i + 1]! : PAD_R1;
    const first = i === 0 || SENTENCE_OPENERS.has(tokens[i - 1]!) ? 1 : 0;
    for (let a = 0; a < SELF_FEATURES; a++) hashes[k++] = info[SELF_AT + a]!;
    add(T.prev, p1);
    add(T.next, n1);
    add(T.prev2, p2);
    add(T.next2, n2);
    add(T.prevCur, p1, hL[i]!);
    add(T.curNext, hL[i]!, n1);
    add(T.shapePrevCur, sp, hS[i]!);
    add(T.shapeCurNext, hS[i]!, sn);
    add(T.shape3, combine(sp, hS[i]!), sn);
    add(T.prevShape, p1, hS[i]!);
    add(T.nextShape, n1, hS[i]!);
    add(T.firstShape, first, hS[i]!);
    add(T.capRun, run[i]!, first);
    const cp = i > 0 ? cls[i - 1]! : 128, cn = i + 1 < n ? cls[i + 1]! : 128, cp2 = i > 1 ? cls[i - 2]! : 128;
    add(T.clsPrev, cp, cap[i]!);
    add(T.clsNext, cn, cap[i]!);
    add(T.clsPrev2, cp2, cap[i]!);
    const g = gz[i]!, gp = i > 0 ? gz[i - 1]! : 0, gn = i + 1 < n ? gz[i + 1]! : 0;
    if (g) add(T.gaz, g, cap[i]!);
    if (gp) add(T.gazPrev, gp);
    if (gn) add(T.gazNext, gn);
    if (g) { add(T.gazPrevWord, g, p1); add(T.gazNextWord, g, n1); }
    const lp = i > 0 ? lex[i - 1]! : 16, ln = i + 1 < n ? lex[i + 1]! : 16;
    if (lex[i] || lp) add(T.lexPrev, lp, lex[i]!);
    if (lex[i] || ln) add(T.lexNext, lex[i]!, ln);
  }
  offsets[n] = k;
  return { hashes: hashes.subarray(0, k), offsets, infos };
}
