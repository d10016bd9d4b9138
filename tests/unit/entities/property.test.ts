import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractEntities, tagTokens, tokenize } from '../../../src/entities/index';

const newsy = fc.array(fc.constantFrom('Presiden', 'Joko', 'Widodo', 'KPK', '(', ')', ',', '.', '-', '--', 'di', 'Jakarta', 'JAKARTA', 'Kompas.com', '“', '”', 'Korut', 'Jokowi-JK', 'dan', 'Rp', '1.000', 'Desa', 'Kecamatan', 'PT', 'a', '\u0000', '🙂', 'Ä'), { maxLength: 40 })
  .map((ws) => ws.join(' '));

describe('property: never throws', () => {
  it('extractEntities accepts any text and returns well-formed entities', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), newsy), { maxLength: 5 }), (paras) => {
      const ents = extractEntities(paras);
      for (const e of ents) {
        expect(e.count).toBe(e.mentions.length);
        expect(e.id.startsWith(`${e.type}:`)).toBe(true);
        for (const m of e.mentions) expect(paras[m.paragraph]!.slice(m.start, m.end)).toBe(m.text);
      }
    }), { numRuns: 300 });
  });

  it('tagTokens returns one tag per token of any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), newsy), (text) => {
      const toks = tokenize(text).map((t) => t.text);
      expect(tagTokens(toks)).toHaveLength(toks.length);
    }), { numRuns: 200 });
  });
});
