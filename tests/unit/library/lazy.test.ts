import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { lazyLibrary, openLibrary } from '../../../src/library';

describe('lazyLibrary', () => {
  it('opens the library on first use only, then always the same one', async () => {
    const open = vi.fn(() => openLibrary(`lazy-${Math.random()}`));
    const lib = lazyLibrary(open);
    expect(open).not.toHaveBeenCalled();
    expect(await lib.count()).toBe(0);
    const { count } = lib; // a method taken off the proxy keeps its library
    expect(await count()).toBe(0);
    expect(lib.articleId('https://example.com/a')).toBe(lib.articleId('https://example.com/a'));
    expect(open).toHaveBeenCalledTimes(1);
    lib.close();
  });
});
