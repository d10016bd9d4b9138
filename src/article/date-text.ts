/**
 * Dates as Indonesian pages write them in text: "Selasa, 16 Februari 2016 | 14:38 WIB",
 * "5 November 2015 - 15:56 wib", "19 Jun 2015, 14:05 WIB", "23 Februari 2016 15:06 WIB".
 * A time without a zone is WIB, the zone of the national outlets.
 */
export const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, pebruari: 2, february: 2, maret: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, agustus: 8, agu: 8,
  agt: 8, agus: 8, aug: 8, august: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10,
  october: 10, november: 11, nov: 11, nopember: 11, desember: 12, des: 12, dec: 12, december: 12,
};

const ZONES: Record<string, number> = { wib: 7, wita: 8, wit: 9, gmt: 0, utc: 0 };

const DATE_TEXT =
  /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})(?:\s*(?:[,|\-–—]|pukul)?\s*(?:pukul\s*)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*(WIB|WITA|WIT|GMT|UTC)\b)?)?/i;

/**
 * `ms` as an ISO time in a zone `offsetMin` minutes east of UTC: "2020-10-09T14:58:53+08:00". The
 * page's own wall time and zone stay visible (the panel shows "14.58 WITA"); UTC (0) is written "Z".
 */
export function isoInZone(ms: number, offsetMin: number): string {
  if (offsetMin === 0) return new Date(ms).toISOString().replace('.000Z', 'Z');
  const wall = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  const a = Math.abs(offsetMin);
  return `${wall}${offsetMin < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The first date written in `text`: an ISO time in the zone written (WIB when none) when a time is written, else yyyy-mm-dd; or null. */
export function parseDateText(text: string): string | null {
  const m = DATE_TEXT.exec(text.slice(0, 400));
  if (!m) return null;
  const month = MONTHS[m[2]!.toLowerCase()];
  const y = Number(m[3]), d = Number(m[1]);
  if (!month || y < 1990 || y > 2100 || d < 1 || d > 31) return null;
  const h = m[4] != null ? Number(m[4]) : 0, min = m[5] != null ? Number(m[5]) : 0, s = m[6] != null ? Number(m[6]) : 0;
  if (h > 23 || min > 59 || s > 59) return null;
  // Reject 31 Februari and the like.
  if (new Date(Date.UTC(y, month - 1, d)).getUTCDate() !== d) return null;
  // A day without a time stays a day (yyyy-mm-dd), not midnight somewhere.
  if (m[4] == null) return new Date(Date.UTC(y, month - 1, d)).toISOString().slice(0, 10);
  const zone = ZONES[(m[7] ?? 'wib').toLowerCase()]!;
  return isoInZone(Date.UTC(y, month - 1, d, h - zone, min, s), zone * 60);
}

/** The /yyyy/mm/dd/ date many outlets put in article paths (kompas, tribunnews, suara), or null. */
export function urlDate(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})\/(\d{2})\/(\d{2})\//.exec(path);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return null;
  return new Date(Date.UTC(y, mo - 1, d)).toISOString().slice(0, 10);
}
