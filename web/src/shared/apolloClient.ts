import { ApolloClient, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client/core';

/**
 * The app's API client. Same-origin `/graphql` (proxied in dev) so the API's httpOnly session cookie
 * is sent without CORS. The `x-numninja-app` header tells the API which session cookie to use:
 * storefront and staff console sign in separately, so a customer session in the storefront never
 * signs anyone into the console, and the API refuses customers (and sign-ups) in the console.
 * `typePolicies` are the app's own cache rules (e.g. how its paginated lists merge).
 */
export function createApolloClient(app: 'web' | 'admin', { typePolicies }: { typePolicies?: TypePolicies } = {}) {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'x-numninja-app': app } }),
    cache: new InMemoryCache({ typePolicies }),
  });
}
