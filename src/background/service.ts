/**
 * What the background does with an analysed page: entities, storage, related articles, and the
 * per-tab state the panel renders. Kept free of listener wiring so tests can call it directly.
 */
import type { NotStoredWhy, RelatedView, TabProblem, TabState } from '../messaging/protocol';
import type { Entity, ExtractResult, HiddenItem } from '../types';
import { extractEntities, loadNerData } from '../entities';
import { readPackagedBytes } from '../platform';
import type { Library } from '../library';
import { LibraryError, isQuotaError } from '../library/errors';
import { articleId } from '../library/ids';
import { TabStates, emptyState } from './tab-states';

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

export interface StorePolicy {
  /** Why an article may not be stored (a private tab, saving off, off for this site), or null: store it. */
  whyNotStore(url: string, privateTab: boolean): Promise<NotStoredWhy | null>;
}

export class SorotService {
  constructor(
    private library: Library,
    private tabs: TabStates,
    private policy: StorePolicy,
    /** Told when a tab's state changes later, outside a call (a blocked save that landed). */
    private changed: (state: TabState) => void = () => {},
  ) {}

  /**
   * A tab started loading a page of a site we run on: load the tagger data and, if the page may
   * be stored, the library's counts, while the page loads, so its analysis does not wait for them
   * (about 150 ms at 100k articles on a worker that just started). Failures surface later.
   */
  async prepare(url: string, privateTab: boolean): Promise<void> {
    const ner = loadNerData(readPackagedBytes).catch(() => {});
    const library = this.policy.whyNotStore(url, privateTab).then((why) => (why == null ? this.library.warm() : undefined)).catch(() => {});
    await Promise.all([ner, library]);
  }

  async pageAnalyzed(tabId: number, privateTab: boolean, data: ExtractResult & { url: string; hidingEnabled?: boolean; sameVisit?: boolean }): Promise<TabState> {
    const base = { ...emptyState(tabId, data.isArticle ? 'article' : 'not-article', data.url), hidingEnabled: data.hidingEnabled ?? true };
    if (!data.isArticle || !data.article) {
      return this.tabs.set({ ...base, hidden: data.hidden, message: data.notArticleReason });
    }
    const article = data.article;
    const problems: TabProblem[] = [];
    let entities: Entity[] = [];
    try {
      // The model is fetched from the package on the first article after the worker starts.
      await loadNerData(readPackagedBytes);
      entities = extractEntities(article.paragraphs);
    } catch (err) {
      // The article is still stored and shown; a later visit fills its entities in.
      problems.push({ code: 'entities-unavailable', detail: errorText(err) });
    }
    let stored = false;
    let storedEarlier = false;
    let related: RelatedView[] = [];
    let libraryEmpty = true;
    let landing: Promise<{ id: string }> | null = null;
    let notStoredWhy: NotStoredWhy | null = null;
    try {
      notStoredWhy = await this.policy.whyNotStore(article.canonicalUrl || data.url, privateTab);
      if (notStoredWhy == null) {
        const saved = await this.library.save(article, entities, undefined, { sameVisit: data.sameVisit });
        stored = true;
        related = await this.library.related(saved.id);
      } else if (notStoredWhy !== 'private') {
        // Saving is off (for this site or at all), but the library the reader built is still
        // theirs to see: related articles and an earlier visit's copy. Nothing is written.
        const id = articleId(article.canonicalUrl || data.url);
        if (await this.library.get(id)) {
          storedEarlier = true;
          related = await this.library.related(id);
        } else {
          related = await this.library.relatedTo(article, entities);
        }
      }
      libraryEmpty = (await this.library.count()) <= (stored || storedEarlier ? 1 : 0);
    } catch (err) {
      // Storage can fail (quota, blocked upgrade): the page still gets its panel, with the reason.
      // A blocked upgrade still stores the article once it completes: "not yet", not "not".
      const code = err instanceof LibraryError ? err.code : null;
      problems.push(
        code === 'blocked' ? { code: 'not-stored-yet' } : code === 'quota' || isQuotaError(err) ? { code: 'storage-full' } : { code: 'not-stored', detail: errorText(err) },
      );
      if (code === 'blocked' && err instanceof LibraryError && err.pending) landing = err.pending as Promise<{ id: string }>;
    }
    const state = await this.tabs.set({
      ...base, article, hidden: data.hidden, entities, related, stored, ...(storedEarlier ? { storedEarlier } : {}), ...(notStoredWhy ? { notStoredWhy } : {}), libraryEmpty, problems,
    });
    // Followed up only after this state is set, so the later "stored" state cannot be overwritten by it.
    if (landing) void this.whenStored(tabId, data.url, landing);
    return state;
  }

  /** A save that waited for a blocked upgrade landed: the panel shows it stored, with related articles. */
  private async whenStored(tabId: number, url: string, pending: Promise<{ id: string }>): Promise<void> {
    try {
      const saved = await pending;
      const [related, count] = await Promise.all([this.library.related(saved.id), this.library.count()]);
      const cur = await this.tabs.get(tabId);
      if (!cur || cur.url !== url) return; // the tab has moved on
      const problems = cur.problems?.filter((p) => p.code !== 'not-stored-yet');
      this.changed(await this.tabs.set({ ...cur, stored: true, related, libraryEmpty: count <= 1, problems }));
    } catch {
      // Still not stored: the "not stored yet" problem stays.
    }
  }

  async pageFailed(tabId: number, url: string, message: string): Promise<TabState> {
    return this.tabs.set({ ...emptyState(tabId, 'error', url), message });
  }

  /**
   * Articles deleted in a library page (or the whole library): panels stop offering them as
   * related, and a tab whose own article went says it is no longer stored. Returns the changed states.
   */
  async libraryChanged(change: { deleted?: string[]; cleared?: boolean }): Promise<TabState[]> {
    const gone = new Set(change.deleted ?? []);
    const changed: TabState[] = [];
    let count: number | undefined;
    const total = async () => (count ??= await this.library.count());
    for (const st of await this.tabs.all()) {
      if (!st.article) continue;
      const own = articleId(st.article.canonicalUrl || st.url || '');
      const related = change.cleared ? [] : st.related.filter((r) => !gone.has(r.id));
      const kept = !change.cleared && !gone.has(own);
      const isStored = st.stored && kept;
      const earlier = !!st.storedEarlier && kept;
      if (related.length === st.related.length && isStored === st.stored && earlier === !!st.storedEarlier) continue;
      const libraryEmpty = change.cleared ? true : (await total()) <= (isStored || earlier ? 1 : 0);
      changed.push(await this.tabs.set({ ...st, related, stored: isStored, storedEarlier: earlier || undefined, libraryEmpty }));
    }
    return changed;
  }

  /** Late clutter found, or hiding switched on/off in the page: the panel follows. */
  async clutterUpdated(tabId: number, hidden: HiddenItem[], hidingEnabled?: boolean): Promise<TabState | null> {
    const state = await this.tabs.get(tabId);
    if (!state) return null;
    return this.tabs.set({ ...state, hidden, hidingEnabled: hidingEnabled ?? state.hidingEnabled });
  }
}
