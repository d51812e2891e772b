import { createApolloClient } from '@shared/apolloClient';
import { createLiveSocket } from '@shared/liveSocket';
import { typePolicies } from './lib/cachePolicies';

/** The storefront's subscriptions socket; pages fall back to polling while it is down. */
export const liveSocket = createLiveSocket('web');
export const apolloClient = createApolloClient('web', { typePolicies, live: liveSocket });
