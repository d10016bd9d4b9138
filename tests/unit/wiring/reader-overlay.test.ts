// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createReaderOverlay } from '../../../src/page/reader-overlay';

describe('reading view overlay', () => {
  it('toggles a single overlay and restores page scrolling', () => {
    const overlay = createReaderOverlay(document, 'chrome-extension://abc');
    document.documentElement.style.overflow = 'auto';
    expect(overlay.toggle('about:blank')).toBe(true);
    expect(document.querySelectorAll('sorot-reader')).toHaveLength(1);
    overlay.open('about:blank');
    expect(document.querySelectorAll('sorot-reader')).toHaveLength(1);
    expect(document.documentElement.style.overflow).toBe('hidden');
    expect(overlay.toggle('x')).toBe(false);
    expect(document.querySelectorAll('sorot-reader')).toHaveLength(0);
    expect(document.documentElement.style.overflow).toBe('auto');
  });

  it('closes on a close message from the extension origin only', async () => {
    const overlay = createReaderOverlay(document, 'chrome-extension://abc');
    overlay.open('about:blank');
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'sorot:close-reader' }, origin: 'https://evil.example' }));
    expect(overlay.isOpen()).toBe(true);
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'sorot:close-reader' }, origin: 'chrome-extension://abc' }));
    expect(overlay.isOpen()).toBe(false);
  });

  it('makes the page under it inert while open, and only what it made inert', () => {
    const own = document.createElement('div');
    own.inert = true; // the page's own
    document.documentElement.append(own);
    const overlay = createReaderOverlay(document, 'chrome-extension://abc');
    overlay.open('about:blank');
    expect(document.body.inert).toBe(true);
    expect((document.querySelector('sorot-reader') as HTMLElement).inert).toBe(false);
    overlay.close();
    expect(document.body.inert).toBe(false);
    expect(own.inert).toBe(true);
    own.remove();
  });

  it('closes on Escape', () => {
    const overlay = createReaderOverlay(document, 'chrome-extension://abc');
    overlay.open('about:blank');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(overlay.isOpen()).toBe(false);
  });
});
