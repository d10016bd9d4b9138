#!/usr/bin/env python3
"""Turns the two seed articles (../shared/seeds) into news pages the way their outlets publish them:
header, nav, sidebar, ad slots, share bar, comments, "Baca Juga" lines inside the body.
Run once; the HTML files in tests/fixtures/seeds are committed. python3 scripts/make-seed-pages.py"""
import html, os, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
seeds = (root.parent / 'shared' / 'seeds')
out = root / 'tests' / 'fixtures' / 'seeds'
out.mkdir(parents=True, exist_ok=True)
e = html.escape

def lines(name):
    return [l.strip() for l in (seeds / name).read_text(encoding='utf-8').split('\n') if l.strip()]

# --- seed 000: indozone.id ---------------------------------------------------------------------
s0 = lines('000_5435901111151329.txt')
title0 = 'Putin Hadiahkan Mobil Mewah Buatan Rusia untuk Kim Jong Un'
body0 = []
for l in s0:
    if l.startswith('Baca Juga:'):
        head = l.split(':', 1)[1].strip()
        body0.append(f'<div class="baca-juga-inline"><span class="label">Baca Juga:</span> <a href="https://www.indozone.id/news/r/yusril-pemilu-2024">{e(head)}</a></div>')
    elif l.startswith('Konten ini adalah kiriman'):
        body0.append(f'<p class="disclaimer"><em>{e(l)}</em></p>')
    elif l.startswith('Dilarang mengambil'):
        body0.append(f'<p class="copyright-notice"><small>{e(l)}</small></p>')
    elif l.startswith('Sumber:'):
        body0.append(f'<p class="source"><strong>Sumber:</strong> KCNA</p>')
    else:
        body0.append(f'<p>{e(l)}</p>')
# an in-body ad between paragraphs 3 and 4, like the portal's parallax slot
body0.insert(3, '<div class="ads-parallax"><div class="ads-label">ADVERTISEMENT</div><div id="div-gpt-ad-1700000000000-0" style="min-height:250px"></div><div class="ads-label">SCROLL TO CONTINUE WITH CONTENT</div></div>')

page0 = f'''<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{e(title0)} | Indozone News</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="https://www.indozone.id/news/p2q8Xy1/putin-hadiahkan-mobil-mewah-buatan-rusia-untuk-kim-jong-un">
<meta property="og:title" content="{e(title0)}">
<meta property="og:site_name" content="Indozone">
<meta property="og:url" content="https://www.indozone.id/news/p2q8Xy1/putin-hadiahkan-mobil-mewah-buatan-rusia-untuk-kim-jong-un">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-02-20T09:15:00+07:00">
<meta name="author" content="Tim Indozone">
<style>
body{{font-family:Arial,sans-serif;margin:0;background:#f4f4f4;color:#222}}
header{{background:#e21e26;color:#fff;padding:12px 24px}} header a{{color:#fff;margin-right:14px;text-decoration:none}}
.wrap{{display:flex;max-width:1100px;margin:0 auto;gap:24px;padding:16px}}
main{{flex:1;background:#fff;padding:24px}} aside{{width:300px}}
.ads-top,.ads-side{{background:#ddd;text-align:center;color:#666;font-size:12px;padding:8px;margin-bottom:12px;min-height:90px}}
.ads-parallax{{background:#eee;text-align:center;margin:18px 0;padding:10px;font-size:11px;color:#777}}
.share-bar a{{display:inline-block;margin-right:8px;background:#333;color:#fff;padding:4px 10px;border-radius:4px;text-decoration:none}}
.baca-juga-inline{{border-left:4px solid #e21e26;padding:6px 10px;margin:14px 0;background:#fff5f5}}
.comments{{border-top:1px solid #ddd;margin-top:24px;padding-top:12px}}
footer{{background:#222;color:#aaa;padding:20px;text-align:center}}
</style>
<script>window.__pageScriptRan = true;</script>
</head>
<body>
<header><div class="logo"><a href="https://www.indozone.id/">INDOZONE</a></div>
<nav class="main-nav"><a href="/news">News</a><a href="/sport">Sport</a><a href="/life">Life</a><a href="/tekno">Tekno</a><a href="/travel">Travel</a><a href="/food">Food</a></nav></header>
<div class="ads-top" id="billboard-top"><div id="div-gpt-ad-billboard">Iklan</div></div>
<div class="wrap">
<main>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › Internasional</nav>
<article class="article-detail">
<h1 class="article-title">{e(title0)}</h1>
<div class="article-meta"><span class="author">Tim Indozone</span> · <time datetime="2024-02-20T09:15:00+07:00">Selasa, 20 Februari 2024 | 09:15 WIB</time></div>
<div class="share-bar"><span>Bagikan:</span> <a href="#">Facebook</a><a href="#">Twitter</a><a href="#">WhatsApp</a><a href="#">Salin Tautan</a></div>
<figure class="article-image"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Vladimir Putin dan Kim Jong Un" width="640" height="360"><figcaption>Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong Un. (REUTERS)</figcaption></figure>
<div class="article-content">
{chr(10).join(body0)}
</div>
<div class="tags"><span>Tag:</span> <a href="/tag/rusia">Rusia</a> <a href="/tag/korea-utara">Korea Utara</a> <a href="/tag/kim-jong-un">Kim Jong Un</a></div>
<div class="share-bar bottom"><span>Bagikan artikel ini:</span> <a href="#">Facebook</a><a href="#">Twitter</a><a href="#">WhatsApp</a></div>
</article>
<section class="comments"><h3>Komentar</h3><p>Belum ada komentar. Jadilah yang pertama berkomentar!</p><form><textarea aria-label="Komentar"></textarea><button type="button">Kirim</button></form></section>
</main>
<aside>
<div class="ads-side" id="div-gpt-ad-sidebar-1">Iklan</div>
<div class="widget popular"><h3>Terpopuler</h3><ol><li><a href="/news/a">Harga Emas Hari Ini Naik Tipis</a></li><li><a href="/news/b">Jadwal Timnas Indonesia Bulan Depan</a></li><li><a href="/news/c">Cuaca Jakarta Diprediksi Hujan Sore Ini</a></li></ol></div>
<div class="ads-side sticky-ad" id="div-gpt-ad-sidebar-2">Iklan</div>
</aside>
</div>
<footer><p>&copy; 2024 Indozone. Hak cipta dilindungi undang-undang.</p><nav><a href="/tentang">Tentang Kami</a> · <a href="/redaksi">Redaksi</a> · <a href="/pedoman">Pedoman Media Siber</a></nav></footer>
</body>
</html>
'''
(out / 'indozone-putin-mobil.html').write_text(page0, encoding='utf-8')

# --- seed 003: akurasi.id (WordPress news theme) -----------------------------------------------
s3 = lines('003_773527af4449b1b5.txt')
i = s3.index('Headline')
title3 = s3[i + 1]
rest = s3[i + 2:]
stop = rest.index('Editor: Ani')
article3, tail3 = rest[:stop], rest[stop:]
subheads = {'Pertemuan Diplomatik Antar Pemimpin', 'Souvenir dari Rusia: Lebih dari Sekadar Kenang-kenangan',
            'Simbolisme di Balik Souvenir', 'Konsekuensi Geopolitik'}
body3 = []
for l in article3:
    if l.startswith('Baca Juga'):
        head = l[len('Baca Juga'):].strip()
        body3.append(f'<div class="baca-juga-box"><span class="baca-juga-title">Baca Juga</span>&nbsp; <a href="https://akurasi.id/nasional/{len(body3)}/">{e(head)}</a></div>')
    elif l == 'Jasa SMK3 dan ISO':
        body3.append('<div class="code-block code-block-3" style="margin:8px 0;clear:both"><a href="https://iklan.example/smk3" rel="sponsored"><strong>Jasa SMK3 dan ISO</strong></a></div>')
    elif l in subheads:
        body3.append(f'<h2>{e(l)}</h2>')
    else:
        body3.append(f'<p>{e(l)}</p>')

page3 = f'''<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{e(title3)} - Akurasi.id</title>
<link rel="canonical" href="https://akurasi.id/internasional/kerjasama-antara-kim-jong-un-dan-putin-pertemuan-diplomatik-di-balik-souvenir/">
<meta property="og:title" content="{e(title3)}">
<meta property="og:site_name" content="Akurasi.id">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2023-09-20T10:30:00+08:00">
<meta name="author" content="Redaksi Akurasi">
<style>
body{{font-family:Georgia,serif;margin:0;color:#1d1d1d}}
.site-header{{background:#0d3b66;color:#fff;padding:10px 20px}} .site-header a{{color:#fff;margin-right:12px}}
.main-content{{display:grid;grid-template-columns:1fr 320px;gap:30px;max-width:1140px;margin:0 auto;padding:20px}}
.baca-juga-box{{background:#f1f5f9;border-left:3px solid #0d3b66;padding:8px 12px;margin:14px 0;font-family:Arial,sans-serif}}
.code-block{{background:#fffbe6;padding:6px;text-align:center}}
.share-buttons a{{margin-right:6px}}
#comments{{margin-top:30px;border-top:1px solid #ccc}}
.floating-ad{{position:fixed;bottom:0;left:0;right:0;height:60px;background:#ffe;text-align:center}}
</style>
</head>
<body class="post-template-default single single-post">
<header class="site-header"><a class="logo" href="https://akurasi.id/">AKURASI.ID</a>
<nav id="main-nav"><a href="/nasional/">Nasional</a><a href="/internasional/">Internasional</a><a href="/ekonomi/">Ekonomi</a><a href="/olahraga/">Olahraga</a></nav></header>
<div class="main-content">
<div class="content-area">
<article class="post type-post">
<header class="entry-header">
<span class="entry-category"><a href="/internasional/">Internasional</a></span>
<h1 class="entry-title">{e(title3)}</h1>
<div class="entry-meta"><span class="meta-author">Oleh <a href="/author/redaksi/">Redaksi Akurasi</a></span> <span class="date"><time class="entry-date published" datetime="2023-09-20T10:30:00+08:00">20 September 2023</time></span></div>
</header>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>
<div class="entry-content entry clearfix">
{chr(10).join(body3)}
<p>Editor: Ani</p>
<div class="printfriendly pf-button pf-alignleft"><a href="#" rel="nofollow" class="noslimstat">Print Friendly, PDF &amp; Email</a></div>
</div>
<div class="post-tags"><a href="/tag/kim-jong-un/">Kim Jong Un</a> <a href="/tag/putin/">Putin</a></div>
</article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form id="commentform" class="comment-form"><p class="comment-notes"><span id="email-notes">Alamat email Anda tidak akan dipublikasikan.</span> Ruas yang wajib ditandai <span class="required">*</span></p>
<p><textarea id="comment" name="comment" aria-label="Komentar"></textarea></p><p><button type="button">Kirim Komentar</button></p></form></div></div>
<section class="related-posts"><h3 class="related-title">Artikel Terkait</h3><ul><li><a href="/nasional/1/">Harga Cabai di Samarinda Turun Jelang Akhir Pekan</a></li><li><a href="/nasional/2/">Pemkot Balikpapan Perluas Jaringan Air Bersih</a></li></ul></section>
</div>
<aside class="sidebar widget-area"><div class="widget"><h3>Berita Terbaru</h3><ul><li><a href="/a/">Banjir Rendam Tiga Kecamatan</a></li><li><a href="/b/">Festival Budaya Digelar Akhir Bulan</a></li></ul></div><div class="widget adsbygoogle-wrap"><ins class="adsbygoogle" style="display:block;min-height:250px" data-ad-client="ca-pub-0000000000000000" data-ad-slot="1234567890"></ins></div></aside>
</div>
<div class="floating-ad" id="floating-bottom-ad"><span>Iklan</span></div>
<footer class="site-footer"><a href="#top" class="back-to-top">Back to top button</a><p>&copy; 2023 Akurasi.id</p></footer>
</body>
</html>
'''
(out / 'akurasi-kim-souvenir.html').write_text(page3, encoding='utf-8')
print('wrote', *sorted(os.listdir(out)))
