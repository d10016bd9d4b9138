/** detik's other titles, on detik's publishing system (its site rules apply: clutter/sites.ts). */
export const DETIK_NETWORK = ['haibunda.com', 'insertlive.com', 'beautynesia.id', 'cxomedia.id'] as const;

/** Tribun Network's regional and topical sites on their own domains, on Tribun's publishing system. */
export const TRIBUN_NETWORK = [
  'wartakotalive.com', 'surya.co.id', 'serambinews.com', 'sripoku.com', 'bangkapos.com', 'tribun-medan.com',
  'tribunbatam.id', 'tribunlampung.co.id', 'banjarmasinpost.co.id', 'tribunkaltim.co', 'tribunpontianak.co.id',
  'tribun-timur.com', 'tribunmanado.co.id', 'pos-kupang.com', 'tribunjakarta.com', 'tribunjabar.id',
  'tribunnewsbogor.com', 'tribunpekanbaru.com', 'tribunjambi.com', 'tribunpadang.com', 'tribunternate.com',
  'tribunflores.com', 'tribunambon.com', 'tribunstyle.com', 'tribuntrends.com', 'tribunjatim.com', 'tribunsumsel.com',
  'tribunbanten.com', 'tribunjogja.com', 'tribunsolo.com', 'tribunbali.com', 'tribunmadura.com', 'tribungorontalo.com',
] as const;

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
  // National and regional outlets beyond the corpus: the reader's portals are many, and a site we
  // do not list only works after the reader enables it. Registrable domains only (subdomains follow).
  'kompas.tv', 'kompasiana.com', 'sonora.id', 'voi.id', 'era.id', 'idxchannel.com', 'investor.id',
  'infobanknews.com', 'dailysocial.id', 'inilah.com', 'rmol.id', 'jurnas.com', 'law-justice.co',
  'harianterbit.com', 'poskota.co.id', 'merahputih.com', 'hops.id',
  'brilio.net', 'dream.co.id', 'bola.net', 'matamata.com', 'hitekno.com', 'tagar.id', 'asumsi.co',
  'narasi.tv', 'magdalene.co', 'mojok.co', 'mongabay.co.id', 'nu.or.id', 'hidayatullah.com',
  'genpi.co', 'disway.id', 'pojoksatu.id', 'jatimnetwork.com', 'ayobandung.com', 'jabarekspres.com',
  'radarbogor.id', 'bantennews.co.id', 'krjogja.com', 'timesindonesia.co.id', 'beritajatim.com',
  'suarasurabaya.net', 'balipost.com', 'nusabali.com', 'suarantb.com', 'victorynews.id', 'waspada.id',
  'analisadaily.com', 'batampos.co.id', 'riaupos.co', 'goriau.com', 'langgam.id', 'lampost.co', 'prokal.co',
  'fajar.co.id', 'terkini.id', 'kendaripos.co.id', 'gorontalopost.id', 'siwalimanews.com', 'jubi.id',
  // The networks' other titles: detik's and IDN's lifestyle sites, Kompas Gramedia's and KLY's
  // magazines, Tribun's and Suara's regional sites on their own domains, more national outlets.
  'popmama.com', 'popbela.com', 'gridoto.com', 'bolasport.com', 'nakita.id', 'parapuan.co', 'motorplus-online.com', 'juara.net',
  'otosia.com', 'vemale.com', 'klikdokter.com', 'hukumonline.com', 'alinea.id', 'tvri.go.id', 'rm.id',
  'pantau.com', 'validnews.id', 'neraca.co.id', 'uzone.id', 'ngopibareng.id', 'jatimtimes.com',
  'radarlampung.co.id', 'harianhaluan.com', 'kaltimkece.id', 'lokadata.id', 'emitennews.com',
  'suarajogja.id', 'suarasurakarta.id', 'suarabogor.id', 'suarabekaci.id', 'suarasulsel.id',
  'suarakalbar.id', 'suarasumbar.id', 'suaralampung.id', 'suarariau.id', 'suarasumsel.id',
  'suarabatam.id', 'suarabali.id', 'suarajatim.id', 'suarajabar.id', 'suarabanten.id',
  // More regional dailies and national sites (metrobali, gelora and Republika's ihram were seen
  // as unseen pages in the generalisation check; the rest are well-known titles of the same kind).
  'metrobali.com', 'gelora.co', 'ihram.co.id', 'beritabali.com', 'radarcirebon.com', 'radarbanten.co.id',
  'sumeks.co', 'jambiupdate.co', 'rakyatbengkulu.com', 'kupastuntas.co', 'ajnn.net', 'koran-jakarta.com',
  'kiblat.net', 'eramuslim.com', 'arrahmah.id', 'harianbhirawa.co.id', 'memorandum.co.id', 'kaltimtoday.co',
  'mistar.id', 'riauonline.co.id', 'padangekspres.co.id', 'covesia.com', 'ceposonline.com', 'bernas.id',
  'lenteratimur.com', 'cna.id', 'bloombergtechnoz.com',
  ...DETIK_NETWORK, ...TRIBUN_NETWORK,
] as const;

/**
 * Indonesian editions that live under a path of an international outlet's site (BBC News
 * Indonesia, DW Indonesia ...): on by default there, and only there; the rest of the site is
 * like any other (opt-in for the whole host).
 */
export const NEWS_SECTIONS: readonly { domain: string; path: string }[] = [
  { domain: 'bbc.com', path: '/indonesia' },
  { domain: 'dw.com', path: '/id' },
  { domain: 'abc.net.au', path: '/indonesian' },
  { domain: 'benarnews.org', path: '/indonesian' },
  { domain: 'aa.com.tr', path: '/id' },
  { domain: 'nhk.or.jp', path: '/nhkworld/id' },
];

/** Match patterns for the manifest: the apex and every subdomain, http and https. */
export const NEWS_MATCHES: string[] = [
  ...NEWS_DOMAINS.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]),
  ...NEWS_SECTIONS.flatMap(({ domain: d, path: p }) => [`*://${d}${p}`, `*://${d}${p}/*`, `*://*.${d}${p}`, `*://*.${d}${p}/*`]),
];

const onDomain = (host: string, d: string) => host === d || host.endsWith(`.${d}`);
const cleanHost = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** True when the host is one of the known portals or a subdomain of one. */
export function isNewsHost(host: string): boolean {
  const h = cleanHost(host);
  return NEWS_DOMAINS.some((d) => onDomain(h, d));
}

/**
 * The origins to run the content script on from the granted host permissions. Chrome grants a
 * section's host permission for the whole host (`*://*.bbc.com/*`): that image of a section is
 * left out, so the rest of such a site stays off unless the reader turned its host on.
 */
export function siteScriptOrigins(granted: string[], sites: Record<string, boolean>): string[] {
  const images = new Set(NEWS_SECTIONS.flatMap(({ domain: d }) => [`*://${d}/*`, `*://*.${d}/*`]));
  const out = granted.filter((o) => !images.has(o));
  for (const [host, on] of Object.entries(sites)) {
    if (on && NEWS_SECTIONS.some(({ domain }) => onDomain(cleanHost(host), domain))) out.push(`*://${cleanHost(host)}/*`);
  }
  return [...new Set(out)];
}

/** True when the host is a known Indonesian section's site but the address is outside that section. */
export function isOutsideSection(url: string): boolean {
  try {
    const h = cleanHost(new URL(url).hostname);
    return !isNewsUrl(url) && NEWS_SECTIONS.some(({ domain }) => onDomain(h, domain));
  } catch {
    return false;
  }
}

/** True when the address is on a known portal or inside a known Indonesian section of another site. */
export function isNewsUrl(url: string | URL): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (isNewsHost(u.hostname)) return true;
  const h = cleanHost(u.hostname);
  const path = u.pathname.toLowerCase();
  return NEWS_SECTIONS.some(({ domain, path: p }) => onDomain(h, domain) && (path === p || path.startsWith(`${p}/`)));
}

/** Second-level labels under which a registrable domain has three labels (detik.co.id style). */
const SECOND_LEVEL = new Set(['co', 'or', 'ac', 'go', 'web', 'my', 'sch', 'net', 'com', 'org', 'mil', 'biz', 'desa', 'ponpes']);

/**
 * The outlet a host belongs to: a known portal's domain ("news.detik.com" -> "detik.com"), else
 * the host's registrable domain by the common rule (last two labels, three under co.id, or.id ...).
 * One outlet publishes under many section sites (detikNews, detikFinance ...): the library's site
 * filter groups by this.
 */
export function outletOf(host: string): string {
  const h = host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '').replace(/^www\./, '');
  const known = NEWS_DOMAINS.find((d) => onDomain(h, d));
  if (known) return known;
  if (/^[\d.]+$/.test(h) || h.includes(':') || !h.includes('.')) return h; // an IP address or a bare name
  const labels = h.split('.');
  const keep = labels.length >= 3 && labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}
