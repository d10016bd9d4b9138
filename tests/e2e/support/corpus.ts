/** The corpus pages (../shared/corpus) as routes under their outlets' own host names. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './browser';
import type { Route } from './server';

export const CORPUS = path.resolve(ROOT, '../shared/corpus');

/** Every raw corpus page at its original URL (http, the one doubled slash in a detik URL mended). */
export function corpusRoutes(): Route[] {
  return fs.readFileSync(path.join(CORPUS, 'manifest.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)
    .map((l) => l.split('\t'))
    .map((c) => ({ url: c[2]!.replace(/^https:/, 'http:').replace('.com//', '.com/'), file: path.join(CORPUS, 'raw', c[0]!) }))
    .filter((r) => fs.existsSync(r.file));
}
