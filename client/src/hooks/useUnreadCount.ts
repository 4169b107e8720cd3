import { useQuery } from '@apollo/client';
import { graphql } from '../gql';

export const UnreadCountQuery = graphql(`
  query UnreadCount {
    viewer {
      unreadNotificationCount
    }
  }
`);

/** The number on the header's notifications link; refreshed every minute and after actions that notify. */
export function useUnreadCount() {
  const { data } = useQuery(UnreadCountQuery, { pollInterval: 60_000, fetchPolicy: 'cache-and-network' });
  return data?.viewer?.unreadNotificationCount ?? 0;
}
