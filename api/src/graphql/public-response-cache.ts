import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GraphQLContext } from './context';

type Data = Record<string, unknown>;

/**
 * Whole responses of public, viewer-independent queries (the storefront's number search), for a
 * few seconds. A hit skips execution: no resolvers, no formatting, no database.
 *
 * Apollo's response-cache plugin needs the cache-control plugin, which wraps every field resolver
 * of every operation to collect hints; we keep that switched off (see graphql-http.ts) and decide
 * cacheability once per operation from an allowlist of root fields instead.
 */
export function publicResponseCachePlugin(opts: { ttlMs: number; rootFields: ReadonlySet<string>; max?: number }): ApolloServerPlugin<GraphQLContext> {
  const cache = new LRUCache<string, Data>({ max: opts.max ?? 500, ttl: opts.ttlMs });
  // Requests that ask what another request is already computing wait for its answer instead of
  // running the same search again (a popular page expiring under load).
  const inFlight = new Map<string, Promise<Data | null>>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let answered = false;
      let settle: ((data: Data | null) => void) | null = null;
      /** The search another request is running for `k`, or null after claiming it for this one. */
      const joinOrClaim = (k: string): Promise<Data | null> | null => {
        const pending = inFlight.get(k);
        if (pending) return pending;
        inFlight.set(k, new Promise<Data | null>((resolve) => (settle = resolve)));
        return null;
      };
      return {
        async responseForOperation({ operation, request }) {
          if (!isPublicQuery(operation, opts.rootFields)) return null;
          key = cacheKey(request);
          // Looked up and claimed with no await in between, so one request runs each search.
          const data = cache.get(key) ?? (await joinOrClaim(key));
          if (!data) return null;
          answered = true;
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
        },
        async willSendResponse({ response }) {
          if (key === null || answered) return;
          // Only complete answers are kept: an error (even a validation one) is never replayed.
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          const data = result?.data && !result.errors ? result.data : null;
          // Expiry is spread over the second half of the TTL, so pages filled together (a warm-up,
          // a burst of visitors) do not all expire and miss together.
          if (data) cache.set(key, data, { ttl: Math.round(opts.ttlMs * (0.5 + Math.random() / 2)) });
          if (settle) {
            inFlight.delete(key);
            settle(data);
          }
        },
      };
    },
  };
}

/** Queries (no mutations or subscriptions) that select nothing at the root but allowlisted fields. */
function isPublicQuery(operation: OperationDefinitionNode, rootFields: ReadonlySet<string>): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === 'Field' && (rootFields.has(s.name.value) || s.name.value === '__typename'))
  );
}

function cacheKey(request: GraphQLRequest): string {
  return JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? {}]);
}
