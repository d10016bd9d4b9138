import { describe, expect, it, vi } from 'vitest';
import { WIKIPEDIA_BASE, createWikipedia, normalizeTitle, parseSummary, summaryUrl, type WikiSummary } from '../../../src/ui/wikipedia';

const BASE = 'http://wiki.test';

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const PUTIN = {
  type: 'standard',
  title: 'Vladimir Putin',
  displaytitle: '<span class="mw-page-title-main">Vladimir Putin</span>',
  description: 'Presiden Rusia',
  extract: 'Vladimir Vladimirovich Putin adalah politikus Rusia yang menjabat sebagai Presiden Rusia.',
  extract_html: '<p><b>Vladimir Vladimirovich Putin</b> adalah <img src=x onerror=alert(1)> politikus</p>',
  content_urls: { desktop: { page: `${BASE}/wiki/Vladimir_Putin` } },
};

describe('wikipedia titles and URLs', () => {
  it('normalises names to REST titles and encodes them', () => {
    expect(normalizeTitle('  Vladimir   Putin ')).toBe('Vladimir_Putin');
    expect(summaryUrl(BASE, 'Vladimir Putin')).toBe(`${BASE}/api/rest_v1/page/summary/Vladimir_Putin`);
    expect(summaryUrl(`${BASE}/`, 'AC/DC')).toBe(`${BASE}/api/rest_v1/page/summary/AC%2FDC`);
    expect(summaryUrl(BASE, 'Sri Mulyani Indrawati?')).toBe(`${BASE}/api/rest_v1/page/summary/Sri_Mulyani_Indrawati%3F`);
    expect(WIKIPEDIA_BASE).toBe('https://id.wikipedia.org');
  });
});

describe('parseSummary', () => {
  it('keeps only plain-text fields, never the HTML ones', () => {
    const r = parseSummary(PUTIN, BASE, 'Vladimir Putin');
    expect(r).toEqual({
      kind: 'found',
      title: 'Vladimir Putin',
      description: 'Presiden Rusia',
      extract: PUTIN.extract,
      url: `${BASE}/wiki/Vladimir_Putin`,
    });
    expect(JSON.stringify(r)).not.toContain('<');
  });

  it('marks disambiguation pages', () => {
    const r = parseSummary({ type: 'disambiguation', title: 'Kim', extract: 'Kim dapat merujuk kepada:' }, BASE, 'Kim');
    expect(r).toEqual({ kind: 'disambiguation', title: 'Kim', url: `${BASE}/wiki/Kim` });
  });

  it('does not trust links to other hosts or schemes', () => {
    for (const page of ['javascript:alert(1)', 'https://evil.example/wiki/X', 'data:text/html,x']) {
      const r = parseSummary({ ...PUTIN, content_urls: { desktop: { page } } }, BASE, 'Vladimir Putin');
      expect(r.kind === 'found' && r.url).toBe(`${BASE}/wiki/Vladimir_Putin`);
    }
  });

  it('treats an empty extract as not found and junk as an error; caps long extracts', () => {
    expect(parseSummary({ type: 'no-extract', title: 'X', extract: '' }, BASE, 'X').kind).toBe('not-found');
    expect(parseSummary(null, BASE, 'X').kind).toBe('error');
    expect(parseSummary('nope', BASE, 'X').kind).toBe('error');
    const long = parseSummary({ ...PUTIN, extract: 'kata '.repeat(1000) }, BASE, 'X', 100);
    expect(long.kind === 'found' && long.extract.length).toBeLessThanOrEqual(101);
    expect(long.kind === 'found' && long.extract.endsWith('…')).toBe(true);
  });
});

describe('createWikipedia', () => {
  it('fetches the summary URL without cookies or referrer', async () => {
    const fetch = vi.fn(async () => json(PUTIN));
    const w = createWikipedia({ base: BASE, fetch });
    const r = await w.summary('Vladimir Putin');
    expect(r.kind).toBe('found');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(`${BASE}/api/rest_v1/page/summary/Vladimir_Putin`);
    expect(init.credentials).toBe('omit');
    expect(init.referrerPolicy).toBe('no-referrer');
  });

  it('answers 404 as not found and network failures as errors, without throwing', async () => {
    const notFound = createWikipedia({ base: BASE, fetch: async () => json({ type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.' }, 404) });
    expect(await notFound.summary('Tidak Ada')).toEqual({ kind: 'not-found', title: 'Tidak Ada' });
    const down = createWikipedia({ base: BASE, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await down.summary('Putin')).toMatchObject({ kind: 'error', message: 'Failed to fetch' });
    const broken = createWikipedia({ base: BASE, fetch: async () => new Response('<html>oops', { status: 200 }) });
    expect((await broken.summary('Putin')).kind).toBe('error');
    const server = createWikipedia({ base: BASE, fetch: async () => json({}, 503) });
    expect(await server.summary('Putin')).toMatchObject({ kind: 'error', message: 'HTTP 503' });
  });

  it('times out slow answers', async () => {
    const slow = createWikipedia({
      base: BASE,
      timeoutMs: 20,
      fetch: (_url, init) =>
        new Promise((_res, rej) => init?.signal?.addEventListener('abort', () => rej(Object.assign(new Error('aborted'), { name: 'AbortError' })))),
    });
    expect(await slow.summary('Putin')).toMatchObject({ kind: 'error', message: 'timeout' });
  });

  it('caches answers (same name, in flight or later) but retries after an error', async () => {
    let fail = true;
    const fetch = vi.fn(async (url: string) => {
      if (url.endsWith('Prabowo_Subianto') && fail) throw new TypeError('offline');
      return url.endsWith('Tidak_Ada') ? json({}, 404) : json(PUTIN);
    });
    const w = createWikipedia({ base: BASE, fetch });
    const [a, b] = await Promise.all([w.summary('Vladimir Putin'), w.summary('Vladimir  Putin')]);
    expect(a).toBe(b);
    await w.summary('Vladimir Putin');
    await w.summary('Tidak Ada');
    await w.summary('Tidak Ada');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await w.summary('Prabowo Subianto')).kind).toBe('error');
    fail = false;
    expect((await w.summary('Prabowo Subianto')).kind).toBe('found');
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('uses the session store: a stored answer sends nothing', async () => {
    const store = new Map<string, WikiSummary>();
    const cache = { get: async (k: string) => store.get(k), set: async (k: string, v: WikiSummary) => void store.set(k, v) };
    const fetch = vi.fn(async () => json(PUTIN));
    await createWikipedia({ base: BASE, fetch, cache }).summary('Vladimir Putin');
    expect([...store.keys()]).toEqual(['Vladimir_Putin']);
    const again = await createWikipedia({ base: BASE, fetch, cache }).summary('Vladimir Putin');
    expect(again.kind).toBe('found');
    expect(fetch).toHaveBeenCalledTimes(1);
    // A broken store is ignored.
    const broken = { get: () => { throw new Error('x'); }, set: () => { throw new Error('y'); } };
    expect((await createWikipedia({ base: BASE, fetch, cache: broken }).summary('Vladimir Putin')).kind).toBe('found');
  });

  it('never fetches an empty name', async () => {
    const fetch = vi.fn(async () => json(PUTIN));
    expect((await createWikipedia({ base: BASE, fetch }).summary('   ')).kind).toBe('not-found');
    expect(fetch).not.toHaveBeenCalled();
  });
});
