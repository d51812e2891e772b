import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp, effectScope, nextTick } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { TYPING_DELAY_MS, useSearchParams } from './useSearchParams';

/** Lets router navigations and Vue watchers settle. */
async function settle() {
  for (let i = 0; i < 5; i += 1) {
    await nextTick();
    await Promise.resolve();
  }
}

async function searchPage(start = '/numbers/us') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/numbers/:iso', name: 'number-search', component: {} }],
  });
  const app = createApp({});
  app.use(router);
  await router.push(start);
  await router.isReady();
  const scope = effectScope();
  const search = app.runWithContext(() => scope.run(() => useSearchParams()));
  if (!search) throw new Error('the effect scope did not run');
  const push = vi.spyOn(router, 'push');
  const replace = vi.spyOn(router, 'replace');
  return { router, search, push, replace, scope };
}

async function type(drafts: { contains: string }, text: string) {
  for (let i = 1; i <= text.length; i += 1) {
    drafts.contains = text.slice(0, i);
    await settle();
    await vi.advanceTimersByTimeAsync(100);
  }
}

describe('useSearchParams', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('applies typing once it pauses, replacing the history entry instead of adding one per key', async () => {
    const { router, search, push, replace } = await searchPage();
    await type(search.drafts, 'call');
    expect(router.currentRoute.value.query.contains).toBeUndefined();

    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/numbers/us?contains=CALL');
    expect(replace).toHaveBeenCalledTimes(1);
    expect(push).not.toHaveBeenCalled();
  });

  it('pushes a select change, taking along valid text still being typed', async () => {
    const { router, search, push, replace } = await searchPage();
    search.drafts.contains = '2255';
    await settle();
    await search.set({ kind: 'LOCAL' });
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS * 2);
    await settle();

    expect(router.currentRoute.value.query).toEqual({ contains: '2255', kind: 'LOCAL' });
    expect(push).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
  });

  it('keeps text that cannot be searched in its box and out of the URL', async () => {
    const { router, search } = await searchPage('/numbers/us?contains=CALL');
    search.drafts.contains = 'CA-LL';
    await settle();
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await search.set({ features: ['SMS'] });
    await settle();

    expect(search.draftErrors.value.contains).toMatch(/only letters and digits/);
    expect(router.currentRoute.value.query).toEqual({ contains: 'CALL', features: 'SMS' });
    expect(search.drafts.contains).toBe('CA-LL');
  });

  it('writes the price in cents and leaves the box as typed', async () => {
    const { router, search } = await searchPage();
    search.drafts.max = '1.5';
    await settle();
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await settle();

    expect(router.currentRoute.value.query.max).toBe('150');
    expect(search.drafts.max).toBe('1.5');
  });

  it('shows the filters of the entry Back returns to', async () => {
    const { router, search } = await searchPage('/numbers/us?contains=CALL&max=150');
    expect(search.drafts).toEqual({ area: '', contains: 'CALL', max: '1.50' });

    await search.set({ area: '212' });
    search.drafts.contains = '99';
    await settle();
    await search.applyNow();
    await settle();
    expect(router.currentRoute.value.query).toEqual({ area: '212', contains: '99', max: '150' });

    router.back();
    await settle();
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await settle();

    expect(router.currentRoute.value.query).toEqual({ contains: 'CALL', max: '150' });
    expect(search.drafts).toEqual({ area: '', contains: 'CALL', max: '1.50' });
  });

  it('clears every filter but keeps the sort', async () => {
    const { router, search } = await searchPage('/numbers/us?area=212&contains=CALL&features=SMS&sort=NUMBER_ASC');
    await search.clearFilters();
    await settle();

    expect(router.currentRoute.value.fullPath).toBe('/numbers/us?sort=NUMBER_ASC');
    expect(search.drafts).toEqual({ area: '', contains: '', max: '' });
  });

  it('drops typing that has not applied when the page goes away', async () => {
    const { router, search, scope } = await searchPage();
    search.drafts.contains = 'CALL';
    await settle();
    scope.stop();
    await vi.advanceTimersByTimeAsync(TYPING_DELAY_MS);
    await settle();

    expect(router.currentRoute.value.query).toEqual({});
  });
});
