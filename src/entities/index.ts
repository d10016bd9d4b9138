/**
 * Indonesian named entities for Sorot: tokenizer, tagger and article-level merging.
 * Pure (no DOM, no browser APIs, no I/O): the model and gazetteer are bundled modules,
 * decoded on first use.
 */
export { tokenize, tokenizeWords, type Token } from './tokenize';
export { tagTokens } from './tagger';
export { extractEntities } from './extract';
export { DATELINE_OUTLET_ROLE, nameKey, slug } from './merge';
