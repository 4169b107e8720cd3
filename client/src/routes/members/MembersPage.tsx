import { useQuery } from '@apollo/client';
import { Fragment, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { SelectField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ShowMore } from '../../components/ShowMore';
import { graphql } from '../../gql';
import { useShowMore } from '../../hooks/useShowMore';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { formatDate, roleList } from '../../labels';
import { ImportMembersForm } from './ImportMembersForm';
import { InviteMemberForm } from './InviteMemberForm';
import { MemberEditor } from './MemberEditor';
import { MembershipHistory } from './MembershipHistory';
import { WithdrawInvitationButton } from './WithdrawInvitationButton';

export const OrganisationMembersQuery = graphql(`
  query OrganisationMembers($id: ID!, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        name
        members(first: 50, after: $after) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            cursor
            node {
              id
              roles
              jobTitle
              division
              grade
              lineManager {
                id
                person {
                  id
                  displayName
                }
              }
              viewerCanManage
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
  const { data, loading, error, refetch, fetchMore } = useQuery(OrganisationMembersQuery, { variables: { id: orgId } });
  const connection = data?.node?.__typename === 'Organisation' ? data.node.members : null;
  const { loadingMore, more } = useShowMore(connection?.pageInfo.endCursor, fetchMore);
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  if (loading && !data) return <p className="loading">Loading members…</p>;
  const organisation = data?.node?.__typename === 'Organisation' ? data.node : null;
  if (!organisation) {
    return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <p>We could not find this organisation.</p>;
  }

  const members = organisation.members.edges
    .map((edge) => edge.node)
    .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'));
  const invitations = organisation.pendingInvitations;
  const canManage = isManager && members.some((member) => member.viewerCanManage);

  return (
    <>
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}

      {isManager && (
        <p>
          <Link to={`/organisations/${encodeURIComponent(orgId)}/sign-in`}>Sign-in settings: single sign-on and provisioning</Link>
        </p>
      )}
      {isManager && <InviteMemberForm organisationId={orgId} organisationName={organisation.name} />}
      {isManager && <ImportMembersForm organisationId={orgId} />}

      <section aria-labelledby="members-heading" className="card">
        <h2 id="members-heading">
          People <span className="count">{organisation.members.totalCount}</span>
        </h2>
        <p role="status" className={status ? 'notice notice--success' : 'visually-hidden'}>
          {status}
        </p>
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
                <th scope="col">Grade</th>
                <th scope="col">Line manager</th>
                <th scope="col">Roles</th>
                {canManage && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <Fragment key={member.id}>
                  <tr>
                    <th scope="row" data-label="Name">
                      <span className="person-name">{member.person.displayName}</span>
                      {member.person.email && <span className="person-email">{member.person.email}</span>}
                    </th>
                    <td data-label="Job title">{member.jobTitle ?? <span className="muted">Not given</span>}</td>
                    <td data-label="Division">{member.division ?? <span className="muted">Not given</span>}</td>
                    <td data-label="Grade">{member.grade ?? <span className="muted">Not given</span>}</td>
                    <td data-label="Line manager">{member.lineManager?.person.displayName ?? <span className="muted">None</span>}</td>
                    <td data-label="Roles">{roleList(member.roles)}</td>
                    {canManage && (
                      <td data-label="">
                        {member.viewerCanManage && (
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={editing === member.id}
                            onClick={() => {
                              setStatus('');
                              setEditing(editing === member.id ? null : member.id);
                            }}
                          >
                            Edit<span className="visually-hidden"> {member.person.displayName}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                  {editing === member.id && (
                    <tr className="table__detail">
                      <td colSpan={7}>
                        <MemberEditor
                          member={member}
                          colleagues={members}
                          organisationName={organisation.name}
                          onDone={(message) => {
                            setEditing(null);
                            setStatus(message);
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
        <ShowMore shown={members.length} total={organisation.members.totalCount} loading={loadingMore} onMore={more} noun="people" />
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
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
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
                    <td data-label="">
                      <WithdrawInvitationButton invitation={invitation} onWithdrawn={setStatus} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}

      {isManager && <MembershipHistory orgId={orgId} />}
    </>
  );
}
