/**
 * The ONLY place in the extension pages that turns a string into markup. Everything that comes
 * from a web page (Article.contentHtml, stored copies, imports) goes through here: DOMPurify with
 * a strict allow-list, then a second pass of our own over every URL.
 *
 * - no scripts, styles, forms, frames, embeds, SVG or MathML; no event-handler attributes
 * - links and images: only http(s) or relative URLs (resolved against the article URL when given)
 * - no data: images (DOMPurify allows them on <img> by default; we drop them), no tracking pixels
 *   (an image the page sized 3 px or less), and images load without a referrer
 * - every link opens in a new tab with rel="noopener noreferrer"
 * - no id/class/style from the page (no DOM clobbering, no page CSS leaking into ours)
 *
 * It never assigns innerHTML: DOMPurify returns a DocumentFragment that we insert.
 */
import DOMPurify, { type Config } from 'dompurify';
import { h, type JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { SAFE_URL, safeUrl } from './safe-url';

export { safeUrl };

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'section', 'article', 'small', 'span', 'strong', 'sub', 'sup',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];
/**
 * Block elements kept as plain <div>s: unwrapped, their text would run into the next block's
 * ("Rincian" + "Bazar ..." read "RincianBazar ..."). A <details> is shown open: the reading view
 * has no hidden text.
 */
const AS_DIV = ['details', 'summary', 'header', 'footer', 'main', 'address', 'center', 'hgroup'];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'datetime', 'lang', 'dir', 'cite'];
const URL_ATTRS = ['href', 'src', 'cite'];

const CONFIG: Config = {
  ALLOWED_TAGS: [...ALLOWED_TAGS, ...AS_DIV],
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

let purifier: ReturnType<typeof DOMPurify> | null = null;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  // Styles are dropped, so a pixel sized by CSS ("width:1px;height:1px") would come back full size:
  // carry a tiny size over as an attribute, which enforce() reads (isPixel).
  purifier.addHook('uponSanitizeAttribute', (node, data) => {
    if (node.nodeName === 'IMG' && data.attrName === 'style') tinyStyleSize(node as Element, data.attrValue);
  });
  return purifier;
}

/** A CSS width or height of 3 px or less in `style`, copied onto the image as its attribute. */
function tinyStyleSize(img: Element, style: string): void {
  for (const m of style.matchAll(/(?:^|;)\s*(width|height)\s*:\s*(\d+(?:\.\d+)?)px/gi)) if (parseFloat(m[2]!) <= 3) img.setAttribute(m[1]!.toLowerCase(), m[2]!);
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const TAG_SET = new Set(ALLOWED_TAGS);
const ATTR_SET = new Set([...ALLOWED_ATTR, 'target', 'rel', 'loading', 'decoding', 'referrerpolicy']);

/** A tracking pixel: an image the page itself sized at most 3 px wide or high. */
const isPixel = (el: Element) => ['width', 'height'].some((a) => {
  const v = el.getAttribute(a);
  return v != null && /^\s*\d+(\.\d+)?\s*(px)?\s*$/i.test(v) && parseFloat(v) <= 3;
});
/** Elements whose content is never text for the reader. */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'textarea', 'select', 'title', 'head', 'frameset', 'frame', 'applet']);

/**
 * Our own pass after DOMPurify: enforce the same allow-list, normalise URLs, set link targets.
 * It makes the result independent of the DOM implementation (DOMPurify under a partial DOM such
 * as happy-dom can let things through) and is the place where relative URLs become absolute.
 */
function enforce(parent: ParentNode, base: string | null | undefined): void {
  for (const child of Array.from(parent.childNodes)) {
    if (child.nodeType === 3) continue; // text
    if (child.nodeType !== 1) {
      child.parentNode?.removeChild(child); // comments, processing instructions, CDATA
      continue;
    }
    let el = child as Element;
    if (el.namespaceURI === HTML_NS && AS_DIV.includes(el.localName.toLowerCase())) {
      const div = el.ownerDocument.createElement('div');
      div.append(...Array.from(el.childNodes));
      el.replaceWith(div);
      el = div;
    }
    const tag = el.localName.toLowerCase();
    if (el.namespaceURI !== HTML_NS || !TAG_SET.has(tag)) {
      if (DROP_WITH_CONTENT.has(tag) || el.namespaceURI !== HTML_NS) {
        el.parentNode?.removeChild(el);
      } else {
        enforce(el, base);
        const kids = Array.from(el.childNodes);
        for (const k of kids) el.parentNode?.insertBefore(k, el);
        el.parentNode?.removeChild(el);
      }
      continue;
    }
    // Where the DOM let a style through DOMPurify (see above), the same reading here.
    if (tag === 'img' && el.hasAttribute('style')) tinyStyleSize(el, el.getAttribute('style') ?? '');
    for (const name of el.getAttributeNames()) {
      if (!ATTR_SET.has(name.toLowerCase())) el.removeAttribute(name);
    }
    for (const name of URL_ATTRS) {
      const val = el.getAttribute(name);
      if (val == null) continue;
      const ok = safeUrl(val, base);
      if (ok == null) el.removeAttribute(name);
      else el.setAttribute(name, ok);
    }
    if (tag === 'a') {
      const href = el.getAttribute('href');
      if (href && !href.startsWith('#')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      } else {
        el.removeAttribute('target');
        el.removeAttribute('rel');
      }
    } else {
      el.removeAttribute('target');
      el.removeAttribute('rel');
    }
    if (tag === 'img') {
      if (!el.getAttribute('src') || isPixel(el)) {
        el.parentNode?.removeChild(el);
        continue;
      }
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      // The picture's host learns nothing of where it is shown (a stored copy, the reading view).
      el.setAttribute('referrerpolicy', 'no-referrer');
      // A picture the page gave no text for is decoration to a screen reader, not "image".
      if (!el.hasAttribute('alt')) el.setAttribute('alt', '');
    } else {
      el.removeAttribute('loading');
      el.removeAttribute('decoding');
      el.removeAttribute('referrerpolicy');
    }
    enforce(el, base);
  }
}

/** Sanitise to a DocumentFragment of the current document. */
export function sanitizeToFragment(html: string, opts: SanitizeOptions = {}): DocumentFragment {
  const p = getPurifier();
  let frag: DocumentFragment;
  if (p.isSupported) {
    frag = p.sanitize(html ?? '', { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
    frag = document.importNode(frag, true);
  } else {
    // No usable DOMPurify: keep the text only (parsed in an inert document).
    frag = document.createDocumentFragment();
    const text = new DOMParser().parseFromString(html ?? '', 'text/html').body?.textContent ?? '';
    frag.append(document.createTextNode(text));
  }
  enforce(frag, opts.baseUrl);
  return frag;
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
