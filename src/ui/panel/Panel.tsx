/**
 * The side panel: follows the active tab of its window and renders that tab's TabState.
 * All I/O goes through a PanelBackend (browserBackend in the extension, a fake in tests).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TabState } from '../../messaging/protocol';
import type { PanelBackend } from '../backend';
import { Brand, PageLink, Spinner, Status } from '../components';
import { useT } from '../i18n';
import { ArticleView } from './ArticleView';
import { WORKER_LOST_MESSAGE } from '../../messaging/failure';
import { afterPaintIdle } from '../idle';
import { notArticleText } from '../not-article';

type Phase = { kind: 'loading' } | { kind: 'ready'; state: TabState | null } | { kind: 'failed'; message: string };

/** What main.tsx read before the first render, so the panel opens on its content, not a spinner. */
export interface PanelStart {
  tabId: number;
  state: TabState | null;
}

/** Start reading the tab's state before the first render (see PanelStart); never throws. */
export async function panelStart(backend: PanelBackend, pinned?: number): Promise<PanelStart | null> {
  try {
    const tabId = pinned ?? (await backend.activeTabId());
    if (tabId == null) return null;
    return { tabId, state: (await backend.peekTabState?.(tabId)) ?? null };
  } catch {
    return null;
  }
}

export function Panel(props: { backend: PanelBackend; tabId?: number; start?: PanelStart | null }) {
  const { backend, start } = props;
  const { t } = useT();
  const [tabId, setTabId] = useState<number | null>(props.tabId ?? start?.tabId ?? null);
  const [phase, setPhase] = useState<Phase>(start?.state ? { kind: 'ready', state: start.state } : { kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const tabRef = useRef<number | null>(tabId);
  tabRef.current = tabId;
  const shown = useRef<{ tabId: number; json: string } | null>(start?.state ? { tabId: start.tabId, json: JSON.stringify(start.state) } : null);

  const show = useCallback((id: number, state: TabState | null) => {
    if (tabRef.current !== id) return;
    // The same state again (the background's answer after the stored copy): keep the render.
    const json = JSON.stringify(state);
    if (shown.current?.tabId === id && shown.current.json === json) return;
    shown.current = { tabId: id, json };
    setPhase({ kind: 'ready', state });
  }, []);

  const load = useCallback(
    async (id: number) => {
      try {
        // The stored copy first (no need to wake the background), then the background's answer.
        const quick = await backend.peekTabState?.(id).catch(() => null);
        if (quick) show(id, quick);
        show(id, await backend.getTabState(id));
      } catch (err) {
        if (tabRef.current === id) setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    },
    [backend, show],
  );

  // Follow the active tab (unless a tab id was given).
  useEffect(() => {
    if (props.tabId != null) return;
    let alive = true;
    void backend.activeTabId().then((id) => {
      if (alive && id != null) setTabId(id);
    });
    const stop = backend.watchActiveTab((id) => {
      if (id !== tabRef.current) {
        tabRef.current = id;
        setTabId(id); // the effect below loads it
      } else {
        void load(id); // same tab navigated or finished loading
      }
    });
    return () => {
      alive = false;
      stop();
    };
  }, [backend, props.tabId, load]);

  useEffect(() => {
    if (tabId == null) return;
    if (shown.current?.tabId !== tabId) {
      shown.current = null;
      setPhase({ kind: 'loading' });
      void load(tabId);
      return;
    }
    // Opened on this tab's stored state (main.tsx read it before the first render): ask the
    // background for it once the panel is on screen and idle, not before. That message is what
    // starts a stopped service worker, and the worker runs in the panel's own extension process:
    // started at once, it would take the CPU from the panel's first layout and paint. Changes in
    // the meantime still arrive (tabStateChanged, below).
    return afterPaintIdle(() => {
      backend.getTabState(tabId).then((st) => show(tabId, st), (err) => {
        if (tabRef.current === tabId) setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    });
  }, [tabId, load, backend, show]);

  useEffect(
    () =>
      backend.watchTabState((state) => {
        show(state.tabId, state);
      }),
    [backend, show],
  );

  const run = async (fn: () => Promise<TabState | null>) => {
    setBusy(true);
    try {
      const state = await fn();
      if (state) show(state.tabId, state);
    } catch (err) {
      setPhase({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  // Analysing again on request: say it was done, even when the answer is the same.
  const [again, setAgain] = useState<{ tabId: number } | null>(null);
  const analyze = () => {
    if (tabId == null) return;
    setAgain(null);
    void run(async () => {
      const s = await backend.analyzeTab(tabId);
      setAgain({ tabId });
      return s;
    });
  };
  const enable = (url: string) => tabId != null && void run(() => backend.enableSite(tabId, url));
  const turnBackOn = (url: string) => tabId != null && void run(() => backend.turnSiteBackOn(tabId, url));

  const state = phase.kind === 'ready' ? phase.state : null;
  let body;
  if (phase.kind === 'loading' || (state && state.status === 'loading')) {
    body = (
      <Status live>
        <Spinner /> {t('panel.loading')}
      </Status>
    );
  } else if (phase.kind === 'failed') {
    body = (
      <div class="empty">
        <Status kind="error" live>
          {t('panel.error')} <span class="muted">{phase.message}</span>
        </Status>
        <button type="button" class="btn" onClick={analyze} disabled={busy}>
          {t('panel.retry')}
        </button>
      </div>
    );
  } else if (!state || state.status === 'idle' || state.status === 'not-article') {
    body = (
      <div class="empty" data-state="not-article">
        <h1 class="empty-title">{t(state?.message?.startsWith('page too large') ? 'panel.notArticle.titleTooLarge' : 'panel.notArticle.title')}</h1>
        <p class="muted">{state ? notArticleText(t, state.message) : t('panel.notAnalyzed')}</p>
        {state?.status === 'not-article' ? <p class="muted">{t('panel.notArticle.leftAlone')}</p> : null}
        {again?.tabId === tabId && !busy && state?.status === 'not-article' ? <Status live>{t('panel.notArticle.again')}</Status> : null}
        <button type="button" class="btn btn-primary" onClick={analyze} disabled={busy || tabId == null}>
          {busy ? <Spinner /> : null}
          {t('panel.analyze')}
        </button>
      </div>
    );
  } else if (state.status === 'unsupported') {
    const url = state.url ?? '';
    let host = '';
    try {
      const u = new URL(url);
      if (u.protocol === 'http:' || u.protocol === 'https:') host = u.hostname;
    } catch {
      /* not a web page */
    }
    body = (
      <div class="empty" data-state="unsupported">
        <h1 class="empty-title">{t('panel.unsupported.title')}</h1>
        {/* No URL: the browser does not show this tab's address to Sorot (a site it has no access to, seen
            from a panel left open); the toolbar button grants it for this tab. */}
        <p class="muted">{state.message || (host ? t('panel.unsupported.body', { host }) : url ? t('panel.unsupported.notWeb') : t('panel.unsupported.unknownSite'))}</p>
        {host && (
          <button type="button" class="btn btn-primary" onClick={() => enable(url)} disabled={busy}>
            {t('panel.unsupported.enable', { host })}
          </button>
        )}
      </div>
    );
  } else if (state.status === 'off') {
    const url = state.url ?? '';
    const host = URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : '';
    body = (
      <div class="empty" data-state="off">
        <h1 class="empty-title">{t('panel.off.title', { host })}</h1>
        <p class="muted">{t('panel.off.body')}</p>
        <button type="button" class="btn btn-primary" onClick={() => turnBackOn(url)} disabled={busy || !url}>
          {busy ? <Spinner /> : null}
          {t('panel.off.turnOn', { host })}
        </button>
      </div>
    );
  } else if (state.status === 'error') {
    body = (
      <div class="empty" data-state="error">
        <Status kind="error">{state.message === WORKER_LOST_MESSAGE ? t('panel.problem.workerLost') : state.message || t('panel.error')}</Status>
        <button type="button" class="btn" onClick={analyze} disabled={busy}>
          {t('panel.retry')}
        </button>
      </div>
    );
  } else {
    body = <ArticleView state={state} backend={backend} />;
  }

  return (
    <div class="panel">
      <header class="topbar">
        <Brand />
        <nav class="topnav" aria-label={t('panel.navLabel')}>
          <PageLink path="/library.html" onOpen={backend.openPage}>
            {t('nav.library')}
          </PageLink>
          <PageLink path="/options.html" onOpen={backend.openPage}>
            {t('nav.options')}
          </PageLink>
        </nav>
      </header>
      <main class="panel-main" aria-busy={phase.kind === 'loading'}>
        {body}
      </main>
    </div>
  );
}

