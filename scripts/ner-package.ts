/**
 * The tagger's data package (src/entities/package.ts) to and from the trainer's JSON records.
 *
 *   tsx scripts/ner-package.ts pack MODEL.json CLUSTERS.json OUT.bin
 *       writes the package of a model.json and clusters.json written by scripts/train-ner.ts before
 *       it wrote packages (how assets/ner/tagger.bin was made from the trained files as of commit
 *       9dba68d), and checks that unpacking it gives both files back byte for byte
 *   tsx scripts/ner-package.ts unpack IN.bin OUT_DIR
 *       writes OUT_DIR/model.json and OUT_DIR/clusters.json (the trainer's records, for inspection
 *       or CLUSTERS_FILE experiments)
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { encodeNerPackage, openNerPackageSync, packageFiles } from '../src/entities/package';

const sha256 = (b: Uint8Array): Uint8Array => createHash('sha256').update(b).digest();

const [cmd, ...args] = process.argv.slice(2);
if (cmd === 'pack' && args.length === 3) {
  const [modelPath, clustersPath, out] = args as [string, string, string];
  const texts = [readFileSync(modelPath, 'utf8'), readFileSync(clustersPath, 'utf8')];
  const bytes = encodeNerPackage(JSON.parse(texts[0]!), JSON.parse(texts[1]!), sha256);
  const back = packageFiles(openNerPackageSync(bytes, out, sha256));
  if (JSON.stringify(back.model) !== texts[0]) throw new Error(`${out}: unpacking does not give ${modelPath} back`);
  if (JSON.stringify(back.clusters) !== texts[1]) throw new Error(`${out}: unpacking does not give ${clustersPath} back`);
  writeFileSync(out, bytes);
  console.log(`wrote ${out} (${bytes.length} bytes); unpacking it gives ${modelPath} and ${clustersPath} back byte for byte`);
} else if (cmd === 'unpack' && args.length === 2) {
  const [file, dir] = args as [string, string];
  const { model, clusters } = packageFiles(openNerPackageSync(readFileSync(file), file, sha256));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify(model));
  writeFileSync(path.join(dir, 'clusters.json'), JSON.stringify(clusters));
  console.log(`wrote ${path.join(dir, 'model.json')} and ${path.join(dir, 'clusters.json')}`);
} else {
  console.error('usage: tsx scripts/ner-package.ts pack MODEL.json CLUSTERS.json OUT.bin | unpack IN.bin OUT_DIR');
  process.exit(2);
}
