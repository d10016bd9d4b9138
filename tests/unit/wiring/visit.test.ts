import { describe, expect, it } from 'vitest';
import { isReload } from '../../../src/page/visit';

const perf = (type: string | null) => ({ getEntriesByType: () => (type ? [{ type }] : []) }) as unknown as Performance;

describe('isReload', () => {
  it('is true only for a reload of the page', () => {
    expect(isReload(perf('reload'))).toBe(true);
    expect(isReload(perf('navigate'))).toBe(false);
    expect(isReload(perf('back_forward'))).toBe(false);
    expect(isReload(perf(null))).toBe(false);
    expect(isReload({ getEntriesByType: () => { throw new Error('no timing'); } } as unknown as Performance)).toBe(false);
  });
});
