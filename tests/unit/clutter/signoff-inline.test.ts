// @vitest-environment node
/**
 * A sign-off glued to the end of a paragraph's text ("... kata dia. (ant/kid)") is hidden on the
 * page by itself: its text moves into a span of its own, the paragraph stays visible.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../../src/article/index';
import { CLUTTER_ATTR, findClutter, markClutter, unmarkAll } from '../../../src/clutter/index';
import { PROSE } from './helpers';

const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom');
const parse = (html: string, url = 'https://www.example.id/berita/1/x'): Document =>
  new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
const page = (body: string): Document => parse(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`);

/** What the scan hides, as "rule|hidden text". */
function tails(doc: Document): string[] {
  return findClutter(doc, doc.URL)
    .filter((h) => h.from)
    .map((h) => `${h.rule}|${(h.element.childNodes[h.from!.child] as Text).data.slice(h.from!.offset).trim()}`);
}

describe('sign-offs inside a paragraph', () => {
  it('finds initials and sources after the last sentence, only the bracket', () => {
    expect(tails(page(`<div><p>${PROSE}</p><p>${PROSE} (ant/kid)</p></div>`))).toEqual(['text:initials-inline|(ant/kid)']);
    expect(tails(page(`<div><p>${PROSE}</p><p>Demikian kata dia. (abd)</p></div>`))).toEqual(['text:initials-inline|(abd)']);
    expect(tails(page(`<div><p>${PROSE}</p><p>${PROSE} (Sumber: Antara)</p></div>`))).toEqual(['text:source-inline|(Sumber: Antara)']);
    // After a link the last run is short; still the end of the paragraph.
    expect(tails(page(`<div><p>Kata <a href="/p">Jokowi</a>. (wur/red)</p></div>`))).toEqual(['text:initials-inline|(wur/red)']);
    // On its own line after a break (old Liputan6 template).
    expect(tails(page(`<div><p>${PROSE}<br><br>(Cas/Isk)</p></div>`))).toEqual(['text:initials-inline|(Cas/Isk)']);
    // An aggregator's linked source tag (gelora.co: "pungkasnya.[<a>sc</a>]").
    const linked = findClutter(page(`<div><div>${PROSE}[<a href="https://www.suara.com/x">sc</a>]</div></div>`), 'https://www.gelora.co/x').filter((h) => h.from);
    expect(linked.map((h) => [h.rule, h.from?.siblings])).toEqual([['text:initials-inline', 2]]);
  });

  it('leaves acronyms, photo credits, captions, headings and brackets before more text', () => {
    const none = [
      `<p>${PROSE.slice(0, -1)} menurut Badan Pusat Statistik (BPS)</p>`,
      `<p>${PROSE} (Liputan6.com/Faizal Fanani)</p>`,
      `<p>${PROSE} (REUTERS/Andrew Kelly)</p>`,
      `<p>${PROSE} (Luh Wayanti Putri Sari)</p>`,
      `<figure><img src="x.jpg"><figcaption>${PROSE} (abd)</figcaption></figure>`,
      `<div class="photo-caption">${PROSE} (ant/kid)</div>`,
      `<h2>Jadwal lengkap. (upd)</h2>`,
      `<p>${PROSE} (abd) Setelah itu rapat dilanjutkan.</p>`,
      `<p>${PROSE} (abd) <strong>Sumber berita lain</strong></p>`,
      `<p>Harga beras Rp12.000(Rp/kg)</p>`,
      `<p>${PROSE} [<a href="/x">Baca selengkapnya di sini</a>]</p>`,
      `<p>${PROSE} [<a href="/x">sc</a>] lalu kalimat lain.</p>`,
    ];
    for (const html of none) expect(tails(page(html)), html).toEqual([]);
  });

  it('marks a span around the sign-off only, and unmarks to the original page', () => {
    const doc = page(`<div class="body"><p>${PROSE}</p><p id="last">${PROSE} <a href="/x">Tautan</a> lalu. (ant/kid) </p></div>`);
    const original = doc.documentElement.outerHTML;
    const marked = markClutter(doc, findClutter(doc, doc.URL));
    const span = marked.find((h) => h.rule === 'text:initials-inline')?.element;
    expect(span?.tagName).toBe('SPAN');
    expect(span?.textContent?.trim()).toBe('(ant/kid)');
    expect(span?.getAttribute(CLUTTER_ATTR)).toBe('editor');
    const last = doc.getElementById('last')!;
    expect(last.hasAttribute(CLUTTER_ATTR)).toBe(false);
    expect(last.textContent).toContain('Tautan lalu.');
    // A second scan finds the span itself (known to the content script), not the paragraph again.
    expect(findClutter(doc, doc.URL).filter((h) => h.from)).toEqual([]);
    unmarkAll(doc);
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  it('a linked source tag moves into the span with its brackets, and back out on unmark', () => {
    const doc = page(`<div class="post-body"><div>${PROSE}</div><div id="last">${PROSE.slice(0, -1)} pungkasnya.[<a href="https://www.suara.com/x">sc</a>]</div></div>`);
    const original = doc.documentElement.outerHTML;
    const span = markClutter(doc, findClutter(doc, doc.URL)).find((h) => h.rule === 'text:initials-inline')?.element;
    expect(span?.innerHTML).toBe('[<a href="https://www.suara.com/x">sc</a>]');
    expect(doc.getElementById('last')?.firstChild?.textContent?.endsWith('pungkasnya.')).toBe(true);
    unmarkAll(doc);
    expect(doc.documentElement.outerHTML).toBe(original);
  });

  it('analysis hides the sign-off on the page, lists it, and keeps the paragraph in the text', () => {
    const doc = page(`<article><h1>Judul berita</h1><div class="content"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>Rapat ditutup pukul 12.00 WIB. (ant/kid)</p></div></article>`);
    const { result, hits } = analyzeDocument(doc, doc.URL);
    expect(result.hidden.map((h) => `${h.rule}|${h.text}`)).toContain('text:initials-inline|(ant/kid)');
    const span = hits.find((h) => h.rule === 'text:initials-inline')?.element;
    expect(span?.isConnected).toBe(true);
    expect(span?.parentElement?.tagName).toBe('P');
    expect(span?.parentElement?.hasAttribute(CLUTTER_ATTR)).toBe(false);
    expect(result.article?.paragraphs.at(-1)).toBe('Rapat ditutup pukul 12.00 WIB.');
  });
});
