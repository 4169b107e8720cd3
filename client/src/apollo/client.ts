import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * One Apollo client for the app. The server keeps the session in an httpOnly `cg_session` cookie,
 * so requests only need to send cookies; the client never stores a token.
 */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      possibleTypes: { Node: ['Invitation', 'Membership', 'Organisation', 'Person'] },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'all' },
    },
  });
}

export type AppApolloClient = ReturnType<typeof createApolloClient>;
