/**
 * Indonesian named entities for Sorot: tokenizer, tagger and article-level merging.
 * Pure (no DOM, no browser APIs, no I/O): the gazetteer is bundled; the data package (model, word
 * clusters, name lexicon) is provided once (data.ts: loadNerData in the extension, entities/node.ts
 * in Node) and its run-time tables are built on first use.
 */
export { tokenize, tokenizeWords, type Token } from './tokenize';
export { tagTokens } from './tagger';
export { extractEntities } from './extract';
export { DATELINE_OUTLET_ROLE, nameKey, slug } from './merge';
export { loadNerData, nerDataLoaded, NER_DATA_FILE } from './data';
