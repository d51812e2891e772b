import { useQuery } from '@vue/apollo-composable';
import { computed } from 'vue';
import { UsageNumbersDocument } from '../gql/graphql';
import { formatE164 } from '../lib/phone';

/** The customer's numbers as select options for the usage filters. */
export function useUsageNumbers() {
  const query = useQuery(UsageNumbersDocument, {}, { fetchPolicy: 'cache-and-network' });
  const options = computed(() => (query.result.value?.usageNumbers ?? []).map((n) => ({ label: formatE164(n.e164), value: n.id })));
  return { options, loading: computed(() => query.loading.value && !query.result.value) };
}
