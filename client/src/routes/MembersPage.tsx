import { useQuery } from '@apollo/client';
import { useSearchParams } from 'react-router';
import { SelectField } from '../components/forms';
import { ProblemMessage } from '../components/ProblemMessage';
import { graphql } from '../gql';
import { useTitle } from '../hooks/useTitle';
import type { SignedInViewer } from '../hooks/useViewer';
import { formatDate, roleList } from '../labels';
import { InviteMemberForm } from './InviteMemberForm';

export const OrganisationMembersQuery = graphql(`
  query OrganisationMembers($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        name
        members(first: 50) {
          totalCount
          edges {
            node {
              id
              roles
              jobTitle
              division
              person {
                id
                displayName
                email
              }
            }
          }
        }
        pendingInvitations {
          id
          email
          displayName
          roles
          status
          expiresAt
        }
      }
    }
  }
`);

/** The members of one of the viewer's organisations (their home one unless `?org=` picks another). */
export function MembersPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Members');
  const [params, setParams] = useSearchParams();
  const requested = params.get('org');
  const membership =
    viewer.memberships.find((m) => m.organisation.id === requested) ??
    viewer.memberships.find((m) => m.organisation.id === viewer.organisation?.id) ??
    viewer.memberships[0];

  if (!membership) {
    return (
      <div className="page">
        <div className="page-header">
          <h1>Members</h1>
        </div>
        <section className="card">
          <p>You are not a member of an organisation, so there is no one to list here.</p>
        </section>
      </div>
    );
  }

  const orgId = membership.organisation.id;
  const isManager = membership.roles.includes('PROGRAMME_MANAGER');

  return (
    <div className="page">
      <div className="page-header page-header--split">
        <div>
          <h1>Members</h1>
          <p className="page-header__sub">{membership.organisation.name}</p>
        </div>
        {viewer.memberships.length > 1 && (
          <SelectField label="Organisation" value={orgId} onChange={(event) => setParams({ org: event.target.value })}>
            {viewer.memberships.map((m) => (
              <option key={m.organisation.id} value={m.organisation.id}>
                {m.organisation.name}
              </option>
            ))}
          </SelectField>
        )}
      </div>
      <OrganisationMembers key={orgId} orgId={orgId} isManager={isManager} />
    </div>
  );
}

function OrganisationMembers({ orgId, isManager }: { orgId: string; isManager: boolean }) {
  const { data, loading, error, refetch } = useQuery(OrganisationMembersQuery, { variables: { id: orgId } });

  if (loading && !data) return <p className="loading">Loading members…</p>;
  const organisation = data?.node?.__typename === 'Organisation' ? data.node : null;
  if (!organisation) {
    return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <p>We could not find this organisation.</p>;
  }

  const members = organisation.members.edges
    .map((edge) => edge.node)
    .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'));
  const invitations = organisation.pendingInvitations;

  return (
    <>
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}

      {isManager && <InviteMemberForm organisationId={orgId} organisationName={organisation.name} />}

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">
          People <span className="count">{organisation.members.totalCount}</span>
        </h2>
        {members.length === 0 ? (
          <p>No one has joined yet.</p>
        ) : (
          <table className="table table--stack">
            <caption className="visually-hidden">Members of {organisation.name}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Job title</th>
                <th scope="col">Division</th>
                <th scope="col">Roles</th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <tr key={member.id}>
                  <th scope="row" data-label="Name">
                    <span className="person-name">{member.person.displayName}</span>
                    {member.person.email && <span className="person-email">{member.person.email}</span>}
                  </th>
                  <td data-label="Job title">{member.jobTitle ?? <span className="muted">Not given</span>}</td>
                  <td data-label="Division">{member.division ?? <span className="muted">Not given</span>}</td>
                  <td data-label="Roles">{roleList(member.roles)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {organisation.members.totalCount > members.length && (
          <p className="muted">
            Showing the first {members.length} of {organisation.members.totalCount}.
          </p>
        )}
      </section>

      {isManager && (
        <section aria-labelledby="invitations-heading" className="card">
          <h2 id="invitations-heading">
            Waiting to join <span className="count">{invitations.length}</span>
          </h2>
          {invitations.length === 0 ? (
            <p className="muted">No invitations are waiting.</p>
          ) : (
            <table className="table table--stack">
              <caption className="visually-hidden">Invitations not yet accepted</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Link expires</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <th scope="row" data-label="Name">
                      <span className="person-name">{invitation.displayName}</span>
                      <span className="person-email">{invitation.email}</span>
                    </th>
                    <td data-label="Roles">{roleList(invitation.roles)}</td>
                    <td data-label="Link expires">{formatDate(invitation.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
