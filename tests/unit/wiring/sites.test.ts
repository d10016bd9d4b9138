import { describe, expect, it } from 'vitest';
import { NEWS_DOMAINS, NEWS_MATCHES, isNewsHost, outletOf } from '../../../src/sites';

describe('news sites', () => {
  it('matches the apex and subdomains of known portals only', () => {
    expect(isNewsHost('news.detik.com')).toBe(true);
    expect(isNewsHost('detik.com')).toBe(true);
    expect(isNewsHost('WWW.KOMPAS.COM.')).toBe(true);
    expect(isNewsHost('notdetik.com')).toBe(false);
    expect(isNewsHost('detik.com.evil.example')).toBe(false);
  });

  it('emits two valid match patterns per domain, never <all_urls>', () => {
    expect(NEWS_MATCHES).toHaveLength(NEWS_DOMAINS.length * 2);
    for (const m of NEWS_MATCHES) expect(m).toMatch(/^\*:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
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
