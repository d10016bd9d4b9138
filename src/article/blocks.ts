/**
 * Running text as blocks: one string per paragraph, sub-heading, list item or quote.
 * Old templates separate paragraphs with <br><br> inside one element, so line breaks split too.
 */
import { collapse } from '../clutter/rules';

const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE',
  'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'DL', 'DT', 'DD',
  'CENTER', 'FORM', 'FIGURE', 'MAIN', 'HR', 'ADDRESS', 'DETAILS', 'SUMMARY']);
/** Captions and credits are not running text (GOLD_SPEC), nor is embedded media. */
const SKIP = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG',
  'BUTTON', 'SELECT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'CANVAS', 'IMG', 'PICTURE']);
const CAPTION_CLASS = /(?:^|[\s_-])(?:caption|wp-caption-text|pic_caption|credit|photo-credit|image-caption|img-caption|keterangan)(?:$|[\s_-])/i;

/** "Jakarta -", "JAKARTA, KOMPAS.com –", "Badung -": a dateline alone, to be joined to what follows. */
const DATELINE = /^[\p{Lu}][\p{L}\p{N} .,'()/]{1,60}?\s*(?:[-–—]{1,2}|:)$/u;

export function blocksOf(root: Element, maxBlocks = 2000): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = collapse(buf);
    buf = '';
    if (t && out.length < maxBlocks) out.push(t);
  };
  const walk = (node: Node, depth: number): void => {
    if (depth > 200) return;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        buf += c.nodeValue ?? '';
        continue;
      }
      if (c.nodeType !== 1) continue;
      const el = c as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP.has(tag)) continue;
      if (tag === 'BR') {
        flush();
        continue;
      }
      const cls = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (cls.length > 1 && CAPTION_CLASS.test(cls)) continue;
      if (BLOCK.has(tag)) {
        flush();
        walk(el, depth + 1);
        flush();
      } else {
        // Inline: keep words apart where markup separated them.
        walk(el, depth + 1);
      }
    }
  };
  walk(root, 0);
  flush();
  return joinDatelines(out);
}

function joinDatelines(blocks: string[]): string[] {
  const out: string[] = [];
  let carry = '';
  blocks.forEach((block, i) => {
    const text = carry ? `${carry} ${block}` : block;
    carry = '';
    if (i + 1 < blocks.length && block.length <= 64 && DATELINE.test(block)) carry = text;
    else out.push(text);
  });
  return out;
}
