/** Errors the UI can tell apart by `code` and show as they are (messages are for readers). */
export type LibraryErrorCode = 'quota' | 'invalid-import' | 'storage';

export class LibraryError extends Error {
  readonly code: LibraryErrorCode;
  constructor(code: LibraryErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LibraryError';
    this.code = code;
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
