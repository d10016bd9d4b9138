import type { RelatedView, TabState } from '../../../src/messaging/protocol';
import type { Article, Entity, HiddenItem } from '../../../src/types';
import type { PanelBackend } from '../../../src/ui/backend';
import type { StoredArticleView } from '../../../src/ui/library-client';

export const article: Article = {
  url: 'https://news.detik.com/berita/d-1/putin-kim',
  canonicalUrl: 'https://news.detik.com/berita/d-1/putin-kim',
  title: 'Putin Bertemu Kim Jong Un di Pyongyang',
  byline: 'Rina Suryani',
  published: '2026-11-20T08:30:00+07:00',
  site: 'detikNews',
  host: 'news.detik.com',
  lang: 'id',
  excerpt: null,
  paragraphs: ['Presiden Rusia Vladimir Putin tiba di Pyongyang.', 'Putin disambut Kim Jong Un.'],
  contentHtml:
    '<p>Presiden Rusia Vladimir Putin tiba di <a href="/tag/pyongyang">Pyongyang</a>.</p>' +
    '<figure><img src="https://akcdn.detik.net.id/foto.jpg" alt="Putin dan Kim"><figcaption>Putin dan Kim di bandara.</figcaption></figure>' +
    '<p onclick="alert(1)">Putin disambut Kim Jong Un.<script>alert("x")</script></p>',
  image: null,
  wordCount: 420,
};

export const hidden: HiddenItem[] = [
  { reason: 'related', rule: 'text:baca-juga', text: 'Baca juga: Harga BBM naik' },
  { reason: 'ad', rule: 'class:ads', text: 'ADVERTISEMENT' },
  { reason: 'related', rule: 'text:baca-juga', text: 'Baca juga: Timnas menang' },
  { reason: 'ad', rule: 'class:ads', text: 'SCROLL TO CONTINUE' },
  { reason: 'related', rule: 'text:lihat-juga', text: 'Lihat juga: video' },
  { reason: 'share', rule: 'class:share', text: 'Bagikan' },
];

export const entities: Entity[] = [
  { id: 'PER:vladimir-putin', name: 'Vladimir Putin', type: 'PER', surface: ['Vladimir Putin', 'Putin'], count: 3, mentions: [], role: 'Presiden Rusia' },
  { id: 'PER:kim-jong-un', name: 'Kim Jong Un', type: 'PER', surface: ['Kim Jong Un'], count: 1, mentions: [] },
  { id: 'LOC:pyongyang', name: 'Pyongyang', type: 'LOC', surface: ['Pyongyang'], count: 1, mentions: [] },
  { id: 'LOC:rusia', name: 'Rusia', type: 'LOC', surface: ['Rusia'], count: 2, mentions: [] },
  { id: 'ORG:pbb', name: 'PBB', type: 'ORG', surface: ['PBB'], count: 1, mentions: [] },
];

export const related: RelatedView[] = [
  { id: 'a2', url: 'https://www.kompas.com/x', title: 'Kim dan Putin teken pakta', site: 'Kompas.com', published: '2026-11-20T10:00:00Z', score: 0.9, reason: 'sama-sama menyebut Kim Jong Un, Vladimir Putin', shared: ['PER:kim-jong-un'], sameStory: true },
  { id: 'a3', url: 'https://www.tempo.co/y', title: 'Rusia dan Korea Utara', site: 'Tempo', published: '2026-10-01T10:00:00Z', score: 0.5, reason: 'sama-sama menyebut Rusia', shared: ['LOC:rusia'], sameStory: false },
  { id: 'a4', url: 'javascript:alert(1)', title: 'Tautan jahat', site: 'Evil', published: null, score: 0.1, reason: 'x', shared: [], sameStory: false },
];

export function articleState(over: Partial<TabState> = {}): TabState {
  return {
    tabId: 7, status: 'article', url: article.url, article, hidden, hidingEnabled: true, entities, related,
    libraryEmpty: false, stored: true, ...over,
  };
}

export type Call = [string, ...unknown[]];

export function fakeBackend(initial: TabState | null | Promise<TabState | null>, over: Partial<PanelBackend> = {}) {
  const calls: Call[] = [];
  let stateCb: ((s: TabState) => void) | null = null;
  const timeline: StoredArticleView[] = [
    { id: 'old', url: 'https://x.id/old', title: 'Lama', site: 'X', published: '2025-01-01' },
    { id: 'new', url: 'https://x.id/new', title: 'Baru', site: 'X', published: '2026-01-01' },
  ];
  const backend: PanelBackend = {
    activeTabId: async () => 7,
    watchActiveTab: () => () => {},
    getTabState: async (id) => {
      calls.push(['getTabState', id]);
      return initial;
    },
    analyzeTab: async (id) => {
      calls.push(['analyzeTab', id]);
      return articleState({ tabId: id });
    },
    enableSite: async (id, url) => {
      calls.push(['enableSite', id, url]);
      return articleState({ tabId: id });
    },
    turnSiteBackOn: async (id, url) => {
      calls.push(['turnSiteBackOn', id, url]);
      return articleState({ tabId: id });
    },
    watchTabState: (cb) => {
      stateCb = cb;
      return () => (stateCb = null);
    },
    toggleReader: async (id) => void calls.push(['toggleReader', id]),
    setHiding: async (id, enabled) => {
      calls.push(['setHiding', id, enabled]);
      return { hidden: enabled ? 6 : 0 };
    },
    showHidden: async (id, index, shown) => {
      calls.push(['showHidden', id, index, shown]);
      return true;
    },
    highlightEntity: async (id, surfaces, step) => {
      calls.push(['highlightEntity', id, surfaces, step]);
      // Like src/page/highlight.ts: `step` is an absolute index, `current` is 1-based.
      return surfaces ? { count: 5, current: (((step % 5) + 5) % 5) + 1 } : null;
    },
    entityTimeline: async (eid) => {
      calls.push(['entityTimeline', eid]);
      return [...timeline].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));
    },
    openPage: (p) => void calls.push(['openPage', p]),
    ...over,
  };
  return { backend, calls, push: (s: TabState) => stateCb?.(s) };
}
