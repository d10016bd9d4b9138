import { describe, expect, it, vi } from 'vitest';
import { readNerBytes } from '../../../src/entities/node';

const buffer = (b: Uint8Array): ArrayBuffer => b.slice().buffer;

describe('loading the tagger data (entities/data.ts)', () => {
  it('tells what is missing before a load, keeps nothing from a failed load, and loads once', async () => {
    vi.resetModules();
    const data = await import('../../../src/entities/data');
    const { tagTokens } = await import('../../../src/entities/index');
    expect(data.nerDataLoaded()).toBe(false);
    expect(() => tagTokens(['Joko', 'Widodo'])).toThrow(/NER data not loaded/);
    await expect(data.loadNerData(async (f) => { throw new Error(`${f}: HTTP 404`); })).rejects.toThrow(/HTTP 404/);
    expect(data.nerDataLoaded()).toBe(false);
    const bytes = readNerBytes();
    const asked: string[] = [];
    const read = async (f: string) => {
      asked.push(f);
      return buffer(bytes);
    };
    await Promise.all([data.loadNerData(read), data.loadNerData(read)]);
    await data.loadNerData(read);
    expect(asked).toEqual([data.NER_DATA_FILE]);
    expect(tagTokens(['Presiden', 'Joko', 'Widodo', 'tiba', 'di', 'Jakarta'])).toEqual(['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC']);
  });

  it('refuses a truncated or corrupt package with the reason, and a later good read still loads', async () => {
    vi.resetModules();
    const data = await import('../../../src/entities/data');
    const { tagTokens } = await import('../../../src/entities/index');
    const good = readNerBytes();
    const truncated = good.subarray(0, good.length - 1000);
    await expect(data.loadNerData(async () => buffer(truncated))).rejects.toThrow(/ner\/tagger\.bin: truncated \(\d+ of \d+ bytes\)/);
    // One weight code changed, as a disk or download error would: refused, not read as weights.
    const flipped = good.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0x10;
    await expect(data.loadNerData(async () => buffer(flipped))).rejects.toThrow(/corrupt \(SHA-256 mismatch\)/);
    await expect(data.loadNerData(async () => new TextEncoder().encode('{"format":7,"tags":["O","B-PER"],"bits":18}').buffer)).rejects.toThrow(/not a Sorot NER package/);
    expect(data.nerDataLoaded()).toBe(false);
    expect(() => tagTokens(['Joko'])).toThrow(/NER data not loaded/);
    await data.loadNerData(async () => buffer(good));
    expect(tagTokens(['Presiden', 'Joko', 'Widodo'])).toEqual(['O', 'B-PER', 'I-PER']);
  });
});
