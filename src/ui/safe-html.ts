/**
 * The ONLY place in the extension pages that turns a string into markup. Everything that comes
 * from a web page (Article.contentHtml, stored copies, imports) goes through here: DOMPurify with
 * a strict allow-list, then a second pass of our own over every URL.
 *
 * - no scripts, styles, forms, frames, embeds, SVG or MathML; no event-handler attributes
 * - links and images: only http(s) or relative URLs (resolved against the article URL when given)
 * - no data: images (DOMPurify allows them on <img> by default; we drop them)
 * - every link opens in a new tab with rel="noopener noreferrer"
 * - no id/class/style from the page (no DOM clobbering, no page CSS leaking into ours)
 *
 * It never assigns innerHTML: DOMPurify returns a DocumentFragment that we insert.
 */
import DOMPurify, { type Config } from 'dompurify';
import { h, type JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'article', 'small', 'span', 'strong', 'sub', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', 'cite'];
const URL_ATTRS = ['href', 'src', 'cite'];

/** http(s), protocol-relative, or a relative reference (no scheme before the first / ? #). */
const SAFE_URL = /^(?:https?:|\/|\.|#|\?|[^:/?#]*(?:[/?#]|$))/i;
// eslint-disable-next-line no-control-regex
const URL_JUNK = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
  FORBID_TAGS: ['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template', 'link', 'meta', 'base', 'noscript'],
  FORBID_ATTR: ['style', 'class', 'id', 'srcset', 'srcdoc', 'action', 'formaction', 'xlink:href'],
};

export interface SanitizeOptions {
  /** The article's URL: relative links and images are resolved against it. */
  baseUrl?: string | null;
}

/** Returns the absolute http(s) URL, or null when it is anything else (javascript:, data:, blob:, ...). */
export function safeUrl(raw: string, baseUrl?: string | null): string | null {
  const v = raw.replace(URL_JUNK, '');
  if (!v || !SAFE_URL.test(v)) return null;
  if (v.startsWith('#')) return v;
  try {
    const base = baseUrl && /^https?:/i.test(baseUrl) ? baseUrl : undefined;
    if (!base && !/^(?:https?:)?\/\//i.test(v)) return v; // relative, nothing to resolve against: kept as written
    const u = new URL(v, base ?? 'https://invalid.invalid/');
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.href;
  } catch {
    return null;
  }
}

let purifier: ReturnType<typeof DOMPurify> | null = null;
let currentBase: string | null | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (!el.getAttribute) return;
    for (const name of URL_ATTRS) {
      const val = el.getAttribute(name);
      if (val == null) continue;
      const ok = safeUrl(val, currentBase);
      if (ok == null) el.removeAttribute(name);
      else el.setAttribute(name, ok);
    }
    const tag = el.tagName?.toLowerCase();
    if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href && !href.startsWith('#')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else if (!href) {
        el.removeAttribute('target');
      }
    } else if (tag === 'img') {
      if (!el.getAttribute('src')) {
        el.remove();
        return;
      }
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
    }
  });
  purifier = p;
  return p;
}

/** Sanitise to a DocumentFragment of the current document. */
export function sanitizeToFragment(html: string, opts: SanitizeOptions = {}): DocumentFragment {
  const p = getPurifier();
  currentBase = opts.baseUrl;
  try {
    return p.sanitize(html ?? '', { ...CONFIG, ADD_ATTR: ['target', 'rel', 'loading', 'decoding'], RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  } finally {
    currentBase = undefined;
  }
}

/** Sanitise to a string (for tests, printing and export). */
export function sanitizeHtml(html: string, opts: SanitizeOptions = {}): string {
  const frag = sanitizeToFragment(html, opts);
  const box = document.createElement('div');
  box.append(frag);
  return box.innerHTML; // reading only
}

/** Replace the children of `target` with the sanitised content. */
export function renderSafeHtml(target: Element, html: string, opts: SanitizeOptions = {}): void {
  target.replaceChildren(sanitizeToFragment(html, opts));
}

export interface SafeHtmlProps {
  html: string;
  baseUrl?: string | null;
  class?: string;
  lang?: string;
  /** Called after every render of the content with the container (for highlighting, TTS marks). */
  onRendered?: (el: HTMLElement) => void;
  tag?: 'div' | 'article' | 'section';
}

/** Preact component: the sanitised HTML in a container Preact never diffs into. */
export function SafeHtml(props: SafeHtmlProps): JSX.Element {
  const ref = useRef<HTMLElement>(null);
  const { html, baseUrl, onRendered } = props;
  useLayoutEffect(() => {
    if (!ref.current) return;
    renderSafeHtml(ref.current, html, { baseUrl });
    onRendered?.(ref.current);
  }, [html, baseUrl, onRendered]);
  return h(props.tag ?? 'div', { ref, class: props.class, lang: props.lang });
}
