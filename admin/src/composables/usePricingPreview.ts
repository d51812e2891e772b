import type { Failure } from '@shared/failure';
import { useApolloClient } from '@vue/apollo-composable';
import { shallowRef, watch, type Ref } from 'vue';
import { PreviewPricingRuleDocument, type PreviewPricingRuleQuery, type PreviewPricingRuleQueryVariables } from '../gql/graphql';
import { describeFailure } from '../lib/failure';

export type PricingPreview = PreviewPricingRuleQuery['previewPricingRule'];

/**
 * Asks the API what saving the rule in `request` would do, each time `request` changes (the
 * caller debounces it); null asks nothing. Only the answer to the latest request is kept, so a
 * slow answer to an older one never overwrites a newer one.
 */
export function usePricingPreview(request: Readonly<Ref<PreviewPricingRuleQueryVariables | null>>) {
  const { resolveClient } = useApolloClient();
  const preview = shallowRef<PricingPreview | null>(null);
  const loading = shallowRef(false);
  const failure = shallowRef<Failure | null>(null);
  let latest = 0;
  /** What the kept answer (or the one on its way) is for, so an unchanged form asks nothing. */
  let askedFor: string | null = null;

  async function ask(variables: PreviewPricingRuleQueryVariables | null, again = false) {
    const key = JSON.stringify(variables);
    if (!again && key === askedFor && failure.value === null) return;
    const id = ++latest;
    askedFor = variables ? key : null;
    if (!variables) {
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      // Prices move with every reprice and sync: always ask, and keep nothing in the cache.
      const { data } = await resolveClient().query({ query: PreviewPricingRuleDocument, variables, fetchPolicy: 'no-cache' });
      if (id !== latest) return;
      preview.value = data.previewPricingRule;
      failure.value = null;
    } catch (cause) {
      if (id === latest) failure.value = describeFailure(cause);
    } finally {
      if (id === latest) loading.value = false;
    }
  }

  watch(request, (variables) => void ask(variables));

  return {
    preview,
    loading,
    failure,
    retry: () => void ask(request.value, true),
    /** Forgets the last answer, for a form that opens afresh. */
    reset() {
      latest += 1;
      askedFor = null;
      preview.value = null;
      failure.value = null;
      loading.value = false;
    },
  };
}
