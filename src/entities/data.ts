/**
 * The tagger's data package (package.ts: model weights, word clusters, name lexicon; ~1.6 MB) is
 * not bundled into the code: the background worker would parse it on every start, even to answer
 * the panel. The extension fetches it from its own package on the first article (loadNerData),
 * Node reads it from assets/ner (entities/node.ts). Tagging before either has run is a
 * programming error and says so.
 */
import { openNerPackage, type NerPackage } from './package';

export type NerData = NerPackage;

/** Where the built extension has it (copied from assets/ner by wxt.config.ts). */
export const NER_DATA_FILE = 'ner/tagger.bin';

let data: NerData | null = null;

/** Once per context: the run-time tables (model.ts, clusters.ts) are built from the first data. */
export function provideNerData(d: NerData): void {
  if (data) throw new Error('NER data already provided');
  data = d;
}

export function nerDataLoaded(): boolean {
  return data !== null;
}

/** The data; throws when none has been provided yet. */
export function nerData(): NerData {
  if (!data) throw new Error('NER data not loaded: await loadNerData() (extension) or import entities/node (Node) first');
  return data;
}

let loading: Promise<void> | null = null;
/**
 * Load the data once through `readBytes` (NER_DATA_FILE -> its bytes). A file that cannot be read,
 * or is truncated or corrupt (openNerPackage says which), fails the load; a failed load is not
 * remembered, so the next article tries again.
 */
export function loadNerData(readBytes: (file: string) => Promise<ArrayBuffer>): Promise<void> {
  if (data) return Promise.resolve();
  loading ??= readBytes(NER_DATA_FILE)
    .then((bytes) => openNerPackage(bytes, NER_DATA_FILE))
    .then((d) => {
      if (!data) provideNerData(d);
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}
