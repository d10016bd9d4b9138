import { describe, expect, it } from 'vitest';
import { displayHost, formatBytes, formatDate, formatDecimal, groupEntities, groupHidden, readingMinutes } from '../../../src/ui/format';
import { entities, hidden } from './fixtures';

describe('format helpers', () => {
  it('groupHidden keeps the original indices and orders reasons', () => {
    const g = groupHidden(hidden);
    expect(g.map((x) => [x.reason, x.items.length])).toEqual([
      ['ad', 2],
      ['related', 3],
      ['share', 1],
    ]);
    expect(g[1]!.items.map((i) => i.index)).toEqual([0, 2, 4]);
  });

  it('groupEntities orders types and sorts by mentions', () => {
    const g = groupEntities(entities);
    expect(g.map((x) => x.type)).toEqual(['PER', 'ORG', 'LOC']);
    expect(g[2]!.entities.map((e) => e.name)).toEqual(['Rusia', 'Pyongyang']);
  });

  it('dates, sizes, minutes, hosts', () => {
    expect(formatDate('2026-11-20', 'id')).toMatch(/20 November 2026/);
    expect(formatDate('2026-11-20T07:05:00', 'id')).toBe('20 November 2026, 07.05');
    expect(formatDate('2026-11-20T17:45:00', 'en')).toBe('20 November 2026, 17:45');
    expect(formatDate('2026-01-03T17:45:00', 'id', false)).toBe('3 Januari 2026');
    expect(formatDate('not a date', 'en')).toBe('');
    // The page's own wall time and zone, whatever the computer's zone is.
    expect(formatDate('2024-02-20T09:15:00+07:00', 'id')).toBe('20 Februari 2024, 09.15 WIB');
    expect(formatDate('2024-02-20T23:30:00+0800', 'en')).toBe('20 February 2024, 23:30 WITA');
    expect(formatDate('2024-02-20T09:15:00+09:00', 'id')).toBe('20 Februari 2024, 09.15 WIT');
    expect(formatDate('2024-02-20T20:00:00Z', 'id')).toBe('21 Februari 2024, 03.00 WIB');
    expect(formatDate('2024-02-20T09:15:00+03:00', 'en')).toBe('20 February 2024, 09:15 UTC+3');
    expect(formatDate('2024-02-20T09:15:00+07:00', 'id', false)).toBe('20 Februari 2024');
    expect(formatDecimal(1.7, 1, 'id')).toBe('1,7');
    expect(formatDecimal(1.7, 1, 'en')).toBe('1.7');
    expect(formatDate(null, 'en')).toBe('');
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(1000)).toBe(5);
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(displayHost('https://www.kompas.com/a')).toBe('kompas.com');
  });
});
