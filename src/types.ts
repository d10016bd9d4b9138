/** Data shapes shared across modules. Pure data: no DOM nodes, so they cross messages and storage. */

/** Why an element was hidden. Stable ids: the UI groups and labels by them. */
export type ClutterReason =
  | 'related' // "Baca juga" / "Lihat juga" / "Artikel terkait" lines and boxes
  | 'ad' // ad slots, "ADVERTISEMENT", "Iklan", "SCROLL TO CONTINUE"
  | 'video-promo' // "Simak Video ...", "[Gambas:Video 20detik]"
  | 'share' // share bars, social prompts
  | 'notice' // reuse/copyright notices, user-content disclaimers
  | 'promo' // newsletter / app / WhatsApp channel promos
  | 'editor' // "Editor: ...", "(rdp/rdp)", "Sumber: ..."
  | 'tags' // tag lists
  | 'overlay'; // interstitials and sticky/floating ads that cover the page

export interface HiddenItem {
  reason: ClutterReason;
  /** Which rule fired (for "why was this hidden"), e.g. "text:baca-juga" or "site:detik.com". */
  rule: string;
  /** The visible text of the hidden element, trimmed and shortened. */
  text: string;
  /** Set when the reader has shown this one item again on the page (the panel's per-item button). */
  shown?: true;
}

export interface Article {
  /** The URL the page was read at. */
  url: string;
  /** link rel=canonical / og:url when present and same-site, else url without hash and tracking params. */
  canonicalUrl: string;
  title: string;
  byline: string | null;
  /**
   * Where a translated or relayed story comes from, from the page's "Sumber: ..." line (hidden on
   * the page and left out of the text like other credits, but a reader wants to know it).
   */
  source?: string;
  /** ISO 8601 date-time when known. */
  published: string | null;
  /** Human-readable outlet name ("Kompas.com"), falls back to the host name. */
  site: string;
  /** Host name of the page, e.g. "news.detik.com". */
  host: string;
  lang: string | null;
  excerpt: string | null;
  /** The clean running text, one entry per block (paragraph, sub-heading, list item). */
  paragraphs: string[];
  /** Clean article HTML for the reading view. Untrusted: sanitise before rendering. */
  contentHtml: string;
  /** Lead image if any. */
  image: string | null;
  wordCount: number;
}

export interface ExtractResult {
  isArticle: boolean;
  /** Why the page is not an article (shown in the panel), when isArticle is false. */
  notArticleReason?: string;
  article: Article | null;
  hidden: HiddenItem[];
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'DATE' | 'MONEY' | 'EVENT' | 'MISC';

export interface Mention {
  /** Index into Article.paragraphs. */
  paragraph: number;
  /** Character offsets in that paragraph. */
  start: number;
  end: number;
  /** The text as written. */
  text: string;
}

export interface Entity {
  /** Stable across articles: type + normalised canonical name, e.g. "PER:vladimir-putin". */
  id: string;
  name: string;
  type: EntityType;
  /** Every distinct surface form seen in the article ("Putin", "Vladimir Putin"). */
  surface: string[];
  count: number;
  mentions: Mention[];
  /** Title/role stripped from a person's name ("Presiden Rusia"). */
  role?: string;
}
