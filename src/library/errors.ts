/** Errors the UI can tell apart by `code` and show as they are (messages are for readers). */
export type LibraryErrorCode = 'quota' | 'invalid-import' | 'storage' | 'blocked' | 'stale';

export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  /** For 'blocked': the call itself, which still completes once the upgrade can run. */
  readonly pending?: Promise<unknown>;
  /** For 'invalid-import': what is wrong with the file (export-schema.ts ImportProblem). */
  readonly problem?: string;
  constructor(code: LibraryErrorCode, message: string, options?: { cause?: unknown; pending?: Promise<unknown>; problem?: string }) {
    super(message, options);
    this.name = 'LibraryError';
    this.code = code;
    if (options?.pending) this.pending = options.pending;
    if (options?.problem) this.problem = options.problem;
  }
}

/** True for a quota failure however it arrives: a DOMException, or Dexie's wrapper around one. */
export function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const name = (cur as { name?: unknown }).name;
    if (name === 'QuotaExceededError') return true;
    cur = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** Messages for the storage faults the reader must act on (both languages: the panel has no i18n in the background). */
export const BLOCKED_MESSAGE =
  'Perpustakaan sedang diperbarui, tetapi halaman Sorot lain yang masih terbuka menahannya. Tutup atau muat ulang halaman itu; artikel ini tersimpan begitu pembaruan selesai. ' +
  '(Library upgrade blocked by another open Sorot page: close or reload it; this article is stored once the upgrade completes.)';
export const STALE_MESSAGE =
  'Sorot telah diperbarui di halaman lain: muat ulang halaman ini. ' +
  '(The library was upgraded by a newer Sorot: reload this page.)';
