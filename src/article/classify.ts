/** Is this page an article? Index pages, photo galleries and video pages are not. */

/** URL path segments that mark photo / video sections on Indonesian portals. */
const PHOTO_SEGMENT = /^(?:foto|photos?|galeri|gallery|galleries|readfoto|inpicture|[\w-]+-inpicture|infografis|infographic|potret)$/i;
const VIDEO_SEGMENT = /^(?:video|videos|tv|watch|readvideo|[\w-]+-video)$/i;
const PHOTO_HOST = /^(?:photo|foto|galeri|gallery)\./i;
const VIDEO_HOST = /^(?:video|tv|20)\./i;
/**
 * Path segments of listing pages (tag, topic, category, index, search, author, archive; Blogger's
 * /search/label/): only the first two segments count, where a portal puts its listings, not a headline.
 */
const LISTING_SEGMENT = /^(?:tags?|tagar|topi[ck]s?|kategori|category|categories|label|search|cari|pencarian|indeks|index|arsip|archives?|author|penulis|reporter|editor|kanal)$/i;

export const ARTICLE_MIN_WORDS = 60;
/** A photo/video page needs this much running text to count as an article anyway. */
export const MEDIA_PAGE_MIN_WORDS = 200;

export interface PageSignals {
  url: string;
  words: number;
  paragraphs: number;
  /** og:type */
  ogType: string | null;
  hasArticleMeta: boolean;
  /** share of the extracted text that sits in links */
  linkDensity: number;
}

function urlKind(url: string): 'photo' | 'video' | 'index' | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const segs = u.pathname.split('/').filter(Boolean);
  if (PHOTO_HOST.test(u.hostname) || segs.slice(0, 4).some((s) => PHOTO_SEGMENT.test(s))) return 'photo';
  if (VIDEO_HOST.test(u.hostname) || segs.slice(0, 3).some((s) => VIDEO_SEGMENT.test(s))) return 'video';
  if (segs.length === 0) return 'index';
  // A listing segment, unless a headline slug follows (a WordPress post under /category/...).
  const at = segs.slice(0, 2).findIndex((s) => LISTING_SEGMENT.test(s));
  if (at >= 0 && !segs.slice(at + 1).some((s) => s.split(/[-_]+/).filter((w) => /[a-z]/i.test(w)).length >= 5)) return 'index';
  return null;
}

/** null when it is an article, else the reason shown in the panel. */
export function notArticleReason(s: PageSignals): string | null {
  const kind = urlKind(s.url);
  const ogVideo = /^video/i.test(s.ogType ?? '');
  if (s.words < ARTICLE_MIN_WORDS) {
    if (kind === 'photo') return 'photo gallery';
    if (kind === 'video' || ogVideo) return 'video page';
    return 'too little text';
  }
  if ((kind === 'photo' || kind === 'video' || ogVideo) && s.words < MEDIA_PAGE_MIN_WORDS) {
    return kind === 'photo' ? 'photo gallery' : 'video page';
  }
  if (kind === 'index' && !s.hasArticleMeta) return 'index page';
  if (s.linkDensity > 0.5) return 'index page';
  return null;
}
