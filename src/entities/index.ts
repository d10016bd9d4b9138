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
import { loadNerData as loadData } from './data';
import { model } from './model';
import { wordClusters } from './clusters';
export { nerDataLoaded, NER_DATA_FILE } from './data';

/**
 * Load the tagger's data package once (data.ts) and build its run-time tables right away: the
 * background loads it while a page loads (SorotService.prepare), so the first article does not
 * wait for the tables either. Rejects when the file cannot be read, is damaged, or its tables
 * cannot be built.
 */
export async function loadNerData(readBytes: (file: string) => Promise<ArrayBuffer>): Promise<void> {
  await loadData(readBytes);
  model();
  wordClusters();
}
