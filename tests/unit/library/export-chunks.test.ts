/** The chunked export: same file as exportJson(), in parts, never the whole library as one string. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../src/library';
import { exportLibraryBlob, setLibraryForTests } from '../../../src/ui/library-client';
import { ent, freshName, makeArticle, storedCounts } from './helpers';

const open: Library[] = [];
function lib(): Library {
  const l = openLibrary(freshName('sorot-chunks'));
  open.push(l);
  return l;
}
afterEach(() => {
  setLibraryForTests(null);
  while (open.length) open.pop()!.close();
});

async function filled(n: number): Promise<Library> {
  const l = lib();
  for (let i = 0; i < n; i++) {
    await l.save(makeArticle({ url: `https://k.example/${i}`, title: `Banjir "rendam" kota ${i}`, text: `Banjir merendam rumah warga nomor ${i}.\nPetugas \\ mengungsikan <b>warga</b>.`, published: i % 3 ? '2024-01-02' : null }),
      [ent('LOC', `Kota ${i % 4}`), ent('PER', 'Heru Budi')], 1000 + i);
  }
  return l;
}

const strip = (s: string) => ({ ...JSON.parse(s), exportedAt: 0 });

describe('exportChunks', () => {
  it('yields the same file as exportJson in parts of a batch of articles', async () => {
    const src = await filled(23);
    const parts: string[] = [];
    for await (const p of src.exportChunks({ batch: 5 })) parts.push(p);
    // Header, five article batches, the entities' opening, the entity rows, the end.
    expect(parts.length).toBe(1 + 5 + 1 + 1 + 1);
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(parts.join('').length / 4);
    expect(strip(parts.join(''))).toEqual(strip(await src.exportJson()));
  });

  it('round-trips losslessly through an import into an empty library, also when empty', async () => {
    const src = await filled(11);
    let text = '';
    for await (const p of src.exportChunks({ batch: 3 })) text += p;
    const dst = lib();
    expect(await dst.importJson(text)).toEqual({ added: 11, updated: 0, unchanged: 0 });
    const rows = async (l: Library) => ({
      articles: await l.db.articles.toArray(), feats: await l.db.feats.toArray(), bodies: await l.db.bodies.toArray(),
      entities: await l.db.entities.toArray(), counts: await storedCounts(l), meta: await l.db.meta.toArray(),
    });
    expect(await rows(dst)).toEqual(await rows(src));
    const empty = lib();
    let none = '';
    for await (const p of empty.exportChunks()) none += p;
    expect(JSON.parse(none)).toMatchObject({ format: 'sorot-library', articles: [], entities: [] });
    expect(await lib().importJson(none)).toEqual({ added: 0, updated: 0, unchanged: 0 });
  });

  it('builds the download as a Blob of parts with the same content', async () => {
    const src = await filled(4);
    setLibraryForTests(src);
    const blob = await exportLibraryBlob();
    expect(blob.type).toBe('application/json');
    expect(strip(await blob.text())).toEqual(strip(await src.exportJson()));
  });
});
