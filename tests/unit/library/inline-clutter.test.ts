/**
 * Flattened article text (a scraped article as one paragraph, as real-coverage datasets and the
 * CLI deliver it) keeps its clutter mid-sentence. Found on real detik/kompas/cnnindonesia/tempo
 * text: "continue" and "content" were shared keywords of unrelated articles, and a "Baca juga"
 * headline added another story's names. The strings below are made up in those outlets' shapes.
 */
import { describe, expect, it } from 'vitest';
import { inlineHeadlineEnd, stripInlineClutter, termVector } from '../../../src/library/text';
import { datelineDate, latestReportedDate } from '../../../src/library/dates';
import { dropClutterLines } from '../../../src/cli/related';

describe('stripInlineClutter', () => {
  it('removes ad labels and video promos inside a paragraph', () => {
    expect(stripInlineClutter('kata Sari, Rabu (2/7/2025). ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Sari menyebut anggaran'))
      .toBe('kata Sari, Rabu (2/7/2025). Sari menyebut anggaran');
    expect(stripInlineClutter('jalan ditutup. Simak juga Video \'Banjir Rendam Jalan Raya Bogor\': [Gambas:Video 20detik]'))
      .toBe('jalan ditutup.');
    expect(stripInlineClutter('Tonton juga "Menteri Tinjau Pasar Baru" di sini: [Gambas:Video 20detik]')).toBe('');
  });

  it('removes a read-also label with its title-cased headline and keeps the prose after it', () => {
    expect(stripInlineClutter('dana desa. Baca juga:Kawal Pembangunan Pasar di Papua Selatan, Wamen Minta Semua Pihak Bersatu Namun, masih ada daerah'))
      .toBe('dana desa. Namun, masih ada daerah');
    expect(stripInlineClutter('Baca juga:Gubernur Ultimatum Bupati Se-Provinsi terkait Dana yang Tak Tersalur ke Desa "Ya, ini kan'))
      .toBe('"Ya, ini kan');
    expect(stripInlineClutter('mencetak gol. Pilihan Editor: Klub Kota Ajukan Banding atas Sanksi Komdis dengan Bukti Baru')).toBe('mencetak gol.');
  });

  it('leaves prose alone', () => {
    const prose = 'Warga diminta membaca juga petunjuk evakuasi. Pilihan warga jatuh pada jalur darat.';
    expect(stripInlineClutter(prose)).toBe(prose);
    expect(inlineHeadlineEnd('berita yang lain')).toBe(0);
  });

  it('keeps the other headline out of the CLI paragraphs and the term vector', () => {
    const paragraphs = dropClutterLines(['Tim berlatih di Bandung. Baca juga:Dua Pemain Klub Kota Dipanggil Tim Nasional U17 Pelatih menilai laga ini penting. SCROLL TO CONTINUE WITH CONTENT']);
    expect(paragraphs).toEqual(['Tim berlatih di Bandung. Pelatih menilai laga ini penting.']);
    const v = termVector('Judul', ['Laga penting. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Pelatih bicara.']);
    expect(v.terms).not.toContain('continue');
    expect(v.terms).not.toContain('content');
  });
});

describe('dates reported in the text', () => {
  it('takes the latest day reported with a weekday, not the older one in the first sentence', () => {
    const text = 'TEMPO.CO, Jakarta - Kepala dinas itu ditetapkan sebagai tersangka pada Kamis, 26 Juni 2025. ' +
      'Ia dilantik pada 24 Februari 2025. "Kami siap diperiksa," ujar gubernur pada Senin, 30 Juni 2025.';
    expect(latestReportedDate(text)).toBe('2025-06-30');
    expect(datelineDate([text])).toBe('2025-06-30');
  });

  it('skips planned days and falls back to the lead date', () => {
    expect(latestReportedDate('Sidang lanjutan akan digelar Rabu, 9 Juli 2025. Kata hakim, Rabu (2/7/2025).')).toBe('2025-07-02');
    expect(datelineDate(['MOSCOW, 20 September 2023 - Presiden bertemu.'])).toBe('2023-09-20');
  });
});
