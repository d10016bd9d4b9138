import { describe, expect, it } from 'vitest';
import { TabStates, emptyState } from '../../../src/background/tab-states';

function memorySession() {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key: string) { return key in data ? { [key]: data[key] } : {}; },
    async set(items: Record<string, unknown>) { Object.assign(data, structuredClone(items)); },
    async remove(key: string) { delete data[key]; },
  };
}

describe('per-tab state', () => {
  it('survives a service-worker restart through session storage, without the reading-view HTML', async () => {
    const session = memorySession();
    const a = new TabStates(session);
    const state = { ...emptyState(7, 'article', 'https://x'), article: { contentHtml: '<p>big</p>', title: 'T' } as any };
    await a.set(state);
    const b = new TabStates(session); // a fresh worker
    const back = await b.get(7);
    expect(back?.status).toBe('article');
    expect(back?.article?.title).toBe('T');
    expect(back?.article?.contentHtml).toBe('');
    // the live worker keeps the full article for the reading view
    expect((await a.get(7))?.article?.contentHtml).toBe('<p>big</p>');
  });

  it('forgets closed tabs', async () => {
    const session = memorySession();
    const s = new TabStates(session);
    await s.set(emptyState(3));
    await s.delete(3);
    expect(await s.get(3)).toBeNull();
    expect(Object.keys(session.data)).toHaveLength(0);
  });
});
