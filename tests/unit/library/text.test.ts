import { describe, expect, it } from 'vitest';
import { termVector } from '../../../src/library/text';

describe('termVector', () => {
  it("leaves the dateline's outlet out of the keywords, keeps its place", () => {
    const v = termVector('Harga cabai naik', ['JAKARTA, KOMPAS.com - Harga cabai rawit di Jakarta naik dua kali lipat.', 'Pedagang di KOMPAS menyebut pasokan berkurang.']);
    expect(v.terms).toContain('jakarta');
    expect(v.terms).toContain('caba'); // stemmed
    // Only the later, real mention of the word counts (weight 1, not the lead's).
    const plain = termVector('Harga cabai naik', ['Harga cabai rawit di Jakarta naik dua kali lipat.', 'Pedagang di KOMPAS menyebut pasokan berkurang.']);
    const w = (x: typeof v, t: string) => x.weights[x.terms.indexOf(t)];
    expect(w(v, 'kompas')).toBe(w(plain, 'kompas'));
    const onlyDateline = termVector('Harga cabai naik', ['JAKARTA, KOMPAS.com - Harga cabai rawit naik.']);
    expect(onlyDateline.terms.some((t) => t.startsWith('kompas'))).toBe(false);
  });
});
