/**
 * The entity engine for Node (CLI, scripts, tests, benches): the same API as entities/index.ts,
 * with the data package read from assets/ner on import.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NER_DATA_FILE, nerDataLoaded, provideNerData, type NerData } from './data';
import { openNerPackageSync } from './package';

// A path, not a URL: test DOM environments replace the global URL.
const assets = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets');

/** The bytes of assets/ner/tagger.bin (or of another package file). */
export function readNerBytes(file = resolve(assets, NER_DATA_FILE)): Uint8Array {
  const b = readFileSync(file);
  return new Uint8Array(b.buffer, b.byteOffset, b.length); // not a Buffer: slice() copies
}

export const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

/** The checked package of assets/ner/tagger.bin (or of another package file). */
export function readNerData(file?: string): NerData {
  return openNerPackageSync(readNerBytes(file), file ?? NER_DATA_FILE, sha256);
}

if (!nerDataLoaded()) provideNerData(readNerData());

export * from './index';
