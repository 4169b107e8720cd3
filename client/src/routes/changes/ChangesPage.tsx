import { useQuery } from '@apollo/client';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { SelectField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { ShowMore } from '../../components/ShowMore';
import { ChangeStatusBadge, Flag } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import type { ChangeFilter, ChangeOrder, ChangeStatus, SustainmentState } from '../../gql/graphql';
import { memberLabel, useMembers } from '../../hooks/useMembers';
import { useShowMore } from '../../hooks/useShowMore';
import { useFilterParams } from '../../hooks/useFilterParams';
import { useTitle } from '../../hooks/useTitle';
import type { SignedInViewer } from '../../hooks/useViewer';
import { allChangeStatuses, changeOrderLabels, changeStatusLabels, formatDay, plural } from '../../labels';

export const ChangeSummaryFields = graphql(`
  fragment ChangeSummary on Change {
    id
    title
    status
    isSentBack
    progress
    targetDate
    isOverdue
    isDecisionOverdue
    decisionDueOn
    commentCount
    sustainment {
      state
    }
    owner {
      id
      displayName
    }
    barrier {
      id
      title
    }
  }
`);

const ChangesQuery = graphql(`
  query Changes($filter: ChangeFilter, $orderBy: ChangeOrder!, $after: String) {
    changes(filter: $filter, orderBy: $orderBy, first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          ...ChangeSummary
        }
      }
    }
  }
`);

const orders = Object.keys(changeOrderLabels) as ChangeOrder[];

/** The organisation's changes with filters kept in the address bar. */
export function ChangesPage({ viewer }: { viewer: SignedInViewer }) {
  useTitle('Changes');
  const { params, setParam, clearFilters } = useFilterParams();
  const status = params.get('status') as ChangeStatus | null;
  const ownerId = params.get('owner');
  const overdue = params.get('overdue') === '1';
  const mine = params.get('mine') === '1';
  const orderBy = (params.get('order') as ChangeOrder | null) ?? 'NEWEST';
  const owners = useMembers(viewer.organisation?.id, ['OWNER']);
  // The boxes follow a click at once; the address bar (and so the query) follows a moment later.
  const [toggles, setToggles] = useState({ mine, overdue });
  useEffect(() => setToggles({ mine, overdue }), [mine, overdue]);

  const filter: ChangeFilter = {
    ...(status ? { status: [status] } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(mine ? { mine: true } : {}),
  };
  const { data, loading, error, refetch, fetchMore } = useQuery(ChangesQuery, { variables: { filter, orderBy } });
  const { loadingMore, more } = useShowMore(data?.changes.pageInfo.endCursor, fetchMore);

  const changes = data?.changes.edges.map((edge) => edge.node) ?? [];
  const filtered = Boolean(status || ownerId || overdue || mine);

  return (
    <div className="page">
      <div className="page-header page-header--split">
        <div>
          <h1>Changes</h1>
          <p className="page-header__sub">Proposals to remove barriers, each with an owner, followed until they are adopted.</p>
        </div>
        {viewer.roles.includes('CO_LEARNER') && (
          <Link className="button button--secondary" to="/barriers">
            Propose a change from a barrier
          </Link>
        )}
      </div>

      <section className="card filters" aria-labelledby="change-filters-heading">
        <h2 id="change-filters-heading" className="visually-hidden">
          Filter changes
        </h2>
        <div className="filters__grid">
          <SelectField label="Status" value={status ?? ''} onChange={(event) => setParam('status', event.target.value)}>
            <option value="">Any status</option>
            {allChangeStatuses.map((value) => (
              <option key={value} value={value}>
                {changeStatusLabels[value]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Owner" value={ownerId ?? ''} onChange={(event) => setParam('owner', event.target.value)}>
            <option value="">Any owner</option>
            {owners.members.map((member) => (
              <option key={member.person.id} value={member.person.id}>
                {memberLabel(member)}
              </option>
            ))}
          </SelectField>
          <SelectField label="Order" value={orderBy} onChange={(event) => setParam('order', event.target.value === 'NEWEST' ? '' : event.target.value)}>
            {orders.map((value) => (
              <option key={value} value={value}>
                {changeOrderLabels[value]}
              </option>
            ))}
          </SelectField>
          <fieldset className="field filters__toggles">
            <legend>Show only</legend>
            <label className="toggle">
              <input
                type="checkbox"
                checked={toggles.mine}
                onChange={(event) => {
                  setToggles((current) => ({ ...current, mine: event.target.checked }));
                  setParam('mine', event.target.checked ? '1' : '');
                }}
              />
              Mine
            </label>
            <label className="toggle">
              <input
                type="checkbox"
                checked={toggles.overdue}
                onChange={(event) => {
                  setToggles((current) => ({ ...current, overdue: event.target.checked }));
                  setParam('overdue', event.target.checked ? '1' : '');
                }}
              />
              Overdue
            </label>
          </fieldset>
        </div>
        {filtered && (
          <button type="button" className="button button--link" onClick={clearFilters}>
            Clear filters
          </button>
        )}
      </section>

      <section aria-labelledby="change-results-heading" aria-busy={loading}>
        <h2 id="change-results-heading" className="results-heading" aria-live="polite">
          {data ? plural(data.changes.totalCount, filtered ? 'matching change' : 'change') : 'Changes'}
        </h2>
        {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
        {loading && !data && <p className="loading">Loading changes…</p>}
        {data && changes.length === 0 && (
          <div className="card empty">
            <p>{filtered ? 'No change matches these filters.' : 'No changes have been proposed yet. Changes are proposed from a barrier.'}</p>
          </div>
        )}
        <ul className="item-list">
          {changes.map((change) => (
            <li key={change.id}>
              <ChangeCard change={change} />
            </li>
          ))}
        </ul>
        {data && <ShowMore shown={changes.length} total={data.changes.totalCount} loading={loadingMore} onMore={more} noun="changes" />}
      </section>
    </div>
  );
}

interface ChangeCardData {
  id: string;
  title: string;
  status: ChangeStatus;
  isSentBack?: boolean;
  progress: number;
  targetDate: string;
  isOverdue: boolean;
  isDecisionOverdue: boolean;
  sustainment?: { state: SustainmentState } | null;
  owner: { displayName: string };
  barrier: { id: string; title: string };
}

/** One change in a list: status, owner, target, and progress once work has started. */
export function ChangeCard({ change, showBarrier = true }: { change: ChangeCardData; showBarrier?: boolean }) {
  return (
    <article className="item">
      <div className="item__top">
        <h3 className="item__title">
          <Link to={`/changes/${encodeURIComponent(change.id)}`}>{change.title}</Link>
        </h3>
        <div className="item__badges">
          <ChangeStatusBadge status={change.status} sentBack={change.isSentBack} />
          {change.isOverdue && <Flag>Overdue</Flag>}
          {change.isDecisionOverdue && <Flag>Decision overdue</Flag>}
          {change.sustainment?.state === 'REVIEW_MISSED' && <Flag>Review missed</Flag>}
          {change.sustainment?.state === 'LAPSED' && <Flag>No longer in force</Flag>}
        </div>
      </div>
      {showBarrier && <p className="item__context">For: {change.barrier.title}</p>}
      <p className="item__meta">
        <span>Owner: {change.owner.displayName}</span>
        <span>Target {formatDay(change.targetDate)}</span>
      </p>
      {(change.status === 'IN_PROGRESS' || change.status === 'ADOPTION_REQUESTED' || change.status === 'ADOPTED') && <ProgressBar value={change.progress} compact label={`Progress of ${change.title}`} />}
    </article>
  );
}
