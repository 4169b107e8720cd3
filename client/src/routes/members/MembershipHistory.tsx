import { useQuery } from '@apollo/client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ShowMore } from '../../components/ShowMore';
import { graphql } from '../../gql';
import type { MembershipAuditKind, MembershipAuditVia, Role } from '../../gql/graphql';
import { useShowMore } from '../../hooks/useShowMore';
import { formatDateTime, roleList } from '../../labels';

const MembershipAuditQuery = graphql(`
  query MembershipAudit($id: ID!, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Organisation {
        membershipAudit(first: 10, after: $after) {
          totalCount
          pageInfo {
            ...PageInfoFields
          }
          edges {
            cursor
            node {
              kind
              via
              actorName
              subjectName
              subjectEmail
              rolesBefore
              rolesAfter
              at
            }
          }
        }
      }
    }
  }
`);

interface Entry {
  kind: MembershipAuditKind;
  via?: MembershipAuditVia | null;
  actorName: string;
  subjectName: string;
  rolesBefore?: readonly Role[] | null;
  rolesAfter?: readonly Role[] | null;
}

/** "Pat Manager changed Nia New's roles: Co-learner → Co-learner, Owner". */
function describe(entry: Entry): string {
  const { actorName: who, subjectName: whom } = entry;
  switch (entry.kind) {
    case 'INVITED':
      return `${who} invited ${whom} as ${roleList(entry.rolesAfter ?? [])}`;
    case 'INVITATION_WITHDRAWN':
      return `${who} withdrew the invitation for ${whom}`;
    case 'JOINED':
      if (entry.via === 'PROVISIONING') return `${who} added ${whom} as ${roleList(entry.rolesAfter ?? [])}`;
      return `${whom} joined as ${roleList(entry.rolesAfter ?? [])}${entry.via === 'SINGLE_SIGN_ON' ? ' on first single sign-on' : ''}`;
    case 'DEACTIVATED':
      return `${who} deactivated ${whom}: no access until reactivated`;
    case 'REACTIVATED':
      return `${who} reactivated ${whom} as ${roleList(entry.rolesAfter ?? [])}`;
    case 'DETAILS_CHANGED': {
      const before = roleList(entry.rolesBefore ?? []);
      const after = roleList(entry.rolesAfter ?? []);
      return before === after ? `${who} changed ${whom}'s job title or division` : `${who} changed ${whom}'s roles: ${before} → ${after}`;
    }
    case 'REMOVED':
      return `${who} removed ${whom} from the organisation`;
  }
}

/** For programme managers: who invited, let in, changed the roles of or removed whom. */
export function MembershipHistory({ orgId }: { orgId: string }) {
  const { data, error, refetch, fetchMore } = useQuery(MembershipAuditQuery, { variables: { id: orgId } });
  const audit = data?.node?.__typename === 'Organisation' ? data.node.membershipAudit : null;
  const { loadingMore, more } = useShowMore(audit?.pageInfo.endCursor, fetchMore);
  const entries = audit?.edges.map((edge) => edge.node) ?? [];

  return (
    <section aria-labelledby="membership-history-heading" className="card">
      <h2 id="membership-history-heading">Membership history</h2>
      <p className="muted">Kept for good: nobody can edit or delete it.</p>
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      {audit && entries.length === 0 && <p className="muted">Nothing has changed yet.</p>}
      {entries.length > 0 && (
        <ol className="plain-list audit-list">
          {entries.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span>{describe(entry)}</span> <span className="muted">· {formatDateTime(entry.at)}</span>
            </li>
          ))}
        </ol>
      )}
      {audit && <ShowMore shown={entries.length} total={audit.totalCount} loading={loadingMore} onMore={more} noun="entries" />}
    </section>
  );
}
