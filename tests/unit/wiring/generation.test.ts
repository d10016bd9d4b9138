// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { GENERATION_ATTR, READ_ATTR, claimGeneration, reportedBefore } from '../../../src/page/generation';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('content script generation counter', () => {
  it('each injection takes the next number; older copies are told to shut off, the newest is not', async () => {
    document.documentElement.removeAttribute(GENERATION_ATTR);
    const off1 = vi.fn();
    const off2 = vi.fn();
    const off3 = vi.fn();
    const g1 = claimGeneration(document, off1);
    const g2 = claimGeneration(document, off2);
    await tick();
    expect([g1.generation, g2.generation]).toEqual([1, 2]);
    expect(off1).toHaveBeenCalledTimes(1);
    expect(off2).not.toHaveBeenCalled();
    claimGeneration(document, off3);
    await tick();
    expect(off1).toHaveBeenCalledTimes(1); // told once
    expect(off2).toHaveBeenCalledTimes(1);
    expect(off3).not.toHaveBeenCalled();
  });

  it('a page clearing or lowering the number does not switch the current copy off', async () => {
    document.documentElement.setAttribute(GENERATION_ATTR, '7');
    const off = vi.fn();
    claimGeneration(document, off);
    document.documentElement.removeAttribute(GENERATION_ATTR);
    await tick();
    document.documentElement.setAttribute(GENERATION_ATTR, '2');
    await tick();
    expect(off).not.toHaveBeenCalled();
  });

  it('a second copy of the script in the same document reports the same reading, not another read; another address is a new one', () => {
    document.documentElement.removeAttribute(READ_ATTR);
    expect(reportedBefore(document, 'https://news.detik.com/a')).toBe(false); // the first copy
    expect(reportedBefore(document, 'https://news.detik.com/a')).toBe(true); // a copy injected at install
    expect(reportedBefore(document, 'https://news.detik.com/b')).toBe(false); // the page moved on (pushState)
  });
});
