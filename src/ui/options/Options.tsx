/** The options page: language and theme, features, per-site switches, keyboard shortcuts. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { NEWS_DOMAINS, NEWS_SECTIONS } from '../../sites';
import { releaseOrigin, requestOrigin } from '../../platform';
import { Brand, PageLink, Section, Switch } from '../components';
import { useT } from '../i18n';
import {
  DEFAULT_FEATURES, featuresItem, languageItem, noStoreSitesItem, readerPrefsItem, sitesItem, withFeatureDefaults, withReaderDefaults,
  type Features, type Language, type ReaderTheme,
} from '../settings';
import { WIKIPEDIA_ORIGIN } from '../wikipedia';

export interface Shortcut {
  name: string;
  shortcut: string;
  description: string;
}

export async function readShortcuts(): Promise<Shortcut[]> {
  try {
    const all = await browser.commands.getAll();
    return all.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '', description: c.description ?? '' }));
  } catch {
    return [];
  }
}

const COMMAND_LABEL: Record<string, string> = {
  'toggle-reader': 'shortcuts.toggleReader',
  _execute_action: 'shortcuts.openPanel',
  _execute_browser_action: 'shortcuts.openPanel',
  _execute_sidebar_action: 'shortcuts.openPanel',
};

/** The two documented shortcuts, shown when the browser reports none (e.g. tests, old builds). */
const FALLBACK_SHORTCUTS: Shortcut[] = [
  { name: 'toggle-reader', shortcut: 'Alt+Shift+L', description: '' },
  { name: '_execute_action', shortcut: 'Alt+Shift+S', description: '' },
];

/** Host-permission calls (src/platform in the extension; a fake in tests). */
export interface OriginPermissions {
  request(pattern: string): Promise<boolean>;
  release(pattern: string): Promise<boolean>;
}

const platformPermissions: OriginPermissions = { request: requestOrigin, release: releaseOrigin };

/** Sites Sorot runs on unless the reader turns them off: the portals, and the sites of the Indonesian sections (on under their path only). */
const DEFAULT_ON = new Set<string>([...NEWS_DOMAINS, ...NEWS_SECTIONS.map((x) => x.domain)]);
const SECTION_PATH = new Map(NEWS_SECTIONS.map((x) => [x.domain, x.path] as const));

export function Options(props: { loadShortcuts?: () => Promise<Shortcut[]>; permissions?: OriginPermissions }) {
  const permissions = props.permissions ?? platformPermissions;
  const { t } = useT();
  const [features, setFeatures] = useState<Features>(DEFAULT_FEATURES);
  const [language, setLanguage] = useState<Language>('auto');
  const [theme, setThemeState] = useState<ReaderTheme>('system');
  const [sites, setSites] = useState<Record<string, boolean>>({});
  const [noStore, setNoStore] = useState<Record<string, boolean>>({});
  const [filter, setFilter] = useState('');
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [wikiDenied, setWikiDenied] = useState(false);

  useEffect(() => {
    document.title = `${t('options.title')} · Sorot`;
  }, [t]);

  useEffect(() => {
    void featuresItem.getValue().then((v) => setFeatures(withFeatureDefaults(v)));
    void languageItem.getValue().then((v) => setLanguage(v ?? 'auto'));
    void readerPrefsItem.getValue().then((v) => setThemeState(withReaderDefaults(v).theme));
    void sitesItem.getValue().then((v) => setSites(v ?? {}));
    void noStoreSitesItem.getValue().then((v) => setNoStore(v ?? {}));
    void (props.loadShortcuts ?? readShortcuts)().then((s) => setShortcuts(s.length ? s : FALLBACK_SHORTCUTS));
    const un = [
      featuresItem.watch((v) => setFeatures(withFeatureDefaults(v))),
      sitesItem.watch((v) => setSites(v ?? {})),
      noStoreSitesItem.watch((v) => setNoStore(v ?? {})),
      languageItem.watch((v) => setLanguage(v ?? 'auto')),
      readerPrefsItem.watch((v) => setThemeState(withReaderDefaults(v).theme)),
    ];
    return () => un.forEach((f) => f());
  }, [props.loadShortcuts]);

  const flash = () => {
    setSaved(true);
    setTimeout(() => setSaved(false), 1500);
  };
  const setFeature = (k: keyof Features, v: boolean) => {
    const next = { ...features, [k]: v };
    setFeatures(next);
    void featuresItem.setValue(next).then(flash);
  };
  // Wikipedia: the permission prompt comes first in the click (Firefox needs the user gesture);
  // refused = the feature stays off. Turning it off gives the permission back.
  const setWikipedia = async (v: boolean) => {
    if (v) {
      const granted = await permissions.request(WIKIPEDIA_ORIGIN).catch(() => false);
      setWikiDenied(!granted);
      if (!granted) {
        setFeatures((f) => ({ ...f }));
        return;
      }
      setFeature('wikipediaLookup', true);
    } else {
      setWikiDenied(false);
      setFeature('wikipediaLookup', false);
      void permissions.release(WIKIPEDIA_ORIGIN).catch(() => false);
    }
  };
  // The theme is the reading view's setting; every Sorot page follows it (theme.ts).
  const setTheme = (v: ReaderTheme) => {
    setThemeState(v);
    void readerPrefsItem.getValue().then((p) => readerPrefsItem.setValue({ ...withReaderDefaults(p), theme: v })).then(flash);
  };
  const setLang = (v: Language) => {
    setLanguage(v);
    void languageItem.setValue(v).then(flash);
  };
  const setSite = (host: string, on: boolean) => {
    const isDefault = DEFAULT_ON.has(host);
    const next = { ...sites };
    // Store only differences from the default, so new portals added later stay on.
    if (isDefault && on) delete next[host];
    else next[host] = on;
    setSites(next);
    void sitesItem.setValue(next).then(flash);
  };

  const setStore = (host: string, store: boolean) => {
    const next = { ...noStore };
    if (store) delete next[host];
    else next[host] = true;
    setNoStore(next);
    void noStoreSitesItem.setValue(next).then(flash);
  };

  const allSiteRows = useMemo(() => {
    const all = new Set<string>([...DEFAULT_ON, ...Object.keys(sites)]);
    return [...all]
      .map((host) => {
        const set = Object.prototype.hasOwnProperty.call(sites, host);
        // A section's row is its site's switch: on by default for the section only; a host the
        // reader turned on as a whole is shown as the whole host.
        const label = SECTION_PATH.has(host) && !(set && sites[host] === true) ? host + SECTION_PATH.get(host)! : host;
        return { host, label, on: set ? sites[host] === true : DEFAULT_ON.has(host), custom: !DEFAULT_ON.has(host) || (set && sites[host] === true && SECTION_PATH.has(host)) };
      })
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [sites]);
  const siteRows = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? allSiteRows.filter((r) => r.label.includes(f)) : allSiteRows;
  }, [allSiteRows, filter]);

  return (
    <div class="page">
      <header class="page-head">
        <Brand />
        <h1>{t('options.title')}</h1>
        <PageLink path="/library.html">{t('nav.library')}</PageLink>
      </header>
      <main>
        <p class="visually-hidden" role="status">
          {saved ? t('options.saved') : ''}
        </p>

        <Section id="language" title={t('options.language')}>
          <label class="field" for="lang-select">
            <span>{t('options.languageLabel')}</span>
            <select id="lang-select" value={language} onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Language)}>
              <option value="auto">{t('options.languageAuto')}</option>
              <option value="id">Bahasa Indonesia</option>
              <option value="en">English</option>
            </select>
          </label>
          <label class="field" for="theme-select">
            <span>{t('options.themeLabel')}</span>
            <select id="theme-select" value={theme} onChange={(e) => setTheme((e.currentTarget as HTMLSelectElement).value as ReaderTheme)}>
              {(['system', 'light', 'dark', 'sepia'] as const).map((th) => (
                <option key={th} value={th}>
                  {t(`reader.theme_${th}`)}
                </option>
              ))}
            </select>
          </label>
        </Section>

        <Section id="features" title={t('options.features')}>
          <Switch id="f-hide" checked={features.hideClutter} onChange={(v) => setFeature('hideClutter', v)} label={t('options.hideClutter')} hint={t('options.hideClutterHint')} />
          <Switch id="f-store" checked={features.storeArticles} onChange={(v) => setFeature('storeArticles', v)} label={t('options.storeArticles')} hint={t('options.storeArticlesHint')} />
          <Switch id="f-wiki" checked={features.wikipediaLookup} onChange={(v) => void setWikipedia(v)} label={t('options.wikipedia')} hint={t('options.wikipediaHint')} />
          {wikiDenied && (
            <p class="status status-warn" role="status">
              {t('options.wikipediaDenied')}
            </p>
          )}
        </Section>

        <Section id="sites" title={t('options.sites')} count={allSiteRows.filter((r) => r.on).length}>
          <p class="muted">{t('options.sitesHint')}</p>
          <label class="field" for="site-filter">
            <span>{t('options.sitesFilter')}</span>
            <input id="site-filter" type="search" value={filter} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
          </label>
          {siteRows.length === 0 && filter.trim() ? (
            <p class="muted" role="status">
              {t('options.sitesNoMatch', { q: filter.trim() })}
            </p>
          ) : null}
          <ul class="site-list">
            {siteRows.map((r) => (
              <li key={r.host}>
                <Switch id={`site-${r.host}`} checked={r.on} onChange={(v) => setSite(r.host, v)} label={r.label} hint={r.custom ? t('options.customSite') : undefined} />
                <label class="site-store small" for={`store-${r.host}`}>
                  <input
                    type="checkbox"
                    id={`store-${r.host}`}
                    checked={r.on && features.storeArticles && !noStore[r.host]}
                    disabled={!r.on || !features.storeArticles}
                    onChange={(e) => setStore(r.host, (e.currentTarget as HTMLInputElement).checked)}
                  />{' '}
                  {t('options.siteStore')}
                </label>
              </li>
            ))}
          </ul>
        </Section>

        <Section id="shortcuts" title={t('options.shortcuts')}>
          <table class="shortcuts">
            <thead>
              <tr>
                <th scope="col">{t('options.shortcutAction')}</th>
                <th scope="col">{t('options.shortcutKeys')}</th>
              </tr>
            </thead>
            <tbody>
              {(shortcuts ?? []).map((s) => (
                <tr key={s.name}>
                  <td>{COMMAND_LABEL[s.name] ? t(COMMAND_LABEL[s.name]!) : s.description || s.name}</td>
                  <td>{s.shortcut ? <kbd class="kbd">{s.shortcut}</kbd> : <span class="muted">{t('options.shortcutNone')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted small">{t('options.shortcutsHint')}</p>
        </Section>
      </main>
    </div>
  );
}
