import { describe, expect, it } from 'vitest';
import { NEWS_DOMAINS, NEWS_MATCHES, NEWS_SECTIONS, isNewsHost, isNewsUrl, isOutsideSection, outletOf, siteScriptOrigins } from '../../../src/sites';

describe('news sites', () => {
  it('matches the apex and subdomains of known portals only', () => {
    expect(isNewsHost('news.detik.com')).toBe(true);
    expect(isNewsHost('detik.com')).toBe(true);
    expect(isNewsHost('WWW.KOMPAS.COM.')).toBe(true);
    expect(isNewsHost('notdetik.com')).toBe(false);
    expect(isNewsHost('detik.com.evil.example')).toBe(false);
  });

  it('emits two valid match patterns per domain and four per section, never <all_urls>', () => {
    expect(NEWS_MATCHES).toHaveLength(NEWS_DOMAINS.length * 2 + NEWS_SECTIONS.length * 4);
    for (const m of NEWS_MATCHES) expect(m).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/([a-z0-9/]+(\/\*)?|\*)$/);
    expect(NEWS_MATCHES).toContain('*://*.bbc.com/indonesia/*');
    expect(NEWS_MATCHES).not.toContain('*://*.bbc.com/*');
  });

  it('knows an Indonesian section of an international site by its path, not the whole site', () => {
    expect(isNewsUrl('https://www.bbc.com/indonesia/articles/c0abc')).toBe(true);
    expect(isNewsUrl('https://www.bbc.com/indonesia')).toBe(true);
    expect(isNewsUrl('https://www.dw.com/id/judul/a-123')).toBe(true);
    expect(isNewsUrl('https://www.bbc.com/news/world-1')).toBe(false);
    expect(isNewsUrl('https://www.bbc.com/indonesian-food')).toBe(false); // a path prefix is not a section
    expect(isNewsUrl('https://www.dw.com/idea')).toBe(false);
    expect(isNewsUrl('https://news.detik.com/berita/1')).toBe(true);
    expect(isNewsUrl('not a url')).toBe(false);
    expect(isOutsideSection('https://www.bbc.com/news/world-1')).toBe(true);
    expect(isOutsideSection('https://www.bbc.com/indonesia/articles/c0abc')).toBe(false);
    expect(isOutsideSection('https://blog.example.org/')).toBe(false);
  });

  it('keeps a section host permission from turning the script on across the whole site', () => {
    // What Chrome's permissions.getAll() reports for a section: the host-wide image and the paths.
    const granted = ['*://*.bbc.com/*', '*://bbc.com/*', '*://*.bbc.com/indonesia/*', '*://*.detik.com/*', 'https://blog.example.org/*'];
    expect(siteScriptOrigins(granted, {})).toEqual(['*://*.bbc.com/indonesia/*', '*://*.detik.com/*', 'https://blog.example.org/*']);
    // The reader turned bbc.com on from a non-Indonesian page: that host runs from then on.
    expect(siteScriptOrigins(granted, { 'www.bbc.com': true, 'dw.com': false })).toContain('*://www.bbc.com/*');
    expect(siteScriptOrigins(granted, { 'dw.com': false })).not.toContain('*://dw.com/*');
  });
});

describe('outletOf', () => {
  it('names the outlet a section host belongs to', () => {
    for (const [host, outlet] of [
      ['news.detik.com', 'detik.com'], ['finance.detik.com:8443', 'detik.com'], ['www.kompas.com', 'kompas.com'],
      ['jatim.antaranews.com', 'antaranews.com'], ['nasional.republika.co.id', 'republika.co.id'],
      ['www.kabar.desa.id', 'kabar.desa.id'], ['berita.contoh.or.id', 'contoh.or.id'], ['blog.example.org', 'example.org'],
      ['127.0.0.1:5173', '127.0.0.1'], ['localhost', 'localhost'], ['NEWS.DETIK.COM.', 'detik.com'],
    ] as const) expect(outletOf(host), host).toBe(outlet);
  });
});
