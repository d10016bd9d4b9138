import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../src/entities/dateline';

const parts = (p: string) => parseDateline(p)?.parts.map((x) => `${x.type}:${x.text}${x.outlet ? '*' : ''}`);

describe('parseDateline', () => {
  it.each([
    ['JAKARTA, KOMPAS.com – Penyidik Polres', ['LOC:JAKARTA', 'ORG:KOMPAS.com*']],
    ['Liputan6.com, Jakarta - Indonesia memasuki', ['ORG:Liputan6.com*', 'LOC:Jakarta']],
    ['REPUBLIKA.CO.ID, JAKARTA -- Aktris', ['ORG:REPUBLIKA.CO.ID*', 'LOC:JAKARTA']],
    ['Mataram, NTB (ANTARA News) - Sebanyak', ['LOC:Mataram', 'LOC:NTB', 'ORG:ANTARA News*']],
    ['INDOZONE.ID - Presiden Rusia, Vladimir Putin, memperkuat', ['ORG:INDOZONE.ID*']],
    ['Akurasi, Internasional. MOSCOW, 20 September 2023 – Pemimpin Korea Utara', ['ORG:Akurasi*', 'LOC:MOSCOW']],
    ['TRIBUNSOLO.COM, JAKARTA --Hingga kini', ['ORG:TRIBUNSOLO.COM*', 'LOC:JAKARTA']],
  ])('%s', (p, expected) => {
    expect(parts(p)).toEqual(expected);
  });

  it('does not read running text or hyphenated names as a dateline', () => {
    expect(parseDateline('Kim Jong-un tiba di Moskow - kata pejabat')).toBeNull();
    expect(parseDateline('Komisi Pemberantasan Korupsi (KPK) mengaku belum menemukan surat - kata dia')).toBeNull();
  });
});
