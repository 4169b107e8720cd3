import { useQuery } from '@apollo/client';
import { graphql } from '../gql';
import type { ViewerFieldsFragment } from '../gql/graphql';

/** Everything the shell needs to know about the signed-in person; login and acceptInvitation return it too. */
export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    email
    isPlatformAdmin
    hasRecoveryCode
    person {
      id
      displayName
    }
    organisation {
      id
      name
      sector
    }
    roles
    memberships {
      id
      roles
      organisation {
        id
        name
      }
    }
  }
`);

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      ...ViewerFields
    }
  }
`);

export type SignedInViewer = ViewerFieldsFragment;

/** The signed-in person (null when signed out), read from the cache first and refreshed from the server. */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(ViewerQuery, { fetchPolicy: 'cache-first' });
  return {
    viewer: data?.viewer ?? null,
    /** True only until the first answer arrives. */
    loading: loading && !data,
    error,
    refetch,
  };
}
