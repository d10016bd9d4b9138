import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGES, resolveLanguage, translate } from '../../../src/ui/i18n';
import { ENTITY_TYPE_ORDER, REASON_ORDER, reasonKey } from '../../../src/ui/format';

const root = join(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('i18n', () => {
  it('Indonesian and English have the same keys, none empty', () => {
    expect([...MESSAGES.id.keys()].sort()).toEqual([...MESSAGES.en.keys()].sort());
    for (const lang of ['id', 'en'] as const) for (const [k, v] of MESSAGES[lang]) expect(typeof v === 'string' ? v : v.n, `${lang}:${k}`).not.toBe('');
  });

  it('every literal key used in src/ui exists, and every dynamic family is complete', () => {
    const used = new Set<string>();
    for (const f of [...sources(join(root, 'src/ui')), ...sources(join(root, 'entrypoints'))]) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/'((?:panel|hidden|entities|related|reader|options|library|shortcuts|nav)\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !MESSAGES.id.has(k));
    expect(missing).toEqual([]);
    for (const r of REASON_ORDER) expect(MESSAGES.id.has(reasonKey(r)), r).toBe(true);
    for (const t of ENTITY_TYPE_ORDER) expect(MESSAGES.en.has(`entityType.${t}`)).toBe(true);
    for (const th of ['system', 'light', 'dark', 'sepia']) expect(MESSAGES.id.has(`reader.theme_${th}`)).toBe(true);
  });

  it('keys are valid chrome message names once flattened (letters, digits, _)', () => {
    for (const k of MESSAGES.id.keys()) expect(k.replace(/\./g, '_')).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('resolves the language: explicit choice wins, auto follows the UI locale', () => {
    expect(resolveLanguage('en', 'id-ID')).toBe('en');
    expect(resolveLanguage('id', 'en-US')).toBe('id');
    expect(resolveLanguage('auto', 'id')).toBe('id');
    expect(resolveLanguage('auto', 'id-ID')).toBe('id');
    expect(resolveLanguage('auto', 'in')).toBe('id');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', 'de')).toBe('en');
  });

  it('substitutes named and numbered placeholders and picks plural forms', () => {
    expect(translate('en', 'panel.unsupported.enable', { host: 'a.id' })).toBe('Turn on for a.id');
    expect(translate('en', 'reader.minutes', 1)).toBe('1 min read');
    expect(translate('en', 'reader.minutes', 4)).toBe('4 min read');
    expect(translate('id', 'library.count', 0)).toBe('Belum ada artikel');
    expect(translate('id', 'library.count', 3)).toBe('3 artikel');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});
