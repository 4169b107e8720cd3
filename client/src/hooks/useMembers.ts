import { useQuery } from '@apollo/client';
import { useEffect } from 'react';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';

const MembersWithRolesQuery = graphql(`
  query MembersWithRoles($organisationId: ID!, $roles: [Role!], $after: String) {
    node(id: $organisationId) {
      __typename
      id
      ... on Organisation {
        members(roles: $roles, first: 100, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            cursor
            node {
              id
              jobTitle
              division
              person {
                id
                displayName
              }
            }
          }
        }
      }
    }
  }
`);

/** Members of an organisation holding one of `roles` (owners to choose from, co-learners to pair), by name. */
export function useMembers(organisationId: string | null | undefined, roles: Role[]) {
  const { data, loading, error, refetch, fetchMore } = useQuery(MembersWithRolesQuery, {
    variables: { organisationId: organisationId ?? '', roles },
    skip: !organisationId,
  });
  const connection = data?.node?.__typename === 'Organisation' ? data.node.members : null;
  // A page holds at most 100: an organisation that imported its staff has more, and every one must be choosable.
  const nextCursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  useEffect(() => {
    if (!nextCursor) return;
    // The cache's relay-style policy for members appends each page's edges.
    void fetchMore({ variables: { after: nextCursor } });
  }, [nextCursor, fetchMore]);
  const members = connection ? connection.edges.map((edge) => edge.node) : [];
  members.sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'));
  return { members, loading: (loading && !data) || nextCursor !== null, error, refetch };
}

/** "Olu Owner, Director of People". */
export function memberLabel(member: { jobTitle?: string | null; person: { displayName: string } }): string {
  return member.jobTitle ? `${member.person.displayName}, ${member.jobTitle}` : member.person.displayName;
}
