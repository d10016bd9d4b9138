import { describe, expect, it } from 'vitest';
import { PageAnalyzedSchema, TabIdSchema, parseMessage } from '../../../src/messaging/schemas';

const article = {
  url: 'https://news.detik.com/a', canonicalUrl: 'https://news.detik.com/a', title: 'T', byline: null,
  published: null, site: 'detikNews', host: 'news.detik.com', lang: 'id', excerpt: null,
  paragraphs: ['Jakarta - Isi.'], contentHtml: '<p>Isi.</p>', image: null, wordCount: 2,
};

describe('message validation at the receiver', () => {
  it('accepts a well-formed pageAnalyzed payload', () => {
    const ok = parseMessage('pageAnalyzed', PageAnalyzedSchema, {
      url: article.url, elapsedMs: 12, isArticle: true, article, hidden: [{ reason: 'related', rule: 'text:baca-juga', text: 'Baca juga: x' }],
    });
    expect(ok.article?.title).toBe('T');
  });

  it.each([
    ['not an object', 'hello'],
    ['missing article fields', { url: 'x', elapsedMs: 1, isArticle: true, article: { title: 'x' }, hidden: [] }],
    ['unknown hidden reason', { url: 'x', elapsedMs: 1, isArticle: false, article: null, hidden: [{ reason: 'evil', rule: 'r', text: 't' }] }],
    ['oversized title', { url: 'x', elapsedMs: 1, isArticle: true, article: { ...article, title: 'x'.repeat(5000) }, hidden: [] }],
  ])('refuses %s with a clear error', (_name, data) => {
    expect(() => parseMessage('pageAnalyzed', PageAnalyzedSchema, data)).toThrow(/invalid pageAnalyzed message/);
  });

  it('refuses negative or fractional tab ids', () => {
    expect(() => parseMessage('getTabState', TabIdSchema, { tabId: -1 })).toThrow();
    expect(() => parseMessage('getTabState', TabIdSchema, { tabId: 1.5 })).toThrow();
    expect(parseMessage('getTabState', TabIdSchema, { tabId: 3 })).toEqual({ tabId: 3 });
  });
});
