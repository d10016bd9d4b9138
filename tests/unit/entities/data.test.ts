import { describe, expect, it, vi } from 'vitest';
import { readNerData } from '../../../src/entities/node';

describe('loading the tagger data (entities/data.ts)', () => {
  it('tells what is missing before a load, keeps nothing from a failed load, and loads once', async () => {
    vi.resetModules();
    const data = await import('../../../src/entities/data');
    const { tagTokens } = await import('../../../src/entities/index');
    expect(data.nerDataLoaded()).toBe(false);
    expect(() => tagTokens(['Joko', 'Widodo'])).toThrow(/NER data not loaded/);
    await expect(data.loadNerData(async (f) => { throw new Error(`${f}: HTTP 404`); })).rejects.toThrow(/HTTP 404/);
    expect(data.nerDataLoaded()).toBe(false);
    const files = readNerData();
    const asked: string[] = [];
    const read = async (f: string) => {
      asked.push(f);
      return f === data.NER_DATA_FILES.model ? files.model : files.clusters;
    };
    await Promise.all([data.loadNerData(read), data.loadNerData(read)]);
    await data.loadNerData(read);
    expect(asked.sort()).toEqual(Object.values(data.NER_DATA_FILES).sort());
    expect(tagTokens(['Presiden', 'Joko', 'Widodo', 'tiba', 'di', 'Jakarta'])).toEqual(['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC']);
  });
});
