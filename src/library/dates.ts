/**
 * A publication date from the article's own dateline, for when the page gave none. Indonesian
 * news opens with one ("Jakarta, Senin (13/2/2023)", "MOSCOW, 20 September 2023"), and the
 * story date window is the strongest same-event signal, so an undated article loses most.
 * Only the lead is read: later paragraphs cite older events.
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

export function datelineDate(paragraphs: string[], leadParagraphs = 2): string | null {
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
