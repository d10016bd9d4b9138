import { describe, expect, it } from 'vitest';
import { tokenize, tokenizeWords } from '../../../src/entities/index';

describe('tokenize', () => {
  it('splits Indonesian punctuation and keeps outlet domains, initials and reduplication whole', () => {
    expect(tokenizeWords('JAKARTA, KOMPAS.com – Ronny F. Sompie: negara-negara "maju".')).toEqual([
      'JAKARTA', ',', 'KOMPAS.com', '–', 'Ronny', 'F.', 'Sompie', ':', 'negara-negara', '"', 'maju', '"', '.',
    ]);
  });

  it('keeps numbers and dates as one token', () => {
    expect(tokenizeWords('Rabu (4/11/2015) 1.000 orang')).toEqual(['Rabu', '(', '4/11/2015', ')', '1.000', 'orang']);
  });

  it('gives offsets that slice back to each token', () => {
    const text = '  Presiden Rusia, Vladimir Putin, tiba di “Moskow”. REPUBLIKA.CO.ID --';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenizeWords(text)).toContain('REPUBLIKA.CO.ID');
  });

  it('returns nothing for blank text', () => {
    expect(tokenize(' \n\t ')).toEqual([]);
  });
});
