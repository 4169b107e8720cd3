import { useQuery } from '@apollo/client';
import { graphql } from '../gql';

export const MyPairsQuery = graphql(`
  query MyPairs {
    pairs(mine: true, first: 20) {
      nodes {
        id
        status
        senior {
          id
          displayName
        }
        junior {
          id
          displayName
        }
        programme {
          id
          name
        }
      }
    }
  }
`);

/** The viewer's own co-learning pairs; `active` are the ones that can raise barriers and propose changes. */
export function useMyPairs(skip = false) {
  const { data, loading, error, refetch } = useQuery(MyPairsQuery, { skip });
  const pairs = data?.pairs.nodes ?? [];
  return { pairs, active: pairs.filter((pair) => pair.status === 'ACTIVE'), loading: loading && !data, error, refetch };
}

/** "Sam Senior and Jo Junior". */
export function pairName(pair: { senior: { displayName: string }; junior: { displayName: string } }): string {
  return `${pair.senior.displayName} and ${pair.junior.displayName}`;
}
