/** Builds a document from a body snippet, with the outlet's URL. */
export function docFrom(body: string, head = ''): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  doc.body.innerHTML = body;
  return doc;
}

/** A paragraph long enough to look like prose. */
export const PROSE = 'Polisi masih mendalami percekcokan antara pemotor dan pemobil yang dinarasikan membawa pistol di Cipulir, Kebayoran Lama, Jakarta Selatan. Korban telah membuat laporan terkait kejadian itu kepada petugas yang berjaga.';
