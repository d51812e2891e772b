import { computed, onScopeDispose, reactive, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { debounce } from '../lib/debounce';
import { formatDollarsInput, parseDollars } from '../lib/money';
import { parseAreaInput, parseSearchQuery, sameSearch, toSearchQuery, withoutFilters, type SearchParams } from '../lib/searchParams';
import { normalizeContains, validateContains } from '../lib/vanity';

/** How long typing must pause before a text filter applies. */
export const TYPING_DELAY_MS = 300;

/** The text boxes of the search form, as typed. */
export interface SearchDrafts {
  area: string;
  contains: string;
  max: string;
}

type TextField = keyof SearchDrafts;
const TEXT_FIELDS: readonly TextField[] = ['area', 'contains', 'max'];

/** What a text box contributes to the search: a value to apply, or nothing yet (empty is a value: null). */
function draftValue(field: TextField, draft: string): { ok: true; value: string | number | null } | { ok: false } {
  if (field === 'contains') return validateContains(draft) === null ? { ok: true, value: normalizeContains(draft) } : { ok: false };
  if (field === 'max') {
    const price = parseDollars(draft);
    return price.ok ? { ok: true, value: price.cents } : { ok: false };
  }
  const area = parseAreaInput(draft);
  return area.kind === 'value' ? { ok: true, value: area.value } : { ok: false };
}

/** A URL value as its text box shows it. */
function draftOf(field: TextField, params: SearchParams): string {
  if (field === 'max') return params.max === null ? '' : formatDollarsInput(params.max);
  return params[field] ?? '';
}

/**
 * The search page's filters, kept in the URL query so a search is a link and Back restores it.
 * Selects and checkboxes apply at once and push a history entry; text boxes apply once typing
 * pauses and replace the current entry, so Back does not step through keystrokes.
 */
export function useSearchParams() {
  const route = useRoute();
  const router = useRouter();
  const params = computed(() => parseSearchQuery(route.query));
  const drafts = reactive<SearchDrafts>({ area: '', contains: '', max: '' });

  /** The search the page shows plus whatever valid text is in the boxes. */
  function withDrafts(base: SearchParams): SearchParams {
    const next = { ...base };
    for (const field of TEXT_FIELDS) {
      const draft = draftValue(field, drafts[field]);
      if (!draft.ok) continue;
      if (field === 'max') next.max = draft.value as number | null;
      else next[field] = draft.value as string | null;
    }
    return next;
  }

  async function go(next: SearchParams, mode: 'push' | 'replace') {
    if (sameSearch(next, params.value)) return;
    // Only the query changes; the path (country) stays. A superseded navigation is not an error.
    await router[mode]({ query: toSearchQuery(next), hash: route.hash }).catch(() => undefined);
  }

  const typed = debounce(() => void go(withDrafts(params.value), 'replace'), TYPING_DELAY_MS);

  /** Shows the URL's value in a box unless the box already says the same thing ("1.5" for max=150). */
  function syncDraft(field: TextField): boolean {
    const draft = draftValue(field, drafts[field]);
    const current = field === 'max' ? params.value.max : params.value[field];
    if (draft.ok && draft.value === current) return false;
    drafts[field] = draftOf(field, params.value);
    return true;
  }

  TEXT_FIELDS.forEach(syncDraft);

  // Back/Forward or a link changed a text filter: show it, and drop typing that would overwrite it.
  // Fields whose URL value did not change keep what is being typed (even if not valid yet).
  watch(params, (now, before) => {
    let changed = false;
    for (const field of TEXT_FIELDS) {
      if (now[field] !== before[field]) changed = syncDraft(field) || changed;
    }
    if (changed) typed.cancel();
  });

  watch(() => ({ ...drafts }), () => typed());

  // Leaving the page drops typing that has not applied yet.
  onScopeDispose(() => typed.cancel());

  /** Why a text box cannot be searched as typed (a city name being looked up is not a mistake). */
  const draftErrors = computed<Partial<Record<TextField, string>>>(() => {
    const errors: Partial<Record<TextField, string>> = {};
    const contains = validateContains(drafts.contains);
    if (contains) errors.contains = contains;
    const max = parseDollars(drafts.max);
    if (!max.ok) errors.max = max.error;
    const area = parseAreaInput(drafts.area);
    if (area.kind === 'error') errors.area = area.error;
    return errors;
  });

  return {
    /** The search as the URL says; results follow this. */
    params,
    /** The text boxes; bind them with v-model. */
    drafts,
    draftErrors,
    /** Applies a select/checkbox change (and any valid text being typed) as a new history entry. */
    set(patch: Partial<SearchParams>) {
      typed.cancel();
      return go({ ...withDrafts(params.value), ...patch }, 'push');
    },
    /** Applies the text boxes now (Enter). */
    applyNow() {
      typed.cancel();
      return go(withDrafts(params.value), 'replace');
    },
    /** Removes every filter, keeping the sort. */
    clearFilters() {
      typed.cancel();
      for (const field of TEXT_FIELDS) drafts[field] = '';
      return go(withoutFilters(params.value), 'push');
    },
  };
}
