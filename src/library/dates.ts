/**
 * A publication date from the article's own dateline, for when the page gave none. Indonesian
 * news opens with one ("Jakarta, Senin (13/2/2023)", "MOSCOW, 20 September 2023"), and the
 * story date window is the strongest same-event signal, so an undated article loses most.
 * First choice: the latest day the text reports by weekday ("kata X, Senin (30/6/2025)"), which
 * later paragraphs of a follow-up name too; older events are cited without a weekday or are
 * older, so they never win. Otherwise only the lead's first date is read: later paragraphs cite
 * older events.
 */
const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, februari: 2, feb: 2, pebruari: 2, maret: 3, mar: 3, april: 4, apr: 4, mei: 5,
  juni: 6, jun: 6, juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, agus: 8, september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, november: 11, nov: 11, nopember: 11, desember: 12, des: 12,
};

const NUMERIC = /\((\d{1,2})\/(\d{1,2})\/(\d{4})\)/;
const WORDS = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b/g;

function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  return back.getUTCDate() === d ? back.toISOString().slice(0, 10) : null;
}

const WEEKDAY = String.raw`(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)`;
/** "Rabu (2/7/2025)", "Rabu, 2 Juli 2025", "Selasa malam, 1 Juli 2025": a day the article reports. */
const DAY_NUMERIC = new RegExp(String.raw`\b${WEEKDAY}(?:\s+(?:pagi|siang|sore|malam|dini hari))?\s*\((\d{1,2})\/(\d{1,2})\/(\d{4})\)`, 'g');
const DAY_WORDS = new RegExp(String.raw`\b${WEEKDAY}(?:\s+(?:pagi|siang|sore|malam|dini hari))?,?\s+(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})\b`, 'g');
/** Words before a date that make it a plan, not a report ("akan digelar Rabu, 9 Juli 2025"). */
const FUTURE = /\b(?:akan|mendatang|dijadwalkan|direncanakan|rencananya|nanti|hingga|sampai|batas|tenggat|paling lambat)\b[^.]{0,40}$/i;

/**
 * The latest day the text reports by weekday and date ("kata Bobby, Senin (30/6/2025)"). A report
 * is published on or after every day it says something happened; the first date of a lead is
 * often an older one ("ditetapkan tersangka pada Kamis, 26 Juni 2025") and would put an undated
 * follow-up a week before the coverage it belongs to. Planned days are skipped.
 */
export function latestReportedDate(text: string, maxChars = 3000): string | null {
  const head = text.slice(0, maxChars);
  let best: string | null = null;
  const consider = (at: number, d: string | null) => {
    if (!d || FUTURE.test(head.slice(Math.max(0, at - 60), at))) return;
    if (!best || d > best) best = d;
  };
  for (const m of head.matchAll(DAY_NUMERIC)) consider(m.index ?? 0, iso(Number(m[3]), Number(m[2]), Number(m[1])));
  for (const m of head.matchAll(DAY_WORDS)) {
    const month = MONTHS[m[2]!.toLowerCase()];
    consider(m.index ?? 0, month ? iso(Number(m[3]), month, Number(m[1])) : null);
  }
  return best;
}

export function datelineDate(paragraphs: string[], leadParagraphs = 2): string | null {
  const reported = latestReportedDate(paragraphs.join('\n'));
  if (reported) return reported;
  for (const p of paragraphs.slice(0, leadParagraphs)) {
    const head = p.slice(0, 300);
    const n = NUMERIC.exec(head);
    if (n) {
      const d = iso(Number(n[3]), Number(n[2]), Number(n[1]));
      if (d) return d;
    }
    for (const m of head.matchAll(WORDS)) {
      const month = MONTHS[m[2]!.toLowerCase()];
      const d = month ? iso(Number(m[3]), month, Number(m[1])) : null;
      if (d) return d;
    }
  }
  return null;
}
