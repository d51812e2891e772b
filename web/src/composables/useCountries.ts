import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { CatalogCountriesDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';

/**
 * The countries we sell numbers in, with stock counts and the lowest monthly price. Cached for the
 * session; a revisit shows them at once while fresh counts load.
 */
export function useCountries() {
  const query = useQuery(CatalogCountriesDocument, null, { fetchPolicy: 'cache-and-network' });
  const countries = computed(() => query.result.value?.countries ?? null);
  const failure = computed(() => (query.error.value && !countries.value ? describeFailure(query.error.value) : null));

  function retry() {
    // A failed refetch shows through `error`; the rejected promise has nothing to add.
    query.refetch()?.catch(() => undefined);
  }

  return { countries, loading: query.loading, failure, retry };
}
