/**
 * The tagger's two large data files, model weights (~1.7 MB) and word clusters (~270 KB), are not
 * bundled into the code: the background worker would parse them on every start, even to answer
 * the panel. The extension fetches them from its own package on the first article
 * (loadNerData), Node reads them from assets/ner (entities/node.ts). Tagging before either has
 * run is a programming error and says so.
 */
import type { ClusterFile } from './clusters';
import type { ModelFile } from './model';

export interface NerData {
  model: ModelFile;
  clusters: ClusterFile;
}

/** Where the built extension has them (copied from assets/ner by wxt.config.ts). */
export const NER_DATA_FILES = { model: 'ner/model.json', clusters: 'ner/clusters.json' } as const;

let data: NerData | null = null;

/** Once per context: the decoded tables (model.ts, clusters.ts) are built from the first data. */
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
 * Load the data once through `readJson` (a path from NER_DATA_FILES -> its parsed JSON). A failed
 * load is not remembered, so the next article tries again.
 */
export function loadNerData(readJson: (file: string) => Promise<unknown>): Promise<void> {
  if (data) return Promise.resolve();
  loading ??= Promise.all([readJson(NER_DATA_FILES.model), readJson(NER_DATA_FILES.clusters)])
    .then(([model, clusters]) => {
      if (!data) provideNerData({ model: model as ModelFile, clusters: clusters as ClusterFile });
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}
