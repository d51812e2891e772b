import type { Failure } from '@shared/failure';
import { useLiveSocket } from '@shared/liveSocket';
import { useMutation, useQuery, useSubscription } from '@vue/apollo-composable';
import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import {
  NumberConfigurationChangedDocument, NumberPageDocument, RetryNumberConfigurationDocument, UpdateNumberConfigurationDocument,
  type NumberConfigurationFieldsFragment, type NumberConfigurationInput,
} from '../gql/graphql';
import { describeFailure } from '../lib/failure';
import { fieldKey, newestConfig } from '@shared/number-config/rules';

/** While the live socket is down and a change is being applied, the page asks this often. */
export const CONFIG_POLL_MS = 3000;

export interface SaveOutcome {
  ok: boolean;
  /** Messages by form key ("forwarding.targets.0.destination"). */
  fields: Record<string, string>;
  general: string[];
}

/**
 * One number and its configuration, kept live: `numberConfigurationChanged` pushes each sync-state
 * change (SAVED → APPLYING → APPLIED | FAILED); without a socket it polls while a change is pending.
 * The configuration has no id of its own, so the newest copy (query, mutation or push) is kept here.
 */
export function useNumberConfig(numberId: Ref<string>) {
  const socket = useLiveSocket();
  const query = useQuery(NumberPageDocument, () => ({ id: numberId.value }), { fetchPolicy: 'cache-and-network' });
  const number = computed(() => query.result.value?.number ?? null);
  const latest = ref<NumberConfigurationFieldsFragment | null>(null);
  watch(() => query.result.value, () => (latest.value = null));
  const configuration = computed(() => newestConfig(number.value?.configuration ?? null, latest.value));

  const live = useSubscription(NumberConfigurationChangedDocument, () => ({ numberId: numberId.value }));
  live.onResult((r) => {
    if (r.data?.numberConfigurationChanged) latest.value = r.data.numberConfigurationChanged;
  });
  const pending = computed(() => configuration.value?.syncState === 'SAVED' || configuration.value?.syncState === 'APPLYING');
  watch(
    [() => socket.state.value !== 'connected' && pending.value, () => query.query.value],
    ([poll, observable]) => {
      if (poll) observable?.startPolling(CONFIG_POLL_MS);
      else observable?.stopPolling();
    },
    { immediate: true },
  );
  onScopeDispose(() => query.query.value?.stopPolling());

  const update = useMutation(UpdateNumberConfigurationDocument, { throws: 'always' });
  const retryMutation = useMutation(RetryNumberConfigurationDocument, { throws: 'always' });

  async function save(input: NumberConfigurationInput): Promise<SaveOutcome> {
    try {
      const r = await update.mutate({ numberId: numberId.value, input });
      const payload = r?.data?.updateNumberConfiguration;
      if (!payload) return { ok: false, fields: {}, general: [describeFailure(null).message] };
      if (payload.configuration) latest.value = payload.configuration;
      const fields: Record<string, string> = {};
      const general: string[] = [];
      for (const e of payload.errors) {
        const key = fieldKey(e.field);
        if (key && !fields[key]) fields[key] = e.message;
        else general.push(e.message);
      }
      return { ok: payload.errors.length === 0, fields, general };
    } catch (error) {
      return { ok: false, fields: {}, general: [describeFailure(error).message] };
    }
  }

  const retryFailure = ref<Failure | null>(null);
  async function retry() {
    retryFailure.value = null;
    try {
      const r = await retryMutation.mutate({ numberId: numberId.value });
      const c = r?.data?.retryNumberConfiguration.configuration;
      if (c) latest.value = c;
    } catch (error) {
      retryFailure.value = describeFailure(error);
    }
  }

  return {
    number,
    configuration,
    loading: computed(() => query.loading.value && !query.result.value),
    failure: computed<Failure | null>(() => (query.error.value && !query.result.value ? describeFailure(query.error.value) : null)),
    reload: () => query.refetch()?.catch(() => undefined),
    live: computed(() => socket.state.value === 'connected' && !live.error.value),
    saving: update.loading,
    save,
    retrying: retryMutation.loading,
    retry,
    retryFailure,
  };
}
