import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { extractEntities } from '../../../src/entities';
import { openLibrary, type Library } from '../../../src/library';
import { docEntities } from '../../../src/library/features';
import { freshName, makeArticle } from './helpers';

let l: Library | null = null;
afterEach(() => l?.close());

it('the outlet of the dateline is not a reason to relate two articles', async () => {
  const texts = [
    'JAKARTA, KOMPAS.com - Harga cabai rawit di Pasar Induk Kramat Jati naik dua kali lipat pekan ini.\nPedagang menyebut pasokan dari Garut berkurang karena hujan.',
    'JAKARTA, KOMPAS.com - Tim nasional menang dua gol tanpa balas atas Vietnam di Stadion Gelora Bung Karno.\nPelatih memuji lini tengah yang bermain disiplin.',
  ];
  const ents = texts.map((t) => extractEntities(t.split('\n')));
  const outlet = ents[0]!.find((e) => /kompas/i.test(e.name));
  expect(outlet?.role).toBe('media (dateline)'); // the tagger marks it...
  expect(docEntities(ents[0]!).map((e) => e.id)).not.toContain(outlet!.id); // ...and ranking leaves it out
  l = openLibrary(freshName('outlet'));
  const saved = [];
  for (const [i, t] of texts.entries()) saved.push(await l.save(makeArticle({ url: `https://www.kompas.com/read/${i}`, title: t.split(' - ')[1]!.slice(0, 40), text: t }), ents[i]!));
  const related = await l.related(saved[1]!.id);
  expect(related.flatMap((r) => r.shared)).not.toContain(outlet!.id);
  expect(related.map((r) => r.reason).join(' ')).not.toMatch(/kompas/i);
});
