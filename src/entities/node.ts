/**
 * The entity engine for Node (CLI, scripts, tests, benches): the same API as entities/index.ts,
 * with the model and clusters read from assets/ner on import.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NER_DATA_FILES, nerDataLoaded, provideNerData, type NerData } from './data';

// A path, not a URL: test DOM environments replace the global URL.
const assets = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets');
const read = (file: string): unknown => JSON.parse(readFileSync(resolve(assets, file), 'utf8'));

export function readNerData(): NerData {
  return { model: read(NER_DATA_FILES.model) as NerData['model'], clusters: read(NER_DATA_FILES.clusters) as NerData['clusters'] };
}

if (!nerDataLoaded()) provideNerData(readNerData());

export * from './index';
