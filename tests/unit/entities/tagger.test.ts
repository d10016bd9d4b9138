import { describe, expect, it } from 'vitest';
import { tagTokens } from '../../../src/entities/index';
import { ALLOWED, NUM_TAGS, TAGS } from '../../../src/entities/tags';

describe('tagTokens', () => {
  it('loads the bundled model and tags a known news sentence', () => {
    const tokens = ['Presiden', 'Joko', 'Widodo', 'bertemu', 'Ketua', 'KPK', 'di', 'Istana', 'Merdeka', ',', 'Jakarta', ',', 'Senin', '.'];
    const tags = tagTokens(tokens);
    expect(tags).toHaveLength(tokens.length);
    expect(tags.slice(1, 3)).toEqual(['B-PER', 'I-PER']);
    expect(tags[5]).toBe('B-ORG');
    expect(tags[10]).toBe('B-LOC');
    expect(tags[12]).toBe('O'); // Senin (Monday) is capitalised but not a name
    expect(tags[3]).toBe('O');
  });

  it('only emits valid BIO sequences', () => {
    const tokens = 'Menurut laporan Kantor Berita Resmi Korut , Korean Central News Agency ( KCNA ) , hadiah dari Putin'.split(' ');
    const tags = tagTokens(tokens);
    let prev: number = NUM_TAGS;
    for (const t of tags) {
      const idx = TAGS.indexOf(t as (typeof TAGS)[number]);
      expect(idx).toBeGreaterThanOrEqual(0);
      expect(ALLOWED[prev * NUM_TAGS + idx]).toBe(1);
      prev = idx;
    }
  });

  it('handles empty input', () => {
    expect(tagTokens([])).toEqual([]);
  });
});
