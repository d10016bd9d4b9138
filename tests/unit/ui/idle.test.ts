// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { afterPaintIdle } from '../../../src/ui/idle';

describe('afterPaintIdle', () => {
  it('runs once, later, not synchronously', async () => {
    let n = 0;
    afterPaintIdle(() => n++);
    expect(n).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(n).toBe(1);
  });

  it('runs by the cap when no frame comes', async () => {
    const raf = globalThis.requestAnimationFrame;
    (globalThis as any).requestAnimationFrame = () => 0; // a hidden page: frames never come
    try {
      let n = 0;
      afterPaintIdle(() => n++, 50);
      await new Promise((r) => setTimeout(r, 120));
      expect(n).toBe(1);
    } finally {
      globalThis.requestAnimationFrame = raf;
    }
  });

  it('cancelled: never runs', async () => {
    let n = 0;
    afterPaintIdle(() => n++, 30)();
    await new Promise((r) => setTimeout(r, 100));
    expect(n).toBe(0);
  });
});
