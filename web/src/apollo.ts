import { createApolloClient } from '@shared/apolloClient';

export const apolloClient = createApolloClient('web');
