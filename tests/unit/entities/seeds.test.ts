import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities, nameKey } from '../../../src/entities/index';
import type { Entity } from '../../../src/types';

const shared = process.env.SHARED_DIR ?? path.resolve(__dirname, '../../../../shared');
function seedParagraphs(file: string): string[] {
  return readFileSync(path.join(shared, 'seeds', file), 'utf8').split('\n').map((s) => s.trim())
    .filter((s) => s && !/^Baca Juga/i.test(s));
}
const entities = [...extractEntities(seedParagraphs('000_5435901111151329.txt')), ...extractEntities(seedParagraphs('003_773527af4449b1b5.txt'))];
/** Entities of this type having this form as name or surface (case and punctuation ignored). */
const having = (type: string, form: string, ents: Entity[] = entities) =>
  ents.filter((e) => e.type === type && [e.name, ...e.surface].some((s) => nameKey(s) === nameKey(form)));

describe('seed articles', () => {
  it.each([
    ['PER', 'Vladimir Putin'], ['PER', 'Kim Jong Un'], ['PER', 'Oleg Kozhemyako'],
    ['LOC', 'Rusia'], ['LOC', 'Korea Utara'], ['LOC', 'Moscow'], ['LOC', 'Asia Timur'], ['LOC', 'Primorsky'],
  ])('finds %s %s', (type, name) => {
    expect(having(type, name).length).toBeGreaterThan(0);
  });

  it('keeps KCNA and Korean Central News Agency as one organisation', () => {
    const first = extractEntities(seedParagraphs('000_5435901111151329.txt'));
    const kcna = having('ORG', 'KCNA', first);
    expect(kcna).toHaveLength(1);
    expect(kcna[0]!.surface).toEqual(expect.arrayContaining(['Korean Central News Agency', 'KCNA']));
  });

  it('merges Korut into Korea Utara and Putin into Vladimir Putin', () => {
    const first = extractEntities(seedParagraphs('000_5435901111151329.txt'));
    const korea = having('LOC', 'Korea Utara', first);
    expect(korea).toHaveLength(1);
    expect(korea[0]!.surface).toContain('Korut');
    expect(first.filter((e) => e.surface.includes('Putin'))).toHaveLength(1);
    expect(first.find((e) => e.surface.includes('Putin'))?.name).toBe('Vladimir Putin');
  });

  it('strips the title from Oleg Kozhemyako and keeps it as role', () => {
    const oleg = having('PER', 'Oleg Kozhemyako')[0]!;
    expect(oleg.name).toBe('Oleg Kozhemyako');
    expect(oleg.role).toMatch(/^Gubernur/);
  });
});
