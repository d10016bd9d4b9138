/** The library page: search, filter, open, delete, export and import the stored articles. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Brand, PageLink, Section, Spinner, Status } from '../components';
import { formatBytes, formatDate } from '../format';
import { useT } from '../i18n';
import * as client from '../library-client';
import type { ListQuery, Outlet, StoredArticleView, TextMatches } from '../library-client';
import { safeUrl } from '../safe-url';

export interface LibraryApi {
  list(q: ListQuery): Promise<StoredArticleView[]>;
  /** The words in the text of recent articles, beyond what list() found (`exclude`). */
  searchText?(q: ListQuery, exclude: readonly string[], limit: number): Promise<TextMatches>;
  /** The site filter's choices: outlets, each with its sites. */
  outlets(): Promise<Outlet[]>;
  remove(id: string): Promise<void>;
  clear(): Promise<void>;
  /** The export file, assembled from parts: a large library never becomes one string. */
  exportFile(): Promise<Blob>;
  importJson(json: string): Promise<{ added: number; updated: number; unchanged?: number }>;
  stats(): Promise<{ count: number; bytes: number | null }>;
  /** See library-client onLibraryStale. */
  onStale?(cb: () => void): () => void;
}

export const libraryApi: LibraryApi = {
  list: client.listArticles,
  searchText: client.searchArticleText,
  outlets: client.listOutlets,
  remove: client.deleteStored,
  clear: client.clearLibrary,
  exportFile: client.exportLibraryBlob,
  importJson: client.importLibrary,
  stats: client.libraryStats,
  onStale: client.onLibraryStale,
};

/** A message for the reader; `details` (technical, for bug reports) folds away under it. */
type Notice = { kind: 'info' | 'error'; text: string; details?: string } | null;

/** Articles listed at first and added by each "Show more": a long list is paged, never cut off. */
export const PAGE = 200;

function NoticeView({ notice }: { notice: Notice }) {
  const { t } = useT();
  if (!notice) return null;
  return (
    <div role={notice.kind === 'error' ? 'alert' : 'status'}>
      <Status kind={notice.kind === 'error' ? 'error' : 'info'}>{notice.text}</Status>
      {notice.details ? (
        <details class="muted">
          <summary>{t('library.details')}</summary>
          <code>{notice.details}</code>
        </details>
      ) : null}
    </div>
  );
}

/** What went wrong with an import, in the reader's words; the library's message as details. */
function importNotice(t: (key: string) => string, err: unknown): Notice {
  const message = err instanceof Error ? err.message : String(err);
  const problem = (err as { code?: string; problem?: string }).code === 'invalid-import' ? (err as { problem?: string }).problem : undefined;
  const key = ({ 'not-json': 'notJson', 'not-sorot': 'notSorot', newer: 'newer', damaged: 'damaged' } as Record<string, string>)[problem ?? ''];
  return { kind: 'error', text: `${t('library.importError')} ${key ? t(`library.importProblem.${key}`) : message}`, details: key ? message : undefined };
}

function download(name: string, file: Blob) {
  const url = URL.createObjectURL(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function LibraryPage(props: { api?: LibraryApi; confirm?: (msg: string) => boolean }) {
  const api = props.api ?? libraryApi;
  const ask = props.confirm ?? ((m: string) => window.confirm(m));
  const { t, lang } = useT();
  const [text, setText] = useState('');
  const [site, setSite] = useState('');
  const [entity, setEntity] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [items, setItems] = useState<StoredArticleView[] | null>(null);
  const [outlets, setOutlets] = useState<Outlet[]>([]);
  const [stats, setStats] = useState<{ count: number; bytes: number | null } | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  // Export, import and clear answer next to their buttons, not at the top of a long page.
  const [dataNotice, setDataNotice] = useState<Notice>(null);
  const [rev, setRev] = useState(0);
  const [shown, setShown] = useState(PAGE);
  // The text scan after an index search that found less than a page: under way, or how far it read.
  const [scan, setScan] = useState<{ busy: boolean; scanned: number; complete: boolean } | null>(null);
  // An import or a delete-all under way: the data buttons wait for it (a delete-all racing an
  // import would report an empty library that the import then fills).
  const [busy, setBusy] = useState<'import' | 'clear' | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('library.title')} · Sorot`;
  }, [t]);

  // A newer Sorot upgraded the database: this page's copy has closed; say so before any click fails.
  useEffect(() => api.onStale?.(() => setNotice({ kind: 'error', text: t('library.stale') })), [api, t]);

  useEffect(() => {
    void api.stats().then(setStats, () => setStats(null));
    void api.outlets().then(setOutlets, () => {});
  }, [api, rev]);

  // New filters start from the first page again.
  useEffect(() => setShown(PAGE), [text, site, entity, from, to]);

  useEffect(() => {
    let alive = true;
    const h = setTimeout(() => {
      const q: ListQuery = { text, sites: site ? (outlets.find((o) => o.outlet === site)?.sites ?? [site]) : undefined, outlet: site || undefined, entity: entity.trim() || undefined, from: from || undefined, to: to || undefined, limit: shown };
      api
        .list(q)
        .then(
          async (r) => {
            if (!alive) return;
            setScan(null);
            // Fewer than a page by titles, names and main words: look for the words in the texts too.
            if (!text.trim() || r.length >= shown || !api.searchText) return setItems(r);
            setItems(r.length ? r : null);
            setScan({ busy: true, scanned: 0, complete: false });
            const m = await api.searchText(q, r.map((a) => a.id), shown - r.length);
            if (!alive) return;
            setItems([...r, ...m.items]);
            setScan({ busy: false, scanned: m.scanned, complete: m.complete });
          },
        )
        .catch((err) => {
          if (!alive) return;
          setItems([]);
          setScan(null);
          setNotice({ kind: 'error', text: `${t('library.loadError')} ${err instanceof Error ? err.message : String(err)}` });
        });
    }, 200);
    return () => {
      alive = false;
      clearTimeout(h);
    };
  }, [api, text, site, outlets, entity, from, to, shown, rev, t]);

  // After a delete, focus goes to the next article's delete button (or the list), not to <body>:
  // once the list no longer shows the deleted article.
  const focusAfterDelete = useRef<{ id: string; index: number } | null>(null);
  useEffect(() => {
    const after = focusAfterDelete.current;
    if (!after || items == null || items.some((x) => x.id === after.id)) return;
    focusAfterDelete.current = null;
    const buttons = document.querySelectorAll<HTMLButtonElement>('#articles .lib-item .btn-danger');
    const next = buttons[Math.min(after.index, buttons.length - 1)];
    if (next) next.focus();
    else {
      const heading = document.getElementById('articles-h');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    }
  }, [items]);
  const remove = async (a: StoredArticleView) => {
    if (!ask(t('library.confirmDelete', { title: a.title }))) return;
    setDataNotice(null);
    focusAfterDelete.current = { id: a.id, index: Math.max(0, items?.findIndex((x) => x.id === a.id) ?? 0) };
    await api.remove(a.id);
    setNotice({ kind: 'info', text: t('library.deleted') });
    setRev(rev + 1);
  };
  const clearAll = async () => {
    if (busy || !ask(t('library.confirmClear', stats?.count ?? 0))) return;
    setBusy('clear');
    try {
      await api.clear();
      setDataNotice({ kind: 'info', text: t('library.cleared') });
    } catch (err) {
      setDataNotice({ kind: 'error', text: `${t('library.loadError')} ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(null);
      setRev((r) => r + 1);
    }
  };
  const doExport = async () => {
    try {
      download(`sorot-${new Date().toISOString().slice(0, 10)}.json`, await api.exportFile());
      setDataNotice({ kind: 'info', text: t('library.exported') });
    } catch (err) {
      setDataNotice({ kind: 'error', text: `${t('library.exportError')} ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const doImport = async (file: File | undefined) => {
    if (!file || busy) return;
    setNotice(null); // an older "deleted" notice at the top is not about this
    setDataNotice(null);
    setBusy('import');
    try {
      const json = await file.text();
      const r = await api.importJson(json);
      setDataNotice({ kind: 'info', text: t('library.imported', { added: r.added, updated: r.updated, unchanged: r.unchanged ?? 0 }) });
      setRev((n) => n + 1);
    } catch (err) {
      setDataNotice(importNotice(t, err));
    } finally {
      setBusy(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const hasFilter = !!(text || site || entity || from || to);
  const datesReversed = !!(from && to && from > to);
  const clearFilters = () => {
    setText('');
    setSite('');
    setEntity('');
    setFrom('');
    setTo('');
    document.getElementById('q')?.focus();
  };
  // A full page back means there may be more: say how much is shown and offer the next page.
  const more = items != null && items.length >= shown;
  const listNote = items == null || !items.length
    ? ''
    : !hasFilter && stats && stats.count > items.length
      ? t('library.showingNewest', { shown: items.length, total: stats.count })
      : more
        ? t('library.showingFirst', { shown: items.length })
        : '';
  const summary = useMemo(() => {
    if (!stats) return '';
    const c = t('library.count', stats.count);
    // The browser's figure counts the database's files, which shrink later than a delete: an empty
    // library with "1.8 MB used" reads as a bug, so an empty one shows only its count.
    return stats.bytes != null && stats.count > 0 ? `${c} · ${t('library.used', { size: formatBytes(stats.bytes, lang) })}` : c;
  }, [stats, t, lang]);

  return (
    <div class="page">
      <header class="page-head">
        <Brand />
        <h1>{t('library.title')}</h1>
        <PageLink path="/options.html">{t('nav.options')}</PageLink>
      </header>
      <main>
        <p class="muted" data-testid="lib-summary">
          {summary}
        </p>
        {/* After a delete or an import here the browser's figure may even grow (files are compacted later). */}
        {rev > 0 && stats?.bytes != null ? (
          <p class="muted small" data-testid="lib-used-lags">
            {t('library.usedLags')}
          </p>
        ) : null}
        <NoticeView notice={notice} />

        <Section id="filters" title={t('library.search')}>
          <div class="grid-filters">
            <div>
              <label class="field" for="q">
                <span>{t('library.searchLabel')}</span>
                <input id="q" type="search" value={text} aria-describedby="q-hint" onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
              </label>
              <small id="q-hint" class="muted small">
                {t('library.searchHint')}
              </small>
            </div>
            <label class="field" for="site">
              <span>{t('library.site')}</span>
              <select id="site" value={site} onChange={(e) => setSite((e.currentTarget as HTMLSelectElement).value)}>
                <option value="">{t('library.allSites')}</option>
                {outlets.map((o) => (
                  <option key={o.outlet} value={o.outlet} title={o.sites.join(', ')}>
                    {o.outlet}
                  </option>
                ))}
              </select>
            </label>
            <label class="field" for="entity">
              <span>{t('library.entity')}</span>
              <input id="entity" type="text" value={entity} onInput={(e) => setEntity((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <label class="field" for="from">
              <span>{t('library.from')}</span>
              <input id="from" type="date" value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <label class="field" for="to">
              <span>{t('library.to')}</span>
              <input id="to" type="date" value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
            </label>
          </div>
          {hasFilter ? (
            <p class="row">
              <button type="button" class="btn btn-small" onClick={clearFilters}>
                {t('library.clearFilters')}
              </button>
            </p>
          ) : null}
        </Section>

        <Section id="articles" title={t('library.articles')} count={items?.length}>
          {items == null ? (
            <p class="muted">
              <Spinner /> {scan?.busy ? t('library.searchingText') : t('panel.loading')}
            </p>
          ) : items.length === 0 ? (
            <>
              <p class="muted" data-testid="lib-empty">
                {datesReversed ? t('library.datesReversed') : hasFilter ? t('library.noMatch') : t('library.empty')}
              </p>
              {scan && !scan.busy && !scan.complete ? (
                <p class="muted small" data-testid="lib-text-scan">
                  {t('library.textScanned', { n: scan.scanned })}
                </p>
              ) : null}
            </>
          ) : (
            <>
            {listNote ? (
              <p class="muted small" data-testid="lib-shown">
                {listNote}
              </p>
            ) : null}
            <ul class="lib-list">
              {items.map((a) => {
                const orig = safeUrl(a.url);
                return (
                  <li key={a.id} class="lib-item">
                    <div>
                      <h3>
                        <a href={`/reader.html?id=${encodeURIComponent(a.id)}`}>{a.title || a.url}</a>
                      </h3>
                      <p class="muted small">
                        {a.site}
                        {a.published ? ` · ${formatDate(a.published, lang, false)}` : ''}
                        {orig && (
                          <>
                            {' · '}
                            <a href={orig} target="_blank" rel="noopener noreferrer">
                              {t('library.original')}
                            </a>
                          </>
                        )}
                      </p>
                      {a.snippet ? (
                        <p class="small lib-snippet">
                          <span class="muted">{t('library.inText')}</span> {a.snippet}
                        </p>
                      ) : null}
                    </div>
                    <button type="button" class="btn btn-small btn-danger" onClick={() => void remove(a)} aria-label={t('library.deleteOne', { title: a.title })}>
                      {t('library.delete')}
                    </button>
                  </li>
                );
              })}
            </ul>
            {scan?.busy ? (
              <p class="muted small">
                <Spinner /> {t('library.searchingText')}
              </p>
            ) : scan && !scan.complete ? (
              <p class="muted small" data-testid="lib-text-scan">
                {t('library.textScanned', { n: scan.scanned })}
              </p>
            ) : null}
            {more ? (
              <p>
                <button type="button" class="btn" data-testid="lib-more" onClick={() => setShown((n) => n + PAGE)}>
                  {t('library.showMore')}
                </button>
              </p>
            ) : null}
            </>
          )}
        </Section>

        <Section id="data" title={t('library.data')}>
          <p class="muted">{t('library.dataHint')}</p>
          <div class="row">
            <button type="button" class="btn" onClick={() => void doExport()} disabled={busy != null}>
              {t('library.export')}
            </button>
            <input
              id="import-file"
              ref={fileRef}
              class="visually-hidden file-input"
              type="file"
              accept="application/json,.json"
              disabled={busy != null}
              onChange={(e) => void doImport((e.currentTarget as HTMLInputElement).files?.[0])}
            />
            <label class="btn" for="import-file" aria-disabled={busy != null}>
              {t('library.import')}
            </label>
            <button type="button" class="btn btn-danger" onClick={() => void clearAll()} disabled={stats?.count === 0 || busy != null}>
              {t('library.clear')}
            </button>
          </div>
          {busy ? (
            <p class="muted" role="status">
              <Spinner /> {t(busy === 'import' ? 'library.importing' : 'library.clearing')}
            </p>
          ) : null}
          <NoticeView notice={dataNotice} />
        </Section>
      </main>
    </div>
  );
}
