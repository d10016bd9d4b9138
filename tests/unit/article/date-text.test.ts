// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseDateText, urlDate } from '../../../src/article/date-text';
import { publishedFromPage, toIso } from '../../../src/article/metadata';

describe('dates as Indonesian pages write them', () => {
  it('reads a date and a time in WIB, WITA, WIT or none (WIB)', () => {
    expect(parseDateText('Selasa, 16 Februari 2016 | 14:38 WIB')).toBe('2016-02-16T14:38:00+07:00');
    expect(parseDateText('Kamis, 5 November 2015 - 15:56 wib')).toBe('2015-11-05T15:56:00+07:00');
    expect(parseDateText('19 Jun 2015, 14:05 WITA')).toBe('2015-06-19T14:05:00+08:00');
    expect(parseDateText('19 Jun 2015 | 13:06')).toBe('2015-06-19T13:06:00+07:00');
    expect(parseDateText('23 Februari 2016 15.06 WIT')).toBe('2016-02-23T15:06:00+09:00');
    expect(parseDateText('Senin, 19 Juni 2015')).toBe('2015-06-19');
  });

  it('refuses what is no date', () => {
    for (const t of ['', '4 jam lalu', '31 Februari 2016', '12 Foo 2016', '5 November 1890', '16 Februari 2016 | 25:00 WIB']) {
      expect(parseDateText(t), t).toBeNull();
    }
  });

  it('reads the /yyyy/mm/dd/ of article URLs', () => {
    expect(urlDate('http://nasional.kompas.com/read/2016/02/16/14382361/Menteri')).toBe('2016-02-16');
    expect(urlDate('https://www.suara.com/news/2015/06/19/130605/polda-bali')).toBe('2015-06-19');
    expect(urlDate('https://news.detik.com/berita/d-6453785/polisi')).toBeNull();
    expect(urlDate('https://x.id/2016/13/40/a')).toBeNull();
    expect(urlDate('not a url')).toBeNull();
  });

  it('mends the broken ISO forms outlets publish', () => {
    expect(toIso('2015-06-19T03:40:00+07:00Z')).toBe('2015-06-19T03:40:00+07:00'); // merdeka
    expect(toIso('2015-06-16T14-05-11Z')).toBe('2015-06-16T14:05:11+07:00'); // detik: WIB, despite the Z
    // A WITA outlet's own offset is kept (beritamanado), and a UTC time stays UTC.
    expect(toIso('2020-10-09T14:58:53+08:00')).toBe('2020-10-09T14:58:53+08:00');
    expect(toIso('2020-10-09T06:58:53Z')).toBe('2020-10-09T06:58:53.000Z');
  });

  it('takes the date beside the headline, not a sidebar date, and the URL date over a sidebar of another day', () => {
    const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    const page = doc(`<body><div><div class="date">Selasa 16 Jun 2015, 14:05 WIB</div><h1>Judul</h1></div>
      <aside><span class="date">Kamis 18 Jun 2015, 07:20 WIB</span></aside></body>`);
    expect(publishedFromPage(page, 'https://x.id/berita/1')).toBe('2015-06-16T14:05:00+07:00');
    const sidebarOnly = doc(`<body><div><div><div><div><h1>Judul</h1></div></div></div></div>
      <aside><div class="w-date">Rabu, 7 Oktober 2015 10:00 WIB</div><div class="w-date">Rabu, 4 November 2015 | 21:04 WIB</div></aside></body>`);
    expect(publishedFromPage(sidebarOnly, 'http://regional.kompas.com/read/2015/11/04/21040031/x')).toBe('2015-11-04T21:04:00+07:00');
    expect(publishedFromPage(sidebarOnly, 'https://x.id/berita/1')).toBe('2015-10-07T10:00:00+07:00');
    expect(publishedFromPage(doc('<body><p>Tanpa tanggal</p></body>'), 'https://x.id/a')).toBeNull();
  });

  it('reads the full time from an hAtom <abbr title> when the text shows the day only (Blogger)', () => {
    const page = new DOMParser().parseFromString(`<body><div class="post hentry"><h1 class="post-title">Judul berita</h1>
      <div class="postmeta"><span class="clock"><a class="updated" href="/x" title="permanent link"><abbr class="updated" title="2020-10-09T10:10:00+07:00">9 Oktober 2020</abbr></a></span></div></div></body>`, 'text/html');
    expect(publishedFromPage(page, 'https://www.example.co/2020/10/x.html')).toBe('2020-10-09T10:10:00+07:00');
  });

  it('reads the date line right under the headline whatever its class', () => {
    const page = new DOMParser().parseFromString(`<body><div><div><div><h1 class="title">Judul berita yang cukup panjang</h1>
      <span class="v7-music-newsdetail-schedule">Selasa, 23 Februari 2016 11:22</span><div class="clear"></div></div></div></div>
      <aside><span class="time">Rabu, 24 Februari 2016 08:00</span></aside></body>`, 'text/html');
    expect(publishedFromPage(page, 'http://musik.example.com/berita/x.html')).toBe('2016-02-23T11:22:00+07:00');
  });

  it('on a page without an <h1>, takes the block of the element holding the title, not a related link repeating it', () => {
    const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
    const title = 'Jamaah Haji Ikuti Pemeriksaan Kesehatan Haji';
    const page = doc(`<body><aside><div class="date">Senin , 13 February 2017, 09:04 WIB</div></aside>
      <div class="wrap-title"><div class="breadcome">Home > Berita</div><div class="h5">${title}</div>
      <div class="date-detail">Jumat , 17 February 2017, 13:16 WIB</div></div>
      <ul><li><a href="/x"><span>${title}</span></a> <span class="date">Kamis, 16 Februari 2017 10:00 WIB</span></li></ul></body>`);
    expect(publishedFromPage(page, 'https://x.id/berita/1', title)).toBe('2017-02-17T13:16:00+07:00');
    // Without the title (or with one the page does not show) there is no headline to read beside.
    expect(publishedFromPage(page, 'https://x.id/berita/1')).toBeNull();
    expect(publishedFromPage(page, 'https://x.id/berita/1', 'Judul lain yang tidak ada di halaman')).toBeNull();
  });
});
