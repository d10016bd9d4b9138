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

describe('lookup-only origins', () => {
  it('never count as sites Sorot runs on', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { grantedSiteOrigins, hasSiteAccess } = await import('../../../src/platform');
    (fakeBrowser.permissions as any).getAll = async () => ({ origins: ['https://id.wikipedia.org/*', 'https://beritamanado.com/*', '*://*/*'] });
    (fakeBrowser.permissions as any).contains = async () => true;
    expect(await grantedSiteOrigins()).toEqual(['https://beritamanado.com/*']);
    expect(await hasSiteAccess('https://id.wikipedia.org/wiki/Jakarta')).toBe(false);
    expect(await hasSiteAccess('https://beritamanado.com/a')).toBe(true);
  });
});
