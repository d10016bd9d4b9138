/** `s` as a literal inside a regular expression (names and query words are not patterns). */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Any of `forms` as a whole word (no letter or digit either side), case-sensitive, global. Put
 * longer forms first: the first alternative that matches wins ("Kim Jong Un" before "Kim").
 */
export const wholeWordsRe = (forms: readonly string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escapeRe).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
