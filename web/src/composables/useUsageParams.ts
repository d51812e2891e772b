import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { parseUsageQuery, toUsageQuery, type UsageParams } from '../lib/usageFilters';

/** The usage filters of the current page, read from and written to the URL query. */
export function useUsageParams() {
  const route = useRoute();
  const router = useRouter();
  const params = computed(() => parseUsageQuery(route.query));
  function update(patch: Partial<UsageParams>) {
    void router.replace({ query: toUsageQuery({ ...params.value, ...patch }) });
  }
  return { params, update };
}
