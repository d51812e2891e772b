import { computed, ref, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { patchQuery, sameQuery } from '../lib/listQuery';
import { useDebounced } from './useDebounced';

/** How long typing must pause before a search box applies. */
export const TYPING_DELAY_MS = 300;

/**
 * A list's filters, kept in the URL query (see lib/listQuery). `set` changes some: a select
 * pushes a history entry; typing replaces the current one, so Back does not step through keystrokes.
 */
export function useUrlFilters<F extends object>(codec: { parse: (query: LocationQuery) => F; toQuery: (filters: F) => Record<string, string | null> }) {
  const route = useRoute();
  const router = useRouter();
  const filters = computed(() => codec.parse(route.query));

  async function set(patch: Partial<F>, mode: 'push' | 'replace' = 'push') {
    const query = patchQuery(route.query, codec.toQuery({ ...filters.value, ...patch }));
    if (sameQuery(query, route.query)) return;
    // A navigation superseded by a newer one is not an error.
    await router[mode]({ query, hash: route.hash }).catch(() => undefined);
  }

  return { filters, set };
}

/**
 * A search box over a text filter: what is typed applies once typing pauses (or at once on
 * Enter, with `flush`); when the filter changes elsewhere (Back, a link) the box shows it.
 */
export function useSearchDraft(applied: () => string, apply: (text: string) => void, ms = TYPING_DELAY_MS) {
  const draft = ref(applied());
  const debounced = useDebounced(() => draft.value, ms);
  watch(debounced.value, (text) => {
    if (text.trim() !== applied()) apply(text.trim());
  });
  watch(applied, (now) => {
    if (now !== draft.value.trim()) draft.value = now;
  });
  return { draft, flush: debounced.flush };
}
