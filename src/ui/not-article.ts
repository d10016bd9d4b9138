import type { TFunction } from './i18n';

/** The analysis gives its reason in plain English (src/article/classify.ts); the panel says it in the UI language. */
const NOT_ARTICLE_REASONS: Record<string, string> = {
  'photo gallery': 'photoGallery', 'video page': 'videoPage', 'too little text': 'tooLittleText', 'index page': 'indexPage',
  'no article text found': 'noText', 'page too large': 'tooLarge', 'could not read the page': 'unreadable',
};

/** Why a page is not an article, in the UI language (the panel and the reading view say it). */
export function notArticleText(t: TFunction, reason: string | undefined): string {
  if (!reason) return t('panel.notArticle.noReason');
  const known = Object.keys(NOT_ARTICLE_REASONS).find((r) => reason === r || reason.startsWith(`${r} (`));
  if (!known) return reason;
  const detail = reason.slice(known.length).trim();
  return `${t(`panel.notArticle.reasons.${NOT_ARTICLE_REASONS[known]}`)}${detail ? ` ${detail}` : ''}`;
}
