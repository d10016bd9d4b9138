import { describe, expect, it } from 'vitest';
import { NEWS_DOMAINS, NEWS_MATCHES, isNewsHost } from '../../../src/sites';

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
