/**
 * Runs `fn` once the page has painted and the main thread is idle (or after `cap` ms at the
 * latest: rAF does not fire in a hidden page, and an idle period may not come on a busy one).
 * For work a page wants soon but not before it is on screen. Returns a cancel function.
 */
export function afterPaintIdle(fn: () => void, cap = 400): () => void {
  let done = false;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let frame: number | undefined;
  let idle: number | undefined;
  const run = () => {
    if (done) return;
    done = true;
    cancel();
    fn();
  };
  const cancel = () => {
    for (const t of timers) clearTimeout(t);
    if (frame != null && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
    if (idle != null && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
  };
  timers.push(setTimeout(run, cap));
  if (typeof requestAnimationFrame === 'function') {
    // A rAF callback runs before its frame is painted; a task posted from it runs after the paint.
    frame = requestAnimationFrame(() => {
      timers.push(setTimeout(() => {
        if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: cap });
        else run();
      }, 0));
    });
  } else timers.push(setTimeout(run, 0));
  return () => {
    done = true;
    cancel();
  };
}
