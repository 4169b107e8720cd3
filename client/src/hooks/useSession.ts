import { useApolloClient, useMutation } from '@apollo/client';
import { useCallback } from 'react';
import { graphql } from '../gql';
import type { ViewerFieldsFragment } from '../gql/graphql';
import { ViewerQuery } from './useViewer';

const LogoutMutation = graphql(`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) {
      signedOut
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * Switching who is signed in drops the whole Apollo cache, so nothing one person loaded can show up
 * for the next.
 */
export function useSession() {
  const client = useApolloClient();
  const [logoutMutation, logoutState] = useMutation(LogoutMutation);

  /**
   * After login or acceptInvitation. Call it just before navigating away: `clearStore` also stops the
   * current page's queries from watching the cache; the next page reads the new viewer written here.
   */
  const signedIn = useCallback(
    async (viewer: ViewerFieldsFragment) => {
      await client.clearStore();
      client.writeQuery({ query: ViewerQuery, data: { viewer } });
    },
    [client],
  );

  /**
   * Ends the session on the server (with `everywhere`, every session of the person), then empties
   * the cache and refetches the queries still on screen (the sign-in page's viewer, which is now
   * null). Navigate to the sign-in page first.
   */
  const signOut = useCallback(async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
    // Even if the server could not be reached, forget everything locally.
    await logoutMutation({ variables: { input: { everywhere } } }).catch(() => undefined);
    await client.resetStore().catch(() => undefined);
  }, [client, logoutMutation]);

  return { signedIn, signOut, signingOut: logoutState.loading };
}
