/** The article state of the panel: header, hidden clutter, entities, related articles. */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RelatedView, TabProblem, TabState } from '../../messaging/protocol';
import type { Entity } from '../../types';
import type { PanelBackend } from '../backend';
import { EntityDot, PageLink, Section, Spinner, Status, Switch } from '../components';
import { safeUrl } from '../safe-url';
import { formatDate, groupEntities, groupHidden, readingMinutes, reasonKey } from '../format';
import { useT, type TFunction } from '../i18n';
import type { StoredArticleView } from '../library-client';
import { featuresItem } from '../settings';
import type { WikiSummary } from '../wikipedia';
import { DATELINE_OUTLET_ROLE } from '../../entities/roles';
import { PANEL_READY_MARK } from './ready-mark';

/** A hidden item's text, short enough for a button's accessible name. */
const shortLabel = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);

const PROBLEM_KEYS: Record<TabProblem['code'], string> = {
  'entities-unavailable': 'entitiesUnavailable', 'storage-full': 'storageFull', 'not-stored-yet': 'notStoredYet', 'not-stored': 'notStored',
};

export function ArticleView(props: { state: TabState; backend: PanelBackend }) {
  const { state, backend } = props;
  const { t, lang } = useT();
  const a = state.article!;
  const date = formatDate(a.published, lang);
  return (
    <div class="article-view" data-state="article">
      <div class="card article-head">
        <h1 class="article-title">{a.title}</h1>
        <p class="meta">
          <span>{a.site}</span>
          {a.source && (
            <>
              <span aria-hidden="true"> · </span>
              <span data-testid="article-source">{t('article.source', { source: a.source })}</span>
            </>
          )}
          {date && (
            <>
              <span aria-hidden="true"> · </span>
              <time dateTime={a.published ?? undefined}>{date}</time>
            </>
          )}
          <span aria-hidden="true"> · </span>
          <span>{t('reader.minutes', readingMinutes(a.wordCount))}</span>
        </p>
        {state.message && <Status kind="warn">{state.message}</Status>}
        {state.problems?.map((p) => (
          <Status key={p.code} kind="warn">
            {t(`panel.problem.${PROBLEM_KEYS[p.code]}`)}
            {p.detail && <span class="muted small"> ({p.detail})</span>}
          </Status>
        ))}
        <div class="row">
          <button type="button" class="btn btn-primary" onClick={() => void backend.toggleReader(state.tabId)}>
            {t('panel.openReader')}
          </button>
          <span class="muted small">
            {t(state.stored ? 'panel.stored' : state.storedEarlier ? 'panel.storedEarlier' : state.notStoredWhy ? `panel.notStoredWhy.${state.notStoredWhy}` : 'panel.notStored')}
          </span>
        </div>
      </div>
      <HiddenSection key={`h|${state.tabId}|${state.url}`} state={state} backend={backend} />
      <EntitySection key={`e|${state.tabId}|${state.url}`} state={state} backend={backend} />
      <RelatedSection state={state} backend={backend} />
    </div>
  );
}

export function HiddenSection(props: { state: TabState; backend: PanelBackend }) {
  const { state, backend } = props;
  const { t } = useT();
  const [enabled, setEnabled] = useState(state.hidingEnabled);
  // Which items the page shows again: the page's own state (the tab state carries it), so a panel
  // opened or reloaded later agrees with the page.
  const shownOnPage = () => new Set(state.hidden.flatMap((h, i) => (h.shown ? [i] : [])));
  const [shown, setShown] = useState<Set<number>>(shownOnPage);
  // Follow the background's values when they change (render-phase sync; the key resets per page).
  const [seen, setSeen] = useState(state.hidingEnabled);
  const [seenHidden, setSeenHidden] = useState(state.hidden);
  if (seen !== state.hidingEnabled) {
    setSeen(state.hidingEnabled);
    setEnabled(state.hidingEnabled);
  }
  if (seenHidden !== state.hidden) {
    setSeenHidden(state.hidden);
    setShown(shownOnPage());
  }

  const groups = groupHidden(state.hidden);
  const toggleAll = async (v: boolean) => {
    setEnabled(v);
    await backend.setHiding(state.tabId, v).catch(() => null);
    if (v) setShown(new Set());
  };
  const toggleOne = async (index: number) => {
    const next = !shown.has(index);
    const ok = await backend.showHidden(state.tabId, index, next).catch(() => false);
    if (!ok) return;
    const s = new Set(shown);
    if (next) s.add(index);
    else s.delete(index);
    setShown(s);
  };

  return (
    <Section id="hidden" title={t('hidden.title')} count={state.hidden.length}>
      {state.hidden.length === 0 ? (
        <p class="muted">{t('hidden.none')}</p>
      ) : (
        <>
          <Switch id="hide-toggle" checked={enabled} onChange={(v) => void toggleAll(v)} label={t('hidden.toggle')} hint={t(enabled ? 'hidden.toggleHint' : 'hidden.toggleHintOff', state.hidden.length)} />
          {/* Off: everything is on the page again, so there is nothing to show one by one. */}
          {enabled ? (
          <ul class="groups" aria-label={t('hidden.title')}>
            {groups.map((g) => (
              <li key={g.reason} class="group" data-reason={g.reason}>
                <details>
                  <summary>
                    <span class="group-name">{t(reasonKey(g.reason))}</span>
                    <span class="count" data-testid={`hidden-count-${g.reason}`}>
                      {g.items.length}
                    </span>
                  </summary>
                  <ul class="items">
                    {g.items.map(({ item, index }) => (
                      <li key={index} class="item">
                        <span class="item-text" title={item.text || undefined}>
                          {item.text || t(item.reason === 'ad' ? 'hidden.adSlot' : 'hidden.noText')}
                        </span>
                        <button
                          type="button"
                          class="btn btn-small"
                          aria-label={t(shown.has(index) ? 'hidden.hideItem' : 'hidden.showItem', { text: shortLabel(item.text || t(item.reason === 'ad' ? 'hidden.adSlot' : 'hidden.noText')) })}
                          onClick={() => void toggleOne(index)}
                        >
                          {shown.has(index) ? t('hidden.hideAgain') : t('hidden.showAgain')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
          ) : null}
        </>
      )}
    </Section>
  );
}

interface Selected {
  entity: Entity;
  count: number;
  /** 0-based here; the page's highlightEntity answers 1-based `current`. */
  current: number;
}

export function EntitySection(props: { state: TabState; backend: PanelBackend }) {
  const { state, backend } = props;
  const { t, lang } = useT();
  // Roles are words of the article ("Presiden Rusia"), except the dateline outlet's, which is ours.
  const roleText = (role: string) => (role === DATELINE_OUTLET_ROLE ? t('entities.datelineRole') : role);
  const [sel, setSel] = useState<Selected | null>(null);
  const [timeline, setTimeline] = useState<StoredArticleView[] | null>(null);
  const [wiki, setWiki] = useState(false);
  useEffect(() => {
    // Off by default: only then does the panel offer a Wikipedia link (nothing is sent before a click).
    void featuresItem.getValue().then((f) => setWiki(!!f?.wikipediaLookup), () => {});
    try {
      return featuresItem.watch((f) => setWiki(!!f?.wikipediaLookup));
    } catch {
      return undefined;
    }
  }, []);
  const selRef = useRef<Selected | null>(null);
  // The summary for the selected entity (opt-in; nothing is requested while the feature is off).
  const [summary, setSummary] = useState<{ id: string; result: WikiSummary | null } | null>(null);
  const selId = sel?.entity.id ?? null;
  const selName = sel?.entity.name ?? null;
  useEffect(() => {
    if (!wiki || selId == null || selName == null || !backend.wikipediaSummary) return;
    let alive = true;
    setSummary({ id: selId, result: null });
    backend
      .wikipediaSummary(selName)
      .catch((err: unknown): WikiSummary => ({ kind: 'error', title: selName, message: String(err) }))
      .then((result) => alive && setSummary({ id: selId, result }));
    return () => {
      alive = false;
    };
  }, [wiki, selId, selName, backend]);
  const update = (s: Selected | null) => {
    selRef.current = s;
    setSel(s);
  };

  const groups = groupEntities(state.entities);
  const hasChips = groups.length > 0;
  // Runs in the same task as the DOM change, before the frame that shows it (see PANEL_READY_MARK).
  useLayoutEffect(() => {
    if (hasChips) performance.mark?.(PANEL_READY_MARK);
  }, [hasChips]);

  const select = async (e: Entity) => {
    if (selRef.current?.entity.id === e.id) {
      update(null);
      setTimeline(null);
      await backend.highlightEntity(state.tabId, null, 0).catch(() => null);
      return;
    }
    update({ entity: e, count: e.count, current: 0 });
    setTimeline(null);
    const r = await backend.highlightEntity(state.tabId, e.surface.length ? e.surface : [e.name], 0, e.mentions).catch(() => null);
    if (r && selRef.current?.entity.id === e.id) update({ entity: e, count: r.count, current: Math.max(0, r.current - 1) });
    const items = await backend.entityTimeline(e.id).catch(() => []);
    const here = state.article?.canonicalUrl;
    if (selRef.current?.entity.id !== e.id) return;
    setTimeline(items.filter((i) => i.url !== here && i.url !== state.url));
  };
  const step = async (dir: 1 | -1) => {
    const cur = selRef.current;
    if (!cur || cur.count === 0) return;
    const target = (cur.current + dir + cur.count) % cur.count;
    // Move at once (several quick presses add up); the page's answer corrects it.
    update({ ...cur, current: target });
    const r = await backend.highlightEntity(state.tabId, cur.entity.surface.length ? cur.entity.surface : [cur.entity.name], target, cur.entity.mentions).catch(() => null);
    if (r && selRef.current?.entity.id === cur.entity.id && selRef.current.current === target) update({ ...cur, current: Math.max(0, r.current - 1), count: r.count });
  };

  const wikiResult = summary && summary.id === selId ? summary.result : null;

  return (
    <Section id="entities" title={t('entities.title')} count={state.entities.length}>
      {groups.length === 0 && <p class="muted">{t('entities.none')}</p>}
      {groups.map((g) => (
        <div class="entity-group" key={g.type} data-type={g.type}>
          <h3>
            <EntityDot type={g.type} /> {t(`entityType.${g.type}`)} <span class="count">{g.entities.length}</span>
          </h3>
          <ul class="chips">
            {g.entities.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  class={`chip ent-${e.type}`}
                  aria-pressed={sel?.entity.id === e.id}
                  title={e.role ? `${roleText(e.role)} · ${e.surface.join(', ')}` : e.surface.join(', ')}
                  onClick={() => void select(e)}
                >
                  <span>{e.name}</span>
                  <span class="chip-count" aria-label={t('entities.mentions', e.count)} title={t('entities.mentions', e.count)}>
                    {e.count}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {sel && (
        <div class="entity-detail card" aria-live="polite">
          <div class="row">
            <strong>{sel.entity.name}</strong>
            {sel.entity.role && <span class="muted small">{roleText(sel.entity.role)}</span>}
            {wiki && !(wikiResult && (wikiResult.kind === 'found' || wikiResult.kind === 'disambiguation')) && (
              <a
                class="small"
                href={`https://${lang === 'en' ? 'en' : 'id'}.wikipedia.org/w/index.php?search=${encodeURIComponent(sel.entity.name)}`}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('entities.wikipedia')}
              </a>
            )}
          </div>
          <div class="stepper" role="group" aria-label={t('entities.stepLabel', { name: sel.entity.name })}>
            <button type="button" class="btn btn-small" onClick={() => void step(-1)} disabled={sel.count < 2} aria-label={t('entities.prev')}>
              ‹
            </button>
            {/* The page's count of the entity's own mentions (the chip's count); fewer when a part of the article is not on this page. */}
            <span class="step-pos" data-testid="step-pos">
              {sel.count > 0 ? `${sel.current + 1}/${sel.count}` : t('entities.notOnPage')}
            </span>
            <button type="button" class="btn btn-small" onClick={() => void step(1)} disabled={sel.count < 2} aria-label={t('entities.next')}>
              ›
            </button>
            {sel.count > 0 && <span class="muted small">{t('entities.onPage')}</span>}
          </div>
          {wiki && backend.wikipediaSummary && <WikiBlock name={sel.entity.name} result={wikiResult} />}
          <h3>{t('entities.timeline')}</h3>
          {timeline == null ? (
            <p class="muted">
              <Spinner /> {t('panel.loading')}
            </p>
          ) : timeline.length === 0 ? (
            <p class="muted">{t('entities.timelineEmpty')}</p>
          ) : (
            <ol class="timeline">
              {timeline.map((i) => (
                <li key={i.id}>
                  <a href={safeUrl(i.url) ?? undefined} target="_blank" rel="noopener noreferrer">
                    {i.title}
                  </a>
                  <span class="muted small">
                    {' '}
                    {i.site}
                    {i.published ? ` · ${formatDate(i.published, lang, false)}` : ''}
                  </span>
                  <PageLink path={`/reader.html?id=${encodeURIComponent(i.id)}`} onOpen={backend.openPage} class="small stored-link">
                    {t('related.storedCopy')}
                  </PageLink>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </Section>
  );
}

/** A Wikipedia summary, as text only (never extract_html), with a link to the article. */
export function WikiBlock(props: { name: string; result: WikiSummary | null }) {
  const { t } = useT();
  const r = props.result;
  let body;
  if (!r) {
    body = (
      <p class="muted">
        <Spinner /> {t('wiki.loading')}
      </p>
    );
  } else if (r.kind === 'found') {
    body = (
      <>
        {r.description && <p class="muted small wiki-desc">{r.description}</p>}
        <p class="wiki-extract">{r.extract}</p>
        <a class="small" href={safeUrl(r.url) ?? undefined} target="_blank" rel="noopener noreferrer">
          {t('wiki.read', { title: r.title })}
        </a>
      </>
    );
  } else if (r.kind === 'disambiguation') {
    body = (
      <>
        <p class="muted">{t('wiki.ambiguous', { name: props.name })}</p>
        <a class="small" href={safeUrl(r.url) ?? undefined} target="_blank" rel="noopener noreferrer">
          {t('wiki.seeOptions')}
        </a>
      </>
    );
  } else if (r.kind === 'not-found') {
    body = <p class="muted">{t('wiki.notFound', { name: props.name })}</p>;
  } else {
    body = <p class="muted">{t('wiki.error')}</p>;
  }
  return (
    <div class="wiki" data-testid="wiki" data-kind={r?.kind ?? 'loading'}>
      <h3>{t('wiki.title')}</h3>
      {body}
    </div>
  );
}

export function RelatedSection(props: { state: TabState; backend: PanelBackend }) {
  const { state, backend } = props;
  const { t } = useT();
  const same = state.related.filter((r) => r.sameStory);
  const other = state.related.filter((r) => !r.sameStory);
  if (state.libraryEmpty && state.related.length === 0) {
    return (
      <Section id="related" title={t('related.title')}>
        <p class="muted" data-testid="library-empty">
          {t('related.libraryEmpty')}
        </p>
      </Section>
    );
  }
  return (
    <>
      {same.length > 0 && (
        <Section id="same-story" title={t('related.sameStory')} count={same.length}>
          <RelatedList items={same} backend={backend} />
        </Section>
      )}
      <Section id="related" title={t('related.title')} count={other.length}>
        {/* Under "Other coverage" with articles in it, "no related articles yet" would contradict it. */}
        {other.length === 0 ? <p class="muted">{t(same.length ? 'related.noneOther' : 'related.none')}</p> : <RelatedList items={other} backend={backend} />}
      </Section>
    </>
  );
}

function RelatedList(props: { items: RelatedView[]; backend: PanelBackend }) {
  const { t, lang } = useT();
  return (
    <ul class="related">
      {props.items.map((r) => (
        <li key={r.id}>
          <a href={safeUrl(r.url) ?? undefined} target="_blank" rel="noopener noreferrer" class="related-title">
            {r.title}
          </a>
          <span class="muted small">
            {r.site}
            {r.published ? ` · ${formatDate(r.published, lang, false)}` : ''}
          </span>
          {(r.why || r.reason) && <span class="reason small">{r.why ? reasonWords(t, r.why) : r.reason}</span>}
          <PageLink path={`/reader.html?id=${encodeURIComponent(r.id)}`} onOpen={props.backend.openPage} class="small stored-link">
            {t('related.storedCopy')}
          </PageLink>
        </li>
      ))}
    </ul>
  );
}

/** The library's reason for a related article, worded in the UI language. */
export function reasonWords(t: TFunction, why: NonNullable<RelatedView['why']>): string {
  const parts: string[] = [];
  if (why.sameStory) parts.push(t('related.why.sameStory'));
  if (why.names.length) parts.push(t('related.why.names', { names: why.names.join(', ') }));
  else if (why.keywords.length) parts.push(t('related.why.keywords', { words: why.keywords.join(', ') }));
  if (!parts.length) parts.push(t('related.why.near'));
  return parts.join('; ');
}
