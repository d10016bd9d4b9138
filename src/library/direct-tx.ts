/**
 * A readwrite transaction on IndexedDB itself, under Dexie: the save's hot path (index.ts).
 *
 * Dexie costs each request a chain of promises, zones and middleware, and a Dexie request that
 * fails is handled (preventDefault) and left to the caller to abort. Here a request is the
 * IndexedDB call plus one promise, so a save's dozen requests cost less CPU; a failed request is
 * not handled, so IndexedDB aborts the whole transaction on its own (also after commit(), which
 * the save calls as soon as its last request is issued, instead of waiting for every result to
 * come back before the transaction commits by itself).
 */
export class DirectTx {
  private readonly tx: IDBTransaction;
  /** Settles when the transaction completes (resolves) or aborts (rejects with the cause). */
  readonly done: Promise<void>;
  private reason: unknown = null;

  constructor(idb: IDBDatabase, stores: string[]) {
    this.tx = idb.transaction(stores, 'readwrite', { durability: 'relaxed' });
    this.done = new Promise<void>((resolve, reject) => {
      this.tx.oncomplete = () => resolve();
      this.tx.onabort = () => reject(this.reason ?? this.tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
    });
    this.done.catch(() => {}); // callers await it; an abort before they do is not unhandled
  }

  get<T>(store: string, key: IDBValidKey): Promise<T | undefined> {
    return this.request<T | undefined>(this.tx.objectStore(store).get(key));
  }

  put(store: string, value: unknown): Promise<unknown> {
    return this.request(this.tx.objectStore(store).put(value));
  }

  delete(store: string, key: IDBValidKey): Promise<unknown> {
    return this.request(this.tx.objectStore(store).delete(key));
  }

  /** No more requests: commit once the issued ones are done. */
  commit(): void {
    // Every browser Sorot supports has commit() (Chrome 76, Firefox 74); without it the
    // transaction still commits on its own once the results are in.
    (this.tx as { commit?: () => void }).commit?.();
  }

  /** Undo everything; `done` rejects with `reason`. A transaction already finished is left alone. */
  abort(reason: unknown): void {
    this.reason ??= reason;
    try {
      this.tx.abort();
    } catch {
      // finished (committed or aborted) already
    }
  }

  private request<T>(r: IDBRequest): Promise<T> {
    const p = new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result as T);
      // Not handled on purpose: IndexedDB then aborts the transaction.
      r.onerror = () => reject(r.error);
    });
    p.catch(() => {}); // the transaction's outcome (done) reports it
    return p;
  }
}
