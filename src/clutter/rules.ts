/**
 * The one declared table of Indonesian clutter vocabulary and thresholds. Detection
 * (`detect.ts`), extraction post-cleaning (`src/article/postclean.ts`) and the tests all read
 * from here, so a new outlet quirk is one line in this file.
 */
import type { ClutterReason } from '../types';

export interface TextRule {
  /** Stable id shown in "why was this hidden", e.g. "text:baca-juga". */
  id: string;
  reason: ClutterReason;
  /** Tested against the collapsed text of a block; anchored, so prose that merely mentions "baca" never matches. */
  pattern: RegExp;
  /** The longest block text (chars) this rule may hide. */
  maxChars: number;
  /** Related/promo boxes: may also hide a longer block when it is mostly links. */
  box?: boolean;
  /** A read-also line always links its headline: without a link (or a bare label) it is prose. */
  needsLink?: boolean;
  /** Sign-offs: only at the end of their block, so "(ANTARA)" in a dateline survives. */
  atEnd?: boolean;
  /**
   * A block's first text run that may start this rule's text when the rest is in a link
   * ("Baca berita X lainnya di " + <a>Google News</a>): the scan then tests `pattern` on the block.
   */
  lead?: RegExp;
}

/** Reporter/editor sign-offs: "(rdp/rdp)", "(ren)", "[ian]", "(H-4)". */
export const INITIALS = /^[([]\s*(?=[^)\]]*[A-Za-z*])[\w*.\- ]{1,25}(?:\/[\w*.\- ]{1,25}){0,3}\s*[)\]]$/;

const LABEL_END = String.raw`(?:\s*[:：\-–—»>]|\s*$|\s+(?=\S))`;

/** Block-text rules, most specific first. */
export const TEXT_RULES: TextRule[] = [
  // Read-also lines and boxes ("Baca juga: <headline>", "Baca Juga" label, "Artikel Terkait" box).
  { id: 'text:baca-juga', reason: 'related', pattern: new RegExp(String.raw`^(?:[•·\-*]\s*)?(?:baca|simak|lihat)\s+(?:juga|pula)(?!\s+(?:video|vidio))${LABEL_END}`, 'i'), maxChars: 400, box: true, needsLink: true },
  { id: 'text:baca-colon', reason: 'related', pattern: /^(?:baca|read more|read also|pilihan editor)\s*:/i, maxChars: 400, box: true, needsLink: true },
  { id: 'text:baca-selengkapnya', reason: 'related', pattern: /^(?:baca selengkapnya|baca berita selengkapnya|baca artikel (?:lainnya|selengkapnya)|baca artikel menarik lainnya)\b/i, maxChars: 300, box: true },
  { id: 'text:artikel-terkait', reason: 'related', pattern: /^(?:artikel|berita|topik|video|tag)\s+(?:terkait|lainnya|pilihan|terpopuler|terbaru|rekomendasi|menarik|selanjutnya)\b|^(?:rekomendasi|terkait|jangan lewatkan|terpopuler|populer|terbaru|paling banyak dibaca|(?:menarik|wajib) dibaca|pilihan (?:redaksi|untukmu|untuk anda)|most (?:popular|read)|related(?: articles?| news| posts?)?)\b/i, maxChars: 200, box: true, needsLink: true },
  { id: 'text:berita-rekomendasi', reason: 'related', pattern: /^berita\s+rekomendasi\b/i, maxChars: 200, box: true },
  // Video promos written as text.
  { id: 'text:gambas', reason: 'video-promo', pattern: /^\[gambas:[^\]]*\]$/i, maxChars: 80 },
  { id: 'text:simak-video', reason: 'video-promo', pattern: /^(?:simak|lihat|tonton|saksikan)(?:\s+juga)?\s+(?:video|vidio)\b/i, maxChars: 300 },
  // Ad labels left as text when scripts don't run.
  { id: 'text:ad-label', reason: 'ad', pattern: /^(?:advertisement|advertisment|iklan|pariwara|sponsored|sponsored content|konten bersponsor|ads by google|scroll to (?:continue|resume) (?:with )?content|scroll (?:down )?to continue(?: reading)?|lanjutkan membaca|gulir untuk melanjutkan)$/i, maxChars: 60 },
  // Reuse / user-content notices.
  { id: 'text:reuse-notice', reason: 'notice', pattern: /^(?:dilarang (?:keras )?(?:mengambil|mengutip|menayangkan)|copyright\s*(?:©|\(c\)|&copy;)?|©\s*\d{4}|hak cipta\b)/i, maxChars: 400 },
  { id: 'text:user-content', reason: 'notice', pattern: /^(?:konten ini (?:adalah|merupakan) kiriman|artikel ini (?:adalah|merupakan) kiriman|tulisan ini (?:adalah|merupakan) kiriman|disclaimer\s*:)/i, maxChars: 500 },
  { id: 'text:republished', reason: 'notice', pattern: /^(?:artikel ini telah (?:naik|tayang|terbit|dimuat)|artikel ini (?:sudah|telah) tayang|berita ini telah tayang)\b/i, maxChars: 300 },
  { id: 'text:divider', reason: 'notice', pattern: /^[-–—_=*~]{3,}$/, maxChars: 40 },
  // Editor / source sign-offs.
  { id: 'text:editor', reason: 'editor', pattern: /^(?:editor|penyunting|redaktur|pewarta|penulis|reporter|kontributor|editing|laporan wartawan)(?:\s*(?:&|\/|,|dan)\s*(?:editor|penyunting|redaktur|pewarta|penulis|reporter|kontributor))*\s*:/i, maxChars: 120,
    // The label alone in its table cell, the name in the next (Kompas "Penulis | : Ferril Dennys").
    lead: /^(?:editor|penyunting|redaktur|pewarta|penulis|reporter|kontributor)$/i },
  { id: 'text:source', reason: 'editor', pattern: /^sumber\s*:/i, maxChars: 120 },
  { id: 'text:initials', reason: 'editor', pattern: INITIALS, maxChars: 40, atEnd: true },
  // Share prompts and promos.
  { id: 'text:share', reason: 'share', pattern: /^(?:bagikan|share|tweet|copy link|salin link|salin tautan|shares?|komentar|comments?|\d+\s*komentar|rate artikel ini|beri rating|bagikan artikel ini|share this article)\s*:?$/i, maxChars: 40 },
  { id: 'text:promo', reason: 'promo', pattern: /^(?:[•·\-*]\s*)?(?:cek berita dan artikel|dapatkan (?:update |info(?:rmasi)? )?(?:berita|info(?:rmasi)?)\b|ikuti (?:berita|kami|saluran|channel|update)|follow (?:us|kami|berita|(?:official )?(?:whatsapp|wa|saluran|channel|instagram|tiktok|telegram))\b|simak berita (?:dan artikel )?(?:lainnya|yang lain)|gabung(?:lah)? (?:di|ke|dengan) (?:grup|saluran|channel)|download aplikasi|unduh aplikasi|simak breaking news|klik di sini untuk|butuh vpn|ikuti perkembangan berita ini|fakta atau hoaks\?)/i, maxChars: 300, box: true },
  // "Baca berita TRIBUNJATENG lainnya di Google News", "Yuk, ikuti saluran WhatsApp ...": a short
  // call to follow the outlet elsewhere, whatever its verb and outlet name.
  { id: 'text:follow-channel', reason: 'promo', pattern: /^(?:[•·\-*]\s*)?(?:baca|simak|ikuti|follow|cek|pantau|temukan|update|klik|yuk|jangan lupa|dapatkan|gabung)\b[^.!?]{0,140}?\b(?:google news|whats ?app channel|(?:saluran|channel) whats ?app|wa channel|(?:grup|channel|saluran) telegram)\b/i, maxChars: 300,
    lead: /^(?:[•·\-*]\s*)?(?:baca|simak|ikuti|follow|cek|pantau|temukan|update|klik|yuk|jangan lupa|dapatkan|gabung)\b[^.!?]{0,140}?\b(?:di|ke|lewat|melalui|via)$/i },
  { id: 'text:tags', reason: 'tags', pattern: /^(?:tags?|tagar|topik|kata kunci|keywords?)\s*:/i, maxChars: 400, box: true },
];

/**
 * Clutter inside running text. TEXT_RULES judge whole blocks; text that arrives flattened (a
 * scraped article as one paragraph, a CLI input, a page whose "Baca juga" sits inside a <p>)
 * carries the same clutter mid-sentence: "... Rabu (2/7/2025). ADVERTISEMENT SCROLL TO CONTINUE
 * WITH CONTENT Ribka menjelaskan ..." or "Baca juga:Jokowi Absen di Hari Bhayangkara Peserta kelas
 * 3 ...". Ranking must not read these as the article's words (two outlets sharing "continue" and
 * "content", or the headline of another story). `span: 'headline'` removes the label and the
 * title-cased headline after it (see inlineHeadlineEnd in src/library/text.ts).
 */
export interface InlineRule {
  id: string;
  pattern: RegExp;
  span: 'match' | 'headline';
}

export const INLINE_RULES: InlineRule[] = [
  { id: 'inline:scroll', pattern: /\b(?:ADVERTISEMENT\s+)?SCROLL\s+TO\s+(?:CONTINUE|RESUME)\s+(?:WITH\s+)?CONTENT\b/gi, span: 'match' },
  { id: 'inline:ad-label', pattern: /\bADVERTISEMENT\b/g, span: 'match' },
  // A video promo runs up to its embed marker: "Simak juga Video 'Judul': [Gambas:Video 20detik]".
  { id: 'inline:video-promo', pattern: /\b(?:Simak|Lihat|Tonton|Saksikan)\s+(?:[Jj]uga|[Vv]ideo|VIDEO)\b[^[\]]{0,200}\[Gambas:[^\]]*\]/g, span: 'match' },
  { id: 'inline:gambas', pattern: /\[Gambas:[^\]]*\]/gi, span: 'match' },
  { id: 'inline:baca-juga', pattern: /\b(?:Baca|BACA)\s+(?:[Jj]uga|JUGA|[Pp]ula)\s*:\s*/g, span: 'headline' },
  { id: 'inline:pilihan-editor', pattern: /\b(?:Pilihan|PILIHAN)\s+(?:[Ee]ditor|EDITOR)\s*:\s*/g, span: 'headline' },
];

/** Cheap pre-filter for text nodes: only nodes matching this are tested against TEXT_RULES. */
export const TEXT_TRIGGER =
  /baca|simak|lihat|tonton|saksikan|read|terkait|lainnya|selanjutnya|rekomendasi|lewatkan|dibaca|pilihan|related|gambas|advert|iklan|pariwara|sponsor|scroll|lanjutkan|gulir|dilarang|copyright|©|hak cipta|kiriman|disclaimer|artikel ini|berita ini|^[\s\-–—_=*~]{3,}$|editor|penyunting|redaktur|pewarta|penulis|reporter|kontributor|editing|laporan|sumber|[([]|bagikan|share|tweet|link|tautan|komentar|cek berita|dapatkan|ikuti|follow|gabung|aplikasi|breaking|klik|vpn|tag|topik|kunci|keyword|google news|whats ?app|wa channel|telegram|hoaks/i;

/**
 * Cheaper still, and first: every TEXT_RULES pattern is anchored at the start of the collapsed
 * text, so a text node can only trigger when it starts (after spaces, and a bullet) with one of
 * these words or signs. Most prose fails on its first word. Keep it a superset when adding a rule
 * (tests/unit/clutter/rules.test.ts checks it).
 */
export const TEXT_RULE_START =
  /^[\s\u00a0\u200b]*(?:[•·\-*][\s\u00a0\u200b]*)?(?:baca|pilihan editor|simak|lihat|read|artikel|berita|topik|video|tag|rekomendasi|terkait|jangan|terpopuler|populer|terbaru|paling|menarik|wajib|pilihan|most|related|\[|\(|tonton|saksikan|advert|iklan|pariwara|sponsor|konten|ads|scroll|lanjutkan|gulir|dilarang|copyright|©|hak|tulisan|disclaimer|editor|penyunting|redaktur|pewarta|penulis|reporter|kontributor|editing|laporan|sumber|bagikan|share|tweet|copy|salin|komentar|comment|\d|rate|beri|cek|dapatkan|ikuti|follow|gabung|download|unduh|klik|butuh|kata|keyword|pantau|temukan|update|yuk|fakta|[-–—_=*~])/i;

/**
 * Text rules read at most this many characters of a block's collapsed text (its length aside):
 * a rule whose pattern can look at the end of the text (`$`) has a maxChars below it, and every
 * other pattern is decided within its first characters (anchored at the start), so a long box's
 * text is not collapsed whole. tests/unit/clutter/rules.test.ts checks both.
 */
export const RULE_HEAD_CHARS = 200;

/** A text rule only applies to short runs; longer text nodes are prose. */
export const TRIGGER_MAX_CHARS = 500;

export interface ClassRule {
  id: string;
  reason: ClutterReason;
  /** Tested against each class name and the id, whole name (anchored). */
  pattern: RegExp;
}

/** Class/id vocabulary. Whole names only: "baca-content" (a Kompas body) must not match "baca". */
export const CLASS_RULES: ClassRule[] = [
  { id: 'class:related', reason: 'related', pattern: /^(?:baca-?juga\w*(?:[-_].*)?|bacajuga.*|linksisip|lihatjg|baca|inner-link-baca-juga|.*terkait.*|related(?:[-_].*)?|.*[-_]related(?:[-_].*)?|.*__related.*|rekomendasi.*|.*[-_]rekomendasi|recommended?(?:[-_].*)?|.*[-_]recommend(?:ed|ation)s?|artikelbox|box_artikel\d*|list__other|readtoogtm|jeg_related.*|crp_related|yarpp.*|terpopuler.*|.*[-_]terpopuler|wpp-list|most-?(?:popular|read).*|popular-?posts?)$/i },
  { id: 'class:overlay', reason: 'overlay', pattern: /^(?:interstitial.*|.*[-_]interstitial|popup-?ads?|ads?-?popup|sticky-?ads?.*|.*[-_]sticky-?ads?|ads?-?sticky.*|floating-?ads?.*|.*[-_]floating-?ads?|ads?-?floating.*|float-?ads?.*|ads?-?float.*|bottom-?ads?-?sticky)$/i },
  { id: 'class:ad', reason: 'ad', pattern: /^(?:ads?|iklan.*|.*[-_]iklan|ads?[-_].*|.*[-_]ads?|.*[-_]ads?[-_].*|adsbygoogle|adsense.*|adslot.*|adunit.*|ad-?slot.*|ad-?container|div-gpt-ad.*|gpt-ad.*|dfp[-_].*|parallax.*|.*parallax|paralax.*|.*_paralax|paradetail|flying-carpet|amp-flying-carpet.*|billboard.*|.*[-_]billboard|skyscra?pp?er.*|.*sk[yi]scra?pp?er|.*medium-?rectangle.*|advert.*|.*advertisement.*|sponsor(?:ed)?(?:[-_].*)?|banner(?:[-_]?ads?|[-_]iklan)|ads?banner.*|leaderboard.*|jeg_ad.*|ad_\w+|code-block-\d+)$/i },
  { id: 'class:share', reason: 'share', pattern: /^(?:share(?:[-_].*)?|sharebox|sharethis.*|addthis.*|.*[-_]share(?:[-_].*)?|.*__share.*|social-?share.*|sosmed.*|.*sosial.*|jeg_share.*|copylink|reactions?|rating|rate-?article|votes?|thumbs(?:-detail)?|like-?(?:btn|button)|emoji-?reactions?)$/i },
  { id: 'class:credits', reason: 'editor', pattern: /^(?:credits?(?:-toggle)?|article-credits?)$/i },
  { id: 'class:tags', reason: 'tags', pattern: /^(?:tags?|tag-?list|tags?-?box|.*__tags?|.*[-_]tags?|.*__body-tag|topik-?pilihan|jeg_post_tags|post-tags?)$/i },
  { id: 'class:promo', reason: 'promo', pattern: /^(?:ext-channel|newsletter.*|.*[-_]newsletter|subscribe.*|whatsapp-?channel|wa-?channel|google-?news.*|follow-?us|app-?promo|download-?app)$/i },
];

/**
 * A cheap first test for class names: every name a CLASS_RULES pattern matches contains one of
 * these words, so a name without any is skipped before the (slower, backtracking) rules run.
 * Short or common words count only at the start of a name or after a - or _ ("ad" in
 * "ad-slot", "top_ad", never in "header"), as every rule that uses them anchors them there.
 * Keep it a superset when adding a rule (tests/unit/clutter/rules.test.ts checks it).
 */
export const CLASS_HINT = /(?:^|[\s_-])(?:ad|app|rate|like|most|float|tag|google|follow|vote|thumbs|emoji)|[-_]floating|advert|download|iklan|baca|linksisip|lihatjg|terkait|related|rekomend|recommend|artikel|list__other|readtoogtm|populer|popular|wpp-list|yarpp|interstitial|popup|sticky|dfp|paral|paradetail|carpet|billboard|sk[yi]scr|rectangle|sponsor|banner|leaderboard|code-block|share|addthis|sosmed|sosial|copylink|reaction|rating|credit|topik|channel|newsletter|subscribe/i;

/** Ad-network frames and slots, whatever the page calls their containers. */
export const AD_EMBEDS = 'iframe[src*="doubleclick.net"], iframe[src*="googlesyndication.com"], iframe[id^="google_ads_iframe"], ins.adsbygoogle, [id^="div-gpt-ad"]';

/** Never hide these tags or their ancestors' equivalents: they hold the page and its navigation. */
export const NEVER_HIDE_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'NAV', 'HEADER', 'FOOTER', 'H1', 'FIGURE', 'FIGCAPTION', 'IMG', 'PICTURE', 'VIDEO']);

/** Containers holding any of these are not clutter (the article itself, navigation, comments). */
export const PROTECTED_INSIDE = 'h1, nav, [role="navigation"], figcaption, #comments, .comments, #comment, .comment-list, [itemprop="articleBody"]';

/** Class names that mean "not what it looks like" ("no-share" is a body container modifier). */
export const CLASS_EXEMPT = /^(?:no-|has-|with-|is-|js-|without-)/i;

export const THRESHOLDS = {
  /** Prose: a class-matched element with this much non-link text is not clutter. */
  proseChars: 700,
  /** ...unless its links make up at least this share of its text. */
  boxLinkDensity: 0.5,
  /** A "box" text rule may cover blocks up to this size when they are mostly links. */
  boxMaxChars: 4000,
  /** Stop scanning after this many elements / triggering text nodes (huge pages). */
  maxElements: 30000,
  maxTriggers: 1500,
  /** A block this short whose text is mostly rel="sponsored" links is an ad. */
  sponsoredMaxChars: 200,
  /** How far up a label may climb to find its box. */
  maxClimb: 8,
} as const;

/** Host suffix -> its outlet rules live in sites.ts; here only the shared regexes. */
export const WS = /\s+/g;
/** What collapse() would change: a space other than ' ' (\s, which trim() also removes), U+200B, two spaces, a space at either end. */
const NOT_COLLAPSED = /[^\S ]|\u200b| {2}|^ | $/;
/** Text already collapsed (paragraphs, meta values) is returned as is, without a copy. */
export const collapse = (s: string): string => (NOT_COLLAPSED.test(s) ? s.replace(/[\s\u00a0\u200b]+/g, ' ').trim() : s);

/**
 * collapse(s).length without making the string (most callers only compare lengths, and on
 * large boxes the collapsed copies were the scan's largest allocations). A code unit counts
 * unless it is one collapse() turns into a space: \s (which is also what trim() removes) or
 * U+200B; a run of those counts as one, except at either end.
 */
export function collapsedLength(s: string): number {
  let n = 0;
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c <= 32
      ? c === 32 || (c >= 9 && c <= 13)
      : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029
        || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
    if (space) gap = n > 0;
    else {
      if (gap) {
        n++;
        gap = false;
      }
      n++;
    }
  }
  return n;
}
