import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { GraphQLContext } from './context';

type Data = Record<string, unknown>;

interface Claim {
  answer: Promise<Data | null>;
  since: number;
}

/**
 * Whole responses of public, viewer-independent queries (the storefront's number search), for a
 * few seconds. A hit skips execution: no resolvers, no formatting, no database.
 *
 * Apollo's response-cache plugin needs the cache-control plugin, which wraps every field resolver
 * of every operation to collect hints; we keep that switched off (see graphql-http.ts) and decide
 * cacheability once per operation from an allowlist of root fields instead.
 */
export function publicResponseCachePlugin(opts: {
  ttlMs: number;
  rootFields: ReadonlySet<string>;
  /** Bound on the cached answers' total size, in characters of their JSON. */
  maxChars?: number;
}): ApolloServerPlugin<GraphQLContext> {
  const maxChars = opts.maxChars ?? 16_000_000;
  // Sized, not counted: a client can make every query distinct (aliases) and large (first: 100).
  const cache = new LRUCache<string, Data>({ maxSize: maxChars, maxEntrySize: maxChars / 16, ttl: opts.ttlMs });
  // Requests that ask what another request is already computing wait for its answer instead of
  // running the same search again (a popular page expiring under load).
  const inFlight = new Map<string, Claim>();
  return {
    async requestDidStart() {
      let key: string | null = null;
      let answered = false;
      let settle: ((data: Data | null) => void) | null = null;
      let mine: Claim | null = null;
      /** The answer another request is computing for `k`, or null after claiming `k` for this one. */
      const joinOrClaim = (k: string): Promise<Data | null> | null => {
        const claim = inFlight.get(k);
        // A claim older than the TTL lost its request somewhere; do not let it hold anyone up.
        if (claim && Date.now() - claim.since < opts.ttlMs) return withTimeout(claim.answer, opts.ttlMs);
        mine = { answer: new Promise<Data | null>((resolve) => (settle = resolve)), since: Date.now() };
        inFlight.set(k, mine);
        return null;
      };
      return {
        async responseForOperation({ operation, source, operationName, request }) {
          if (!isPublicQuery(operation, opts.rootFields)) return null;
          // `source` is the query text also when the client sent only its persisted-query hash.
          key = JSON.stringify([source, operationName ?? null, request.variables ?? {}]);
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
          if (data) cache.set(key, data, { ttl: Math.round(opts.ttlMs * (0.5 + Math.random() / 2)), size: JSON.stringify(data).length });
          if (settle) {
            if (inFlight.get(key) === mine) inFlight.delete(key);
            settle(data);
          }
        },
      };
    },
  };
}

/** Waits at most `ms` for another request's answer; null then means "run it yourself". */
function withTimeout(answer: Promise<Data | null>, ms: number): Promise<Data | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/** Queries (no mutations or subscriptions) that select nothing at the root but allowlisted fields. */
function isPublicQuery(operation: OperationDefinitionNode, rootFields: ReadonlySet<string>): boolean {
  return (
    operation.operation === 'query' &&
    operation.selectionSet.selections.every((s) => s.kind === 'Field' && (rootFields.has(s.name.value) || s.name.value === '__typename'))
  );
}
