import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * One Apollo client for the app. The server keeps the session in an httpOnly `cg_session` cookie,
 * so requests only need to send cookies; the client never stores a token.
 */
export function createApolloClient() {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    cache: new InMemoryCache({
      possibleTypes: {
        Node: [
          'Barrier',
          'Change',
          'Comment',
          'Decision',
          'Invitation',
          'Membership',
          'MentoringSession',
          'Notification',
          'Organisation',
          'Pair',
          'Person',
          'Programme',
        ],
      },
      typePolicies: {
        // The viewer has no id: queries that read different parts of it (the shell, the unread count) merge.
        Viewer: { merge: true },
        Organisation: { fields: { members: relayStylePagination(['roles']), membershipAudit: relayStylePagination([]) } },
        Query: {
          fields: {
            // Long lists grow page by page with "Show more"; each filter is its own list.
            barriers: relayStylePagination(['filter', 'orderBy']),
            changes: relayStylePagination(['filter', 'orderBy']),
            decisionQueue: relayStylePagination([]),
            notifications: relayStylePagination(['unreadOnly']),
            organisations: relayStylePagination([]),
          },
        },
      },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network', errorPolicy: 'all' },
      query: { errorPolicy: 'all' },
      mutate: { errorPolicy: 'all' },
    },
  });
}

export type AppApolloClient = ReturnType<typeof createApolloClient>;
