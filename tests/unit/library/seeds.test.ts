import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../../src/library';
import { heuristicEntities } from '../../../src/library/heuristic-entities';
import { devSet, ent, freshName, makeArticle, seedText } from './helpers';

// The two articles the project started from: same people (Putin, Kim), different events.
const seed000 = makeArticle({
  url: 'https://www.indozone.id/news/putin-hadiahkan-mobil-kim-jong-un', site: 'Indozone',
  title: 'Putin Hadiahkan Mobil Mewah untuk Kim Jong Un', text: seedText('000'), published: '2024-02-20',
});
const seed003 = makeArticle({
  url: 'https://akurasi.id/internasional/kerjasama-kim-jong-un-putin-souvenir', site: 'Akurasi.id',
  title: 'Kerjasama Antara Kim Jong Un dan Putin: Pertemuan Diplomatik di Balik Souvenir', text: seedText('003'), published: '2023-09-20',
});
const putin = ent('PER', 'Vladimir Putin', 4, ['Vladimir Putin', 'Putin']);
const kim = ent('PER', 'Kim Jong Un', 6);
const rusia = ent('LOC', 'Rusia', 5);
const korut = ent('LOC', 'Korea Utara', 4, ['Korea Utara', 'Korut']);
const entities000 = [putin, kim, rusia, korut, ent('ORG', 'KCNA'), ent('LOC', 'Asia Timur'), ent('PER', 'Yusril Ihza Mahendra')];
const entities003 = [putin, kim, rusia, korut, ent('LOC', 'Moskow'), ent('PER', 'Oleg Kozhemyako'), ent('LOC', 'Primorsky'), ent('LOC', 'Asia Timur'), ent('ORG', 'PSI')];

describe('seeds among unrelated articles', () => {
  const lib = openLibrary(freshName('sorot-seeds'));
  afterAll(() => lib.close());

  it('each seed ranks the other first, citing the shared entities', async () => {
    // ~30 unrelated articles: the dev set's other events (none about Russia or Korea).
    const dev = devSet();
    const others = [...dev.stories.filter((s) => s.id !== 'aurus-hadiah-2024').flatMap((s) => s.articles), ...dev.distractors.slice(2)].slice(0, 30);
    expect(others.length).toBe(30);
    for (const [i, o] of others.entries()) {
      const a = makeArticle({ url: `${o.url}?n=${i}`, site: o.outlet, title: o.title, text: o.text, published: o.date });
      await lib.save(a, heuristicEntities(a.paragraphs));
    }
    const s0 = await lib.save(seed000, entities000);
    const s3 = await lib.save(seed003, entities003);
    expect(await lib.count()).toBe(32);

    const r0 = await lib.related(s0.id);
    const r3 = await lib.related(s3.id);
    expect(r0[0]?.id).toBe(s3.id);
    expect(r3[0]?.id).toBe(s0.id);
    for (const r of [r0[0]!, r3[0]!]) {
      expect(r.reason).toMatch(/^sama-sama menyebut /);
      for (const name of ['Kim Jong Un', 'Vladimir Putin', 'Rusia']) expect(r.reason).toContain(name);
      expect(r.shared).toEqual(expect.arrayContaining(['PER:kim-jong-un', 'PER:vladimir-putin', 'LOC:rusia', 'LOC:korea-utara']));
      // Five months apart: related, but not the same story.
      expect(r.sameStory).toBe(false);
    }
    expect(r0[0]!.title).toBe(seed003.title);
  });
});
