/** reader.html wiring: where the article comes from (?tab= or ?id=), remembered preferences, closing. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { TabState } from '../../messaging/protocol';
import { useT } from '../i18n';
import type { StoredArticleFull } from '../library-client';
import { DEFAULT_READER_PREFS, withReaderDefaults, type ReaderPrefs } from '../settings';
import { notArticleText } from '../not-article';
import { Reader, type ReaderLoad } from './Reader';

export interface ReaderSources {
  getTabState(tabId: number): Promise<TabState | null>;
  getStored(id: string): Promise<StoredArticleFull | null>;
  loadPrefs(): Promise<ReaderPrefs>;
  savePrefs(p: ReaderPrefs): Promise<void>;
  watchPrefs?(cb: (p: ReaderPrefs) => void): () => void;
}

export type ReaderTarget = { tab: number } | { id: string } | null;

export function parseReaderParams(search: string): ReaderTarget {
  const q = new URLSearchParams(search);
  const tab = q.get('tab');
  if (tab && /^\d+$/.test(tab)) return { tab: Number(tab) };
  const id = q.get('id');
  if (id) return { id };
  return null;
}

/**
 * Close: in the overlay iframe, ask the content script; in a tab of its own, go back to the page
 * that opened it in this tab (the library's list), or close the tab it was opened in.
 */
export function closeReader(win: Window = window): void {
  if (win.parent && win.parent !== win) {
    win.parent.postMessage({ type: 'sorot:close-reader' }, '*');
  } else if (win.history.length > 1) {
    win.history.back();
  } else {
    win.close();
  }
}

export function ReaderApp(props: { target: ReaderTarget; sources: ReaderSources; onClose?: () => void }) {
  const { target, sources } = props;
  const { t } = useT();
  const [load, setLoad] = useState<ReaderLoad>({ kind: 'loading' });
  const [prefs, setPrefs] = useState<ReaderPrefs>(DEFAULT_READER_PREFS);

  useEffect(() => {
    void sources.loadPrefs().then((p) => setPrefs(withReaderDefaults(p)), () => {});
    return sources.watchPrefs?.((p) => setPrefs(withReaderDefaults(p)));
  }, [sources]);

  useEffect(() => {
    let alive = true;
    const done = (l: ReaderLoad) => alive && setLoad(l);
    (async () => {
      if (!target) return done({ kind: 'error', message: t('reader.noTarget') });
      if ('tab' in target) {
        const s = await sources.getTabState(target.tab);
        // Not an article (a gallery, an index page): said in the UI language, not as a failure.
        if (s?.status === 'not-article') return done({ kind: 'notArticle', message: notArticleText(t, s.message) });
        if (!s?.article) return done({ kind: 'error', message: s?.message || t('reader.noArticle') });
        return done({ kind: 'ready', data: { article: s.article, entities: s.entities, source: 'tab' } });
      }
      const stored = await sources.getStored(target.id);
      if (!stored) return done({ kind: 'error', message: t('reader.notFound') });
      return done({ kind: 'ready', data: { article: stored.article, entities: stored.entityList, source: 'stored' } });
    })().catch((err) => done({ kind: 'error', message: err instanceof Error ? err.message : String(err) }));
    return () => {
      alive = false;
    };
  }, [target, sources, t]);

  useEffect(() => {
    if (load.kind === 'ready') document.title = `${load.data.article.title} · Sorot`;
  }, [load]);

  const onPrefs = useCallback(
    (p: ReaderPrefs) => {
      setPrefs(p);
      void sources.savePrefs(p).catch(() => {});
    },
    [sources],
  );
  const onClose = useCallback(() => (props.onClose ?? closeReader)(), [props.onClose]);

  return <Reader load={load} prefs={prefs} onPrefs={onPrefs} onClose={onClose} />;
}
