import type { ObservableSubscription } from '@apollo/client/core';
import type { Failure } from '@shared/failure';
import { useApolloClient } from '@vue/apollo-composable';
import { onScopeDispose, shallowRef, watch } from 'vue';
import { CatalogSyncRunDocument } from '../gql/graphql';
import { describeFailure } from '../lib/failure';

export const POLL_INTERVAL_MS = 1500;

/**
 * Follows each run in `activeIds` (the QUEUED and RUNNING runs on screen) by polling
 * `catalogSyncRun(id)` every 1.5 s. Runs are normalised in the Apollo cache, so every list
 * showing one updates with it. A run leaves `activeIds` when it finishes, and its poll stops;
 * with no active run, nothing is polled.
 */
export function useSyncRunPolling(activeIds: () => readonly string[]) {
  const { resolveClient } = useApolloClient();
  const following = new Map<string, ObservableSubscription>();
  const failure = shallowRef<Failure | null>(null);

  function stop(id: string) {
    following.get(id)?.unsubscribe();
    following.delete(id);
  }

  function follow(id: string) {
    const observable = resolveClient().watchQuery({
      query: CatalogSyncRunDocument,
      variables: { id },
      pollInterval: POLL_INTERVAL_MS,
      fetchPolicy: 'network-only',
    });
    following.set(
      id,
      observable.subscribe({
        next: () => {
          failure.value = null;
        },
        // An error ends the observable and its polling; `retry` starts it again.
        error: (cause: unknown) => {
          failure.value = describeFailure(cause);
          following.delete(id);
        },
      }),
    );
  }

  function sync(ids: readonly string[]) {
    for (const id of [...following.keys()]) if (!ids.includes(id)) stop(id);
    for (const id of ids) if (!following.has(id)) follow(id);
  }

  watch(() => activeIds().join(' '), () => sync(activeIds()), { immediate: true });
  onScopeDispose(() => {
    for (const id of [...following.keys()]) stop(id);
  });

  return {
    /** Why live progress stopped, if it did. */
    failure,
    retry() {
      failure.value = null;
      sync(activeIds());
    },
  };
}
