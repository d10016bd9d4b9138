/**
 * Whether this document was loaded by reloading the same page: a meta refresh, a script's
 * location.reload() (viva, suara refresh their articles every few minutes) or the reader's F5.
 * Such a load is the same reading, not another one.
 */
export function isReload(perf: Pick<Performance, 'getEntriesByType'> = performance): boolean {
  try {
    const nav = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type === 'reload';
  } catch {
    return false;
  }
}
