/**
 * What the content script reports when talking to the background failed. The browser's own texts
 * ("message channel closed before a response was received") mean the background was stopped while
 * answering (the browser ends idle workers; an update restarts it): the save it was doing is
 * rolled back whole (one transaction), so the reader is told to reload, not shown the raw text.
 */
export const WORKER_LOST_MESSAGE =
  'Sorot dihentikan peramban saat memproses halaman ini; tidak ada yang tersimpan sebagian. Muat ulang halaman untuk mencoba lagi. ' +
  '(The background stopped while processing this page; nothing was half-saved. Reload the page to try again.)';

const LOST = /message (channel|port) closed|receiving end does not exist|could not establish connection/i;

export function pageFailureMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return LOST.test(text) ? WORKER_LOST_MESSAGE : text;
}
