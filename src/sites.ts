/**
 * Indonesian news portals the content script runs on by default. Every other site is opt-in
 * (optional host permission granted from the panel / options). Kept as registrable domains so
 * the match patterns and the "is this a known portal" check share one list.
 */
export const NEWS_DOMAINS = [
  'detik.com', 'kompas.com', 'kompas.id', 'tribunnews.com', 'liputan6.com', 'cnnindonesia.com',
  'okezone.com', 'suara.com', 'antaranews.com', 'tempo.co', 'republika.co.id', 'kumparan.com',
  'sindonews.com', 'idntimes.com', 'merdeka.com', 'viva.co.id', 'jpnn.com', 'inews.id',
  'indozone.id', 'akurat.co', 'akurasi.id', 'grid.id', 'pikiran-rakyat.com', 'mediaindonesia.com',
  'beritasatu.com', 'cnbcindonesia.com', 'bisnis.com', 'katadata.co.id', 'tirto.id',
  'kapanlagi.com', 'bola.com', 'beritamanado.com', 'fimela.com', 'wartaekonomi.co.id', 'jawapos.com', 'sindonews.net',
  'kontan.co.id', 'tvonenews.com', 'metrotvnews.com', 'rri.co.id', 'suaramerdeka.com',
  'solopos.com', 'harianjogja.com', 'medcom.id', 'gatra.com', 'voaindonesia.com',
] as const;

/** Match patterns for the manifest: the apex and every subdomain, http and https. */
export const NEWS_MATCHES: string[] = NEWS_DOMAINS.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]);

/** True when the host is one of the known portals or a subdomain of one. */
export function isNewsHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return NEWS_DOMAINS.some((d) => h === d || h.endsWith(`.${d}`));
}
