import { ApolloClient, HttpLink, InMemoryCache, split, type TypePolicies } from '@apollo/client/core';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import type { DocumentNode } from 'graphql';
import { createLiveSocket, type LiveSocket } from './liveSocket';

/** Subscriptions go over the WebSocket; queries and mutations over HTTP. */
export function isSubscription(query: DocumentNode): boolean {
  const definition = getMainDefinition(query);
  return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
}

/**
 * The app's API client. Same-origin `/graphql` (proxied in dev) so the API's httpOnly session cookie
 * is sent without CORS. The `x-numninja-app` header tells the API which session cookie to use:
 * storefront and staff console sign in separately, so a customer session in the storefront never
 * signs anyone into the console, and the API refuses customers (and sign-ups) in the console.
 * Subscriptions ride a graphql-ws socket on the same path (`live`), authenticated by the same cookie.
 * `typePolicies` are the app's own cache rules (e.g. how its paginated lists merge).
 */
export function createApolloClient(app: 'web' | 'admin', { typePolicies, live = createLiveSocket(app) }: { typePolicies?: TypePolicies; live?: LiveSocket } = {}) {
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'x-numninja-app': app } });
  return new ApolloClient({
    link: split(({ query }) => isSubscription(query), new GraphQLWsLink(live.client), http),
    cache: new InMemoryCache({ typePolicies }),
  });
}
