/**
 * Marks the outlet named in a dateline ("JAKARTA, KOMPAS.com -"): who published the article, not
 * what it is about, so the library does not relate articles by it. Its own module so the library
 * can read it without loading the tagger.
 */
export const DATELINE_OUTLET_ROLE = 'media (dateline)';
