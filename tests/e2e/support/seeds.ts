import path from 'node:path';
import { ROOT } from './browser';
import type { Route } from './server';

const dir = path.join(ROOT, 'tests/fixtures/seeds');

/** The two seed articles as their outlets publish them, at their own URLs. */
export const SEED_PUTIN: Route = {
  url: 'http://www.indozone.id/news/p2q8Xy1/putin-hadiahkan-mobil-mewah-buatan-rusia-untuk-kim-jong-un',
  file: path.join(dir, 'indozone-putin-mobil.html'),
};
export const SEED_KIM: Route = {
  url: 'http://akurasi.id/internasional/kerjasama-antara-kim-jong-un-dan-putin-pertemuan-diplomatik-di-balik-souvenir/',
  file: path.join(dir, 'akurasi-kim-souvenir.html'),
};

/** Send a message to the content script the way src/messaging does (@webext-core format). */
export const rawMessage = (type: string, data?: unknown) => ({ id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() });
