/**
 * Per-site selectors for the big portals. They only add to the general rules, for markup the
 * general rules cannot see (Tribun's label comes from CSS, detik's read-also is a table).
 * `early: true` marks selectors that are certainly clutter: they are also injected as CSS at
 * document_start so there is no flash of clutter.
 */
import { DETIK_NETWORK, TRIBUN_NETWORK } from '../sites';
import type { ClutterReason } from '../types';

export interface SiteRule {
  id: string;
  reason: ClutterReason;
  selector: string;
  early?: boolean;
}

interface Site {
  /** Registrable domain; subdomains match too. */
  domain: string;
  /** The network's other domains on the same publishing system (their markup is the same). */
  also?: readonly string[];
  rules: Array<Omit<SiteRule, 'id'>>;
}

export const SITES: Site[] = [
  {
    domain: 'detik.com',
    also: DETIK_NETWORK,
    rules: [
      { reason: 'related', selector: 'table.linksisip', early: true },
      { reason: 'related', selector: '.cb-berita-terkait, #bt_tkt, #bacajugabox, .bacajuga, .list__other', early: true },
      // .mr.mr1/.mr.mr2: the sidebar "medium rectangle" boxes, grey and 615/373 px tall even empty.
      { reason: 'ad', selector: '.paradetail, .para_abs, [id^="div-gpt-ad"], .parallaxindetail, .mr.mr1, .mr.mr2, .mr.mr3', early: true },
      { reason: 'video-promo', selector: 'a.video20detik, #idvideo20detik', early: true },
      { reason: 'tags', selector: '.detail__body-tag', early: true },
    ],
  },
  {
    domain: 'tribunnews.com',
    also: TRIBUN_NETWORK,
    rules: [
      // The "BACA JUGA" label is drawn by CSS p.baca:before; the text holds only the headline.
      { reason: 'related', selector: 'p.baca', early: true },
      { reason: 'ad', selector: '[id^="div-Inside-"], [id^="div-Left-"], [id^="div-Right-"], [id^="div-gpt-ad"]', early: true },
    ],
  },
  {
    domain: 'liputan6.com',
    rules: [
      { reason: 'related', selector: 'div.baca-juga, .baca-juga-collections', early: true },
    ],
  },
  {
    domain: 'kompas.com',
    rules: [
      { reason: 'related', selector: 'a.inner-link-baca-juga, .kcm-read-terkait, .kcm-read-bottom-topic', early: true },
    ],
  },
  {
    domain: 'mediaindonesia.com',
    rules: [
      { reason: 'related', selector: 'p.related-news', early: true },
      { reason: 'ad', selector: '.flying-carpet, #Ads_paralax, .ads-banner', early: true },
      { reason: 'promo', selector: '.ext-channel', early: true },
    ],
  },
  {
    domain: 'cnnindonesia.com',
    rules: [
      { reason: 'related', selector: 'table.linksisip, a.gtm_body_lihat_juga', early: true },
      { reason: 'ad', selector: '.para_caption, .paradetail, [id^="div-gpt-ad"]', early: true },
    ],
  },
  {
    domain: 'pikiran-rakyat.com',
    rules: [
      { reason: 'ad', selector: '.ads, [id^="div-gpt-ad"]', early: true },
      { reason: 'related', selector: '.read__related', early: true },
    ],
  },
  {
    domain: 'okezone.com',
    rules: [
      { reason: 'related', selector: '#artikelbox, #baca-juga', early: true },
    ],
  },
];

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

const under = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const siteFor = (host: string): Site[] => SITES.filter((s) => under(host, s.domain) || !!s.also?.some((d) => under(host, d)));

/** The per-site rules for a page URL, each with its rule id ("site:detik.com"). */
export function siteRulesFor(url: string): SiteRule[] {
  return siteFor(hostOf(url)).flatMap((s) => s.rules.map((r) => ({ ...r, id: `site:${s.domain}` })));
}

/**
 * CSS injected at document_start on known portals: hides only certain clutter. Scoped like
 * HIDE_CSS (html[data-sorot-hide], :not([data-sorot-shown])) so one switch controls both:
 * the content script calls setHiding(document, true) at document_start.
 */
export function earlyCss(host: string): string {
  const selectors = siteFor(host.toLowerCase().replace(/\.$/, ''))
    .flatMap((s) => s.rules.filter((r) => r.early).flatMap((r) => r.selector.split(',')))
    .map((sel) => `html[data-sorot-hide] ${sel.trim()}:not([data-sorot-shown])`);
  return selectors.length ? `${selectors.join(',\n')} { display: none !important; }\n` : '';
}
