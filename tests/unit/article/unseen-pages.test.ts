// @vitest-environment node
/**
 * Real pages of templates the corpus does not hold (tests/fixtures/unseen, provenance in
 * SOURCES.tsv): what a reader checks on each, asserted on the whole analysis.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../src/article/index';

const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom');
const DIR = path.resolve(__dirname, '../../fixtures/unseen');
function analyze(file: string, url: string) {
  const doc: Document = new JSDOM(readFileSync(path.join(DIR, file), 'utf8'), { url, virtualConsole: new VirtualConsole() }).window.document;
  return analyzeDocument(doc, url).result;
}

describe('Republika Jurnal Haji on ihram.co.id (2017, no <h1>, body split by <br><br>)', () => {
  const r = analyze('ihram-jamaah-haji.html', 'http://www.republika.co.id/berita/jurnal-haji/berita-jurnal-haji/17/02/17/oli9fp396-jamaah-haji-ikuti-pemeriksaan-kesehatan-haji');

  it('reads the article whole, from its dateline to its last sentence', () => {
    expect(r.isArticle).toBe(true);
    expect(r.article?.title).toBe('Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji');
    expect(r.article?.published).toBe('2017-02-17T13:16:00+07:00');
    const p = r.article?.paragraphs ?? [];
    expect(p).toHaveLength(6);
    expect(p[0]).toMatch(/^IHRAM\.CO\.ID, BANJARMASIH -- Kepala Kantor Kementerian Agama/);
    expect(p.at(-1)).toMatch(/berasal dari Kota Banjarmasin\.$/);
    expect(p.join(' ')).not.toMatch(/Redaktur|TAG:|SHARE/);
  });

  it('hides the credits table, the tag list and the share bar as three items, each with its reason', () => {
    const items = r.hidden.map((h) => `${h.reason}|${h.text}`);
    expect(items).toContain('editor|Redaktur : Agus Yulianto Sumber : kemenag.go.id');
    expect(items).toContain('tags|TAG: #haji #jemaah haji #kesehatan haji');
    expect(items.some((x) => x.startsWith('share|') && x.includes('SHARE'))).toBe(true);
  });
});

describe('Okezone 2015 (reporter in div.nmreporter, no meta author)', () => {
  const r = analyze('okezone-ahok-bintang-lima.html', 'http://news.okezone.com/read/2015/06/19/337/1167966/ahok-dukung-jokowi-diberi-pangkat-bintang-lima');

  it('reads the reporter as the byline and keeps the text', () => {
    expect(r.article?.byline).toBe('Fakhrizal Fakhri');
    expect(r.article?.title).toBe('Ahok Dukung Jokowi Diberi Pangkat Bintang Lima');
    expect(r.article?.paragraphs[0]).toMatch(/^JAKARTA - Gubernur DKI Jakarta Basuki Tjahaja Purnama/);
    expect(r.article?.paragraphs).toHaveLength(9);
  });
});
