import { useState } from 'react';
import { graphql } from '../gql';

/** What a paged list asks of its connection's pageInfo (`pageInfo { ...PageInfoFields }`). */
export const PageInfoFields = graphql(`
  fragment PageInfoFields on PageInfo {
    hasNextPage
    endCursor
  }
`);

type FetchAfter = (options: { variables: { after: string } }) => Promise<unknown>;

/** "Show more" under a Relay list: fetches the page after `endCursor`; the cache's type policy appends it. */
export function useShowMore(endCursor: string | null | undefined, fetchMore: FetchAfter) {
  const [loadingMore, setLoadingMore] = useState(false);

  async function more() {
    if (!endCursor) return;
    setLoadingMore(true);
    await fetchMore({ variables: { after: endCursor } }).finally(() => setLoadingMore(false));
  }

  return { loadingMore, more };
}
