import { useQuery } from '@apollo/client';
import { Link } from 'react-router';
import { graphql } from '../gql';
import { useUnreadCount } from '../hooks/useUnreadCount';
import type { SignedInViewer } from '../hooks/useViewer';
import { plural } from '../labels';

const AttentionQuery = graphql(`
  query HomeAttention($organisationId: ID!, $withCases: Boolean!, $withQuestionnaires: Boolean!, $ownerId: ID!, $isOwner: Boolean!, $isCoLearner: Boolean!) {
    myPairs: pairs(mine: true, status: [PROPOSED, ACTIVE], first: 20) @include(if: $isCoLearner) {
      nodes {
        id
        viewerCanAgreeContract
        contract {
          version
        }
      }
    }
    namingAsks: barriers(filter: { awaitingViewersNaming: true }, first: 20) @include(if: $isCoLearner) {
      nodes {
        id
        title
      }
    }
    questionnaires(first: 20) @include(if: $withQuestionnaires) {
      nodes {
        id
        title
        viewerCanRespond
        viewerHasResponded
      }
    }
    organisationCases(organisationId: $organisationId, statuses: [REDACTING, AWAITING_CONSENT, AWAITING_APPROVAL], first: 20) @include(if: $withCases) {
      nodes {
        id
        title
        status
        viewerCanEdit
        viewerCanConsent
        viewerCanApprove
      }
    }
    casePublicationCandidates(first: 5) @include(if: $withCases) {
      totalCount
    }
    ownedInProgress: changes(filter: { ownerId: $ownerId, status: [APPROVED, IN_PROGRESS] }, first: 1) @include(if: $isOwner) {
      totalCount
    }
  }
`);

interface Item {
  key: string;
  to: string;
  text: string;
}

/**
 * What waits for the signed-in person, whatever their role: unread notifications, a contract version
 * to agree, a request to be named on a barrier, a questionnaire
 * to answer, a case to consent to, resolve or approve, changes they own to move on. Shows nothing
 * when nothing waits.
 */
export function AttentionCard({ viewer }: { viewer: SignedInViewer }) {
  const organisationId = viewer.organisation?.id ?? '';
  const isCoLearner = viewer.roles.includes('CO_LEARNER');
  const isManager = viewer.roles.includes('PROGRAMME_MANAGER');
  const isOwner = viewer.roles.includes('OWNER');
  const unread = useUnreadCount();
  const { data } = useQuery(AttentionQuery, {
    variables: {
      organisationId,
      withCases: Boolean(organisationId) && (isCoLearner || isManager),
      withQuestionnaires: isCoLearner,
      ownerId: viewer.person.id,
      isOwner,
      isCoLearner,
    },
    fetchPolicy: 'cache-and-network',
  });

  const items: Item[] = [];
  if (unread > 0) items.push({ key: 'unread', to: '/notifications?unread=1', text: `${plural(unread, 'unread notification')}` });
  for (const pair of data?.myPairs?.nodes ?? []) {
    if (pair.viewerCanAgreeContract && pair.contract) {
      items.push({ key: `contract-${pair.id}`, to: `/pair/${encodeURIComponent(pair.id)}`, text: `Read and agree version ${pair.contract.version} of your pair's contract` });
    }
  }
  for (const b of data?.namingAsks?.nodes ?? []) {
    items.push({ key: `naming-${b.id}`, to: `/barriers/${encodeURIComponent(b.id)}`, text: `Your partner asks to name your pair on “${b.title}”: agree or keep it anonymous` });
  }
  for (const q of data?.questionnaires?.nodes ?? []) {
    if (q.viewerCanRespond && !q.viewerHasResponded) items.push({ key: q.id, to: '/questionnaires', text: `Answer “${q.title}”` });
  }
  for (const c of data?.organisationCases?.nodes ?? []) {
    const to = `/library/cases/${encodeURIComponent(c.id)}`;
    if (c.viewerCanApprove) items.push({ key: c.id, to, text: `Review and approve the case “${c.title}”` });
    else if (c.viewerCanConsent) items.push({ key: c.id, to, text: `Read and consent to the case “${c.title}”` });
    else if (c.status === 'REDACTING' && c.viewerCanEdit) items.push({ key: c.id, to, text: `Resolve the personal data flagged in the case “${c.title}”` });
  }
  const candidates = data?.casePublicationCandidates?.totalCount ?? 0;
  if (isCoLearner && candidates > 0) {
    items.push({ key: 'share', to: '/library/share', text: `${plural(candidates, 'barrier')} your pair raised could be shared in the library` });
  }
  const owned = data?.ownedInProgress?.totalCount ?? 0;
  if (owned > 0) {
    items.push({
      key: 'owned',
      to: `/changes?owner=${encodeURIComponent(viewer.person.id)}`,
      text: `${plural(owned, 'change')} you own ${owned === 1 ? 'is' : 'are'} approved or in progress: report progress or mark adopted`,
    });
  }

  if (items.length === 0) return null;
  return (
    <section className="card card--accent attention" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs your attention</h2>
      <ul className="plain-list attention__list">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to}>{item.text}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
