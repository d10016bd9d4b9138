import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import { LibraryError } from '../../../src/library/errors';
import { ent, entityDf, freshName, makeArticle, storedCounts } from './helpers';

const open: Library[] = [];
function lib(): Library {
  const l = openLibrary(freshName('sorot-export'));
  open.push(l);
  return l;
}
afterEach(() => { while (open.length) open.pop()!.close(); });

async function filled(): Promise<Library> {
  const l = lib();
  await l.save(makeArticle({ url: 'https://kompas.example/a', title: 'Putin kirim mobil Aurus untuk Kim Jong Un', text: 'Vladimir Putin menghadiahkan mobil Aurus kepada Kim Jong Un.\nKim Yo Jong berterima kasih.', published: '2024-02-20T08:00:00+07:00' }),
    [ent('PER', 'Vladimir Putin'), ent('PER', 'Kim Jong Un', 2, ['Kim Jong Un', 'Kim']), ent('DATE', '20 Februari 2024')], 1000);
  // A relayed story keeps its source through the round trip.
  await l.save({ ...makeArticle({ url: 'https://detik.example/b', title: 'Banjir rendam Jakarta Utara', text: 'Banjir merendam ratusan rumah di Jakarta Utara. <b>Warga</b> mengungsi.' }), source: 'Antara' },
    [ent('LOC', 'Jakarta Utara')], 2000);
  await l.save(makeArticle({ url: 'https://kompas.example/a', title: 'Putin kirim mobil Aurus untuk Kim Jong Un', text: 'Vladimir Putin menghadiahkan mobil Aurus kepada Kim Jong Un.\nKim Yo Jong berterima kasih.', published: '2024-02-20T08:00:00+07:00' }),
    [ent('PER', 'Vladimir Putin'), ent('PER', 'Kim Jong Un', 2, ['Kim Jong Un', 'Kim Jong-un'])], 3000);
  return l;
}

async function snapshot(l: Library) {
  const db = l.db;
  const byId = <T extends object>(rows: T[], key: keyof T) => [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
  return {
    articles: byId(await db.articles.toArray(), 'id'),
    bodies: byId(await db.bodies.toArray(), 'id'),
    entities: byId(await db.entities.toArray(), 'id'),
    counts: await storedCounts(l),
    meta: await db.meta.toArray(),
  };
}

describe('export / import', () => {
  it('round-trips losslessly into an empty library', async () => {
    const src = await filled();
    const json = await src.exportJson();
    const dst = lib();
    expect(await dst.importJson(json)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    expect(await snapshot(dst)).toEqual(await snapshot(src));
    expect((await dst.getByUrl('https://detik.example/b'))?.source).toBe('Antara');
    // And the copy exports the same content again.
    const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: 0 });
    expect(strip(await dst.exportJson())).toEqual(strip(json));
    // The same file again: everything is already here, and it says so.
    expect(await dst.importJson(json)).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('merges into a library that has some of the articles', async () => {
    const src = await filled();
    const dst = lib();
    await dst.save(makeArticle({ url: 'https://detik.example/b', title: 'Banjir rendam Jakarta Utara', text: 'Versi lama.' }), [ent('LOC', 'Jakarta Utara')], 500);
    expect(await dst.importJson(await src.exportJson())).toEqual({ added: 1, updated: 1, unchanged: 0 });
    expect(await dst.count()).toBe(2);
    const b = await dst.getByUrl('https://detik.example/b');
    expect(b).toMatchObject({ firstRead: 500, lastRead: 2000, readCount: 1 });
    expect(b!.paragraphs[0]).toMatch(/^Banjir merendam/);
    expect(await entityDf(dst, 'LOC:jakarta-utara')).toBe(1);
  });

  const bad: [string, (good: string) => string][] = [
    ['not JSON', (g) => g.slice(0, g.length / 2)],
    ['a foreign JSON file', () => JSON.stringify({ bookmarks: [{ url: 'https://a.example' }] })],
    ['an article with a missing field', (g) => { const f = JSON.parse(g); delete f.articles[1].title; return JSON.stringify(f); }],
    ['an article whose id does not match its URL', (g) => { const f = JSON.parse(g); f.articles[1].canonicalUrl = 'https://evil.example/'; return JSON.stringify(f); }],
    ['a newer format version', (g) => JSON.stringify({ ...JSON.parse(g), version: 99 })],
    ['a javascript: address', (g) => { const f = JSON.parse(g); f.articles[1].url = 'javascript:alert(1)'; return JSON.stringify(f); }],
    ['the same article twice', (g) => { const f = JSON.parse(g); f.articles.push(f.articles[0]); return JSON.stringify(f); }],
  ];
  const problems: Record<string, string> = { 'not JSON': 'not-json', 'a foreign JSON file': 'not-sorot', 'a newer format version': 'newer' };
  for (const [what, corrupt] of bad) {
    it(`refuses ${what} and changes nothing`, async () => {
      // The file's other articles are valid and new to the target: none of them may land.
      const good = await (await filled()).exportJson();
      const l = lib();
      await l.save(makeArticle({ url: 'https://z.example/1', title: 'Gempa di Cianjur', text: 'Gempa mengguncang Cianjur.' }), [ent('LOC', 'Cianjur')], 1);
      const before = await snapshot(l);
      const text = corrupt(good);
      const err = await l.importJson(text).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LibraryError);
      expect((err as LibraryError).code).toBe('invalid-import');
      expect((err as LibraryError).problem).toBe(problems[what] ?? 'damaged');
      expect((err as Error).message).toMatch(/nothing was changed/);
      expect(await snapshot(l)).toEqual(before);
    });
  }

  it('drops an image that is no web address instead of refusing the file', async () => {
    const f = JSON.parse(await (await filled()).exportJson());
    f.articles[0].image = 'data:text/html,<script>alert(1)</script>';
    const l = lib();
    await l.importJson(JSON.stringify(f));
    expect((await l.get(f.articles[0].id))?.image).toBeNull();
  });

  it('rolls back a failing import as one transaction', async () => {
    const good = await (await filled()).exportJson();
    const l = lib();
    await l.save(makeArticle({ url: 'https://z.example/1', title: 'Gempa di Cianjur', text: 'Gempa mengguncang Cianjur.' }), [ent('LOC', 'Cianjur')], 1);
    const before = await snapshot(l);
    const spy = vi.spyOn(l.db.bodies, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(l.importJson(good)).rejects.toMatchObject({ code: 'quota' });
    spy.mockRestore();
    expect(await snapshot(l)).toEqual(before);
  });
});
