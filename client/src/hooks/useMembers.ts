import { useQuery } from '@apollo/client';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';

const MembersWithRolesQuery = graphql(`
  query MembersWithRoles($organisationId: ID!, $roles: [Role!]) {
    node(id: $organisationId) {
      __typename
      id
      ... on Organisation {
        members(roles: $roles, first: 100) {
          nodes {
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
`);

/** Members of an organisation holding one of `roles` (owners to choose from, co-learners to pair), by name. */
export function useMembers(organisationId: string | null | undefined, roles: Role[]) {
  const { data, loading, error, refetch } = useQuery(MembersWithRolesQuery, {
    variables: { organisationId: organisationId ?? '', roles },
    skip: !organisationId,
  });
  const members = data?.node?.__typename === 'Organisation' ? [...data.node.members.nodes] : [];
  members.sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'));
  return { members, loading: loading && !data, error, refetch };
}

/** "Olu Owner, Director of People". */
export function memberLabel(member: { jobTitle?: string | null; person: { displayName: string } }): string {
  return member.jobTitle ? `${member.person.displayName}, ${member.jobTitle}` : member.person.displayName;
}
