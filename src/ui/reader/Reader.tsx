/**
 * The reading view: the clean article with typography controls, entity highlighting,
 * text-to-speech and print. Runs as reader.html, in an iframe over the page or in its own tab.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Article, Entity, EntityType } from '../../types';
import { EntityDot, Spinner, Status, Switch } from '../components';
import { displayHost, formatDate, formatDecimal, readingMinutes } from '../format';
import { useT } from '../i18n';
import { SafeHtml, safeUrl } from '../safe-html';
import { DEFAULT_READER_PREFS, READER_LIMITS, type ReaderPrefs, type ReaderTheme } from '../settings';
import { highlightEntities, readableBlocks } from './highlight';
import { Speaker, ttsAvailable, type TtsState } from './tts';

export interface ReaderData {
  article: Article;
  entities: Entity[];
  source: 'tab' | 'stored';
}

export type ReaderLoad = { kind: 'loading' } | { kind: 'ready'; data: ReaderData } | { kind: 'error'; message: string } | { kind: 'notArticle'; message: string };

export interface ReaderProps {
  load: ReaderLoad;
  prefs: ReaderPrefs;
  onPrefs: (p: ReaderPrefs) => void;
  onClose: () => void;
}

const THEMES: ReaderTheme[] = ['system', 'light', 'dark', 'sepia'];
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Article text as plain paragraphs when there is no HTML (e.g. state restored without it). */
function paragraphsAsFragmentHtml(paragraphs: string[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
}

export function Reader(props: ReaderProps) {
  const { load, prefs, onPrefs, onClose } = props;
  const { t, lang } = useT();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [tts, setTts] = useState<TtsState>('idle');
  const [ttsBlock, setTtsBlock] = useState<number | null>(null);
  const [noVoice, setNoVoice] = useState<false | 'other' | 'none'>(false);
  const contentRef = useRef<HTMLElement | null>(null);
  const blocksRef = useRef<HTMLElement[]>([]);
  const speaker = useMemo(
    () => (ttsAvailable() ? new Speaker({ onState: setTts, onBlock: setTtsBlock }, 'id') : null),
    [],
  );
  const settingsBtn = useRef<HTMLButtonElement>(null);

  useEffect(() => () => speaker?.stop(), [speaker]);

  // Theme on the root so the page background follows it.
  useEffect(() => {
    document.documentElement.dataset.theme = prefs.theme;
  }, [prefs.theme]);

  // Escape closes the settings first, then the reader.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      if (settingsOpen) {
        setSettingsOpen(false);
        settingsBtn.current?.focus();
      } else onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [settingsOpen, onClose]);

  // Mark the block being read.
  useEffect(() => {
    blocksRef.current.forEach((el, i) => el.classList.toggle('tts-current', i === ttsBlock));
    if (ttsBlock != null) blocksRef.current[ttsBlock]?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [ttsBlock]);

  const data = load.kind === 'ready' ? load.data : null;

  // Keyboard users land in the article (arrow keys / space scroll it) once it is there.
  useEffect(() => {
    if (data) document.getElementById('reader-article')?.focus({ preventScroll: true });
  }, [data]);
  const html = data ? data.article.contentHtml || paragraphsAsFragmentHtml(data.article.paragraphs) : '';
  const lead = data ? leadImage(data.article.image, html) : null;

  const onRendered = useCallback(
    (el: HTMLElement) => {
      contentRef.current = el;
      if (prefs.highlightEntities && data) highlightEntities(el, data.entities);
      blocksRef.current = readableBlocks(el);
    },
    [prefs.highlightEntities, data],
  );

  const toggleTts = async () => {
    if (!speaker) return;
    // No voice installed at all: say so rather than "play" silence.
    if (!(await speaker.anyVoice())) {
      setNoVoice('none');
      return;
    }
    setNoVoice(speaker.hasVoice() ? false : 'other');
    speaker.toggle(blocksRef.current.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()));
  };

  const set = (patch: Partial<ReaderPrefs>) => onPrefs({ ...prefs, ...patch });
  const L = READER_LIMITS;
  const style = {
    '--r-size': `${prefs.size}px`,
    '--r-lh': String(prefs.lineHeight),
    '--r-width': `${prefs.width}ch`,
    '--r-font': prefs.font === 'serif' ? 'var(--font-serif)' : 'var(--font-sans)',
  } as Record<string, string>;

  const types = data ? ([...new Set(data.entities.map((e) => e.type))] as EntityType[]) : [];
  const original = data ? safeUrl(data.article.canonicalUrl || data.article.url) : null;

  return (
    <div class={`reader${prefs.highlightEntities ? ' hl-on' : ''}`} style={style}>
      <header class="reader-bar" aria-label={t('reader.toolbar')}>
        <a class="skip-link" href="#reader-article">
          {t('reader.skip')}
        </a>
        <button type="button" class="btn btn-icon" onClick={onClose} aria-label={t('reader.close')} title={`${t('reader.close')} (Esc)`}>
          ✕
        </button>
        <span class="reader-bar-title muted small">{data ? data.article.site : t('app.name')}</span>
        <div class="row">
          {speaker && data && (
            <>
              <button type="button" class="btn" onClick={toggleTts} aria-pressed={tts === 'playing'}>
                {tts === 'playing' ? t('reader.pause') : tts === 'paused' ? t('reader.resume') : t('reader.listen')}
              </button>
              {tts !== 'idle' && (
                <button type="button" class="btn" onClick={() => speaker.stop()}>
                  {t('reader.stop')}
                </button>
              )}
            </>
          )}
          {data && (
            <button type="button" class="btn" onClick={() => window.print()}>
              {t('reader.print')}
            </button>
          )}
          <button
            type="button"
            class="btn"
            ref={settingsBtn}
            aria-expanded={settingsOpen}
            aria-controls="reader-settings"
            onClick={() => setSettingsOpen(!settingsOpen)}
          >
            <span aria-hidden="true">Aa</span> <span class="reader-btn-label">{t('reader.settings')}</span>
          </button>
        </div>
      </header>

      {settingsOpen && (
        <div id="reader-settings" class="reader-settings card" role="region" aria-label={t('reader.settings')}>
          <fieldset>
            <legend>{t('reader.font')}</legend>
            {(['serif', 'sans'] as const).map((f) => (
              <label key={f} class="radio">
                <input type="radio" name="font" value={f} checked={prefs.font === f} onChange={() => set({ font: f })} />
                {t(`reader.font_${f}`)}
              </label>
            ))}
          </fieldset>
          <Stepper
            id="size"
            label={t('reader.size')}
            value={`${prefs.size}px`}
            onDec={() => set({ size: clamp(prefs.size - L.size.step, L.size.min, L.size.max) })}
            onInc={() => set({ size: clamp(prefs.size + L.size.step, L.size.min, L.size.max) })}
          />
          <Stepper
            id="lh"
            label={t('reader.lineHeight')}
            value={formatDecimal(prefs.lineHeight, 1, lang)}
            onDec={() => set({ lineHeight: round1(clamp(prefs.lineHeight - L.lineHeight.step, L.lineHeight.min, L.lineHeight.max)) })}
            onInc={() => set({ lineHeight: round1(clamp(prefs.lineHeight + L.lineHeight.step, L.lineHeight.min, L.lineHeight.max)) })}
          />
          <Stepper
            id="width"
            label={t('reader.width')}
            value={t('reader.widthValue', { n: prefs.width })}
            onDec={() => set({ width: clamp(prefs.width - L.width.step, L.width.min, L.width.max) })}
            onInc={() => set({ width: clamp(prefs.width + L.width.step, L.width.min, L.width.max) })}
          />
          <fieldset>
            <legend>{t('reader.theme')}</legend>
            {THEMES.map((th) => (
              <label key={th} class="radio">
                <input type="radio" name="theme" value={th} checked={prefs.theme === th} onChange={() => set({ theme: th })} />
                {t(`reader.theme_${th}`)}
              </label>
            ))}
          </fieldset>
          <Switch
            id="hl"
            checked={prefs.highlightEntities}
            onChange={(v) => set({ highlightEntities: v })}
            label={t('reader.highlight')}
          />
          <button type="button" class="btn btn-small" onClick={() => onPrefs({ ...DEFAULT_READER_PREFS })}>
            {t('reader.reset')}
          </button>
        </div>
      )}

      <main id="reader-article" class="reader-main" tabIndex={-1}>
        {load.kind === 'loading' && (
          <Status live>
            <Spinner /> {t('panel.loading')}
          </Status>
        )}
        {load.kind === 'error' && (
          <Status kind="error" live>
            {load.message}
          </Status>
        )}
        {load.kind === 'notArticle' && (
          <Status live>
            <strong>{t('panel.notArticle.title')}</strong> {load.message}
          </Status>
        )}
        {data && (
          <article class="reader-article" lang={data.article.lang ?? 'id'}>
            <header class="reader-head">
              <p class="reader-site">{data.article.site || displayHost(data.article.url)}</p>
              <h1>{data.article.title}</h1>
              <p class="reader-meta">
                {data.article.byline && <span class="byline">{data.article.byline}</span>}
                {data.article.source && <span class="source">{t('article.source', { source: data.article.source })}</span>}
                {data.article.published && (
                  <time dateTime={data.article.published}>{formatDate(data.article.published, lang)}</time>
                )}
                <span>{t('reader.minutes', readingMinutes(data.article.wordCount))}</span>
                {original && (
                  <a href={original} target="_blank" rel="noopener noreferrer">
                    {data.source === 'stored' ? t('reader.original') : displayHost(original)}
                  </a>
                )}
              </p>
              {data.source === 'stored' && <p class="muted small">{t('reader.storedNote')}</p>}
              {/* Without a voice nothing starts: say why instead of a button that does nothing. */}
              {noVoice && <p class="muted small" role="status">{t(noVoice === 'none' ? 'reader.noVoices' : 'reader.noVoice')}</p>}
              {prefs.highlightEntities && types.length > 0 && (
                <ul class="legend" aria-label={t('reader.legend')}>
                  {types.map((ty) => (
                    <li key={ty}>
                      <EntityDot type={ty} /> {t(`entityType.${ty}`)}
                    </li>
                  ))}
                </ul>
              )}
            </header>
            {lead && (
              <figure class="reader-lead">
                {/* Offline (a stored copy) or gone: no broken-image box above the text. */}
                <img src={lead} alt="" referrerpolicy="no-referrer" decoding="async" onError={(e) => ((e.currentTarget.parentElement as HTMLElement).hidden = true)} />
              </figure>
            )}
            <SafeHtml
              key={prefs.highlightEntities ? 'hl' : 'plain'}
              html={html}
              baseUrl={data.article.url}
              class="reader-content"
              onRendered={onRendered}
            />
          </article>
        )}
      </main>
    </div>
  );
}

function Stepper(props: { id: string; label: string; value: string; onDec: () => void; onInc: () => void }) {
  const { t } = useT();
  const labelId = `${props.id}-label`;
  return (
    <div class="stepper-row" role="group" aria-labelledby={labelId}>
      <span id={labelId} class="stepper-label">
        {props.label}
      </span>
      <button type="button" class="btn btn-small btn-icon" onClick={props.onDec} aria-label={`${props.label}: ${t('reader.less')}`}>
        −
      </button>
      <output aria-live="polite">{props.value}</output>
      <button type="button" class="btn btn-small btn-icon" onClick={props.onInc} aria-label={`${props.label}: ${t('reader.more')}`}>
        +
      </button>
    </div>
  );
}

/**
 * The article's own picture (og:image) above the text, when the text does not already show it:
 * Readability often leaves the lead photo out, as it sits above the headline in most templates.
 * Not a site's logo or default share card, and only an http(s) address.
 */
export function leadImage(image: string | null | undefined, html: string): string | null {
  const url = image ? safeUrl(image) : null;
  if (!url || !/^https?:/i.test(url)) return null;
  let file: string;
  try {
    file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return null;
  }
  if (/logo|favicon|default|placeholder|no-?image|share-?card/i.test(url)) return null;
  // Shown in the text already (same file name, whatever size or CDN host the copy uses).
  if (file && html.includes(file.replace(/\.[a-z0-9]+$/i, ''))) return null;
  return url;
}

