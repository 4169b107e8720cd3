import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { getMainDefinition, relayStylePagination } from '@apollo/client/utilities';

/** Queries behind counts the header and the home page show; every mutation may change them. */
const COUNT_QUERIES = ['UnreadCount', 'HomeAttention'];
/** Signing in or out replaces the whole session: the shell reloads the viewer itself. */
const SESSION_MUTATIONS = new Set(['Login', 'Logout', 'RecoverAccount', 'AcceptInvitation', 'ChangePassword']);

/**
 * One Apollo client for the app. The server keeps the session in an httpOnly `cg_session` cookie,
 * so requests only need to send cookies; the client never stores a token.
 */
export function createApolloClient() {
  // After any mutation (agreeing a contract, answering a request, deciding a change…) the counts in
  // the header refresh at once rather than at the next minute's poll.
  const refreshCounts = new ApolloLink((operation, forward) => {
    const definition = getMainDefinition(operation.query);
    const isMutation = definition.kind === 'OperationDefinition' && definition.operation === 'mutation' && !SESSION_MUTATIONS.has(operation.operationName);
    return forward(operation).map((result) => {
      if (isMutation) setTimeout(() => void client.refetchQueries({ include: COUNT_QUERIES }), 0);
      return result;
    });
  });
  const client = new ApolloClient({
    link: ApolloLink.from([refreshCounts, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
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
  return client;
}

export type AppApolloClient = ReturnType<typeof createApolloClient>;
