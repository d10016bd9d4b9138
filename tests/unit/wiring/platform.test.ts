import { describe, expect, it } from 'vitest';
import { originPattern, isPrivateTab } from '../../../src/platform';

describe('platform helpers', () => {
  it('turns page URLs into per-site host permission patterns', () => {
    expect(originPattern('https://www.beritamanado.com/a/b?x=1')).toBe('https://www.beritamanado.com/*');
    expect(originPattern('http://localhost:8080/x')).toBe('http://localhost/*');
  });
  it('refuses non-web URLs', () => {
    expect(originPattern('javascript:alert(1)')).toBeNull();
    expect(originPattern('chrome://extensions')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
  it('treats incognito tabs as private', () => {
    expect(isPrivateTab({ incognito: true })).toBe(true);
    expect(isPrivateTab({ incognito: false })).toBe(false);
    expect(isPrivateTab(undefined)).toBe(false);
  });
});
