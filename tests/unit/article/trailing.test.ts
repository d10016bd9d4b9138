// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { postcleanContent } from '../../../src/article/postclean';

const content = (html: string) => {
  const root = document.createElement('div');
  root.innerHTML = html;
  postcleanContent(root, 'https://www.example.id/berita/1');
  return root;
};
const LONG = 'Disiplin menggunakan masker, menjaga jarak, dan mencuci tangan adalah kunci menekan penularan, jelasnya.';

describe("the template's tail after the article", () => {
  it('drops a linked video promo, empty pagers and bare "Tags"/"Terkini" headings', () => {
    const root = content(`<div><p>${LONG}</p></div>
      <div><div><p><a href="https://video.example.id/"><img src="logo.svg" alt="video pilihan"></a></p></div>
        <p><a href="https://video.example.id/view/1"><img src="t.jpg" alt="Heboh"></a></p><figure><figcaption>Heboh, judul video lain</figcaption></figure></div>
      <div><p>Halaman: </p></div><hr><section><h3><span>Tags</span></h3></section><section><h3>Terkini</h3></section>`);
    expect(root.textContent!.replace(/\s+/g, ' ').trim()).toBe(LONG);
    expect(root.querySelector('img')).toBeNull();
  });

  it('keeps a closing sentence, an unlinked photo and addresses written out', () => {
    const root = content(`<p>${LONG}</p><p>Semoga bermanfaat.</p><figure><img src="foto.jpg"><figcaption>Foto: Dok</figcaption></figure>
      <p><a href="http://en.contoh.org/">http://en.contoh.org/</a></p>`);
    expect(root.textContent).toContain('Semoga bermanfaat.');
    expect(root.querySelector('img')).not.toBeNull();
    expect(root.textContent).toContain('http://en.contoh.org/');
  });

  it('leaves headings and links in the middle of the article alone', () => {
    const root = content(`<p>${LONG}</p><h3>Tags</h3><p><a href="https://x.id/a">Tautan di tengah</a></p><p>${LONG}</p>`);
    expect(root.querySelector('h3')?.textContent).toBe('Tags');
    expect(root.querySelector('a')).not.toBeNull();
  });
});
