import { createApolloClient } from '@shared/apolloClient';
import { typePolicies } from './lib/cachePolicies';

export const apolloClient = createApolloClient('web', { typePolicies });
