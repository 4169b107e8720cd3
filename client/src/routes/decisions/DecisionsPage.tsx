import { useQuery } from '@apollo/client';
import { useState } from 'react';
import { Link } from 'react-router';
import { MeasuresTable } from '../../components/Measures';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ShowMore } from '../../components/ShowMore';
import { ChangeStatusBadge, Flag } from '../../components/StatusBadge';
import { graphql } from '../../gql';
import type { DecisionOutcome } from '../../gql/graphql';
import { useShowMore } from '../../hooks/useShowMore';
import { useTitle } from '../../hooks/useTitle';
import { decisionOutcomeLabels, formatDate, formatDay, plural } from '../../labels';
import { DecideForm } from '../changes/DecideForm';
import { AdoptionsToConfirm } from './AdoptionsToConfirm';

const DecisionQueueQuery = graphql(`
  query DecisionQueue($after: String) {
    decisionQueue(first: 20, after: $after) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      edges {
        cursor
        node {
          id
          title
          status
          version
          whatChanges
          expectedImpact
          targetDate
          submittedAt
          decisionDueOn
          isDecisionOverdue
          isOverdue
          successMeasures {
            metric
            unit
            baseline
            target
            current
          }
          barrier {
            id
            title
            corroboratingPairCount
          }
          pair {
            id
            senior {
              id
              displayName
            }
            junior {
              id
              displayName
            }
          }
        }
      }
    }
  }
`);

/** The owner's queue: changes waiting for their decision, oldest first, overdue ones flagged. */
export function DecisionsPage() {
  useTitle('Decisions');
  const { data, loading, error, refetch, fetchMore } = useQuery(DecisionQueueQuery);
  const { loadingMore, more } = useShowMore(data?.decisionQueue.pageInfo.endCursor, fetchMore);
  const [open, setOpen] = useState<string | null>(null);
  const [decided, setDecided] = useState<{ id: string; title: string; outcome: DecisionOutcome } | null>(null);
  const queue = data?.decisionQueue.edges.map((edge) => edge.node) ?? [];
  const overdue = queue.filter((change) => change.isDecisionOverdue).length;


  return (
    <div className="page">
      <div className="page-header">
        <h1>Decisions</h1>
        <p className="page-header__sub">Changes co-learners have asked you to decide, oldest first. A decision is due 14 days after submission.</p>
      </div>

      {decided && (
        <div className="notice notice--success" role="status">
          <p>
            <strong>{decisionOutcomeLabels[decided.outcome]}:</strong> <Link to={`/changes/${encodeURIComponent(decided.id)}`}>{decided.title}</Link>. The pair has been told.
          </p>
        </div>
      )}
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}
      <AdoptionsToConfirm />
      {loading && !data && <p className="loading">Loading your queue…</p>}

      {data && (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="results-heading">
            {queue.length === 0 ? 'Nothing is waiting for you' : `${plural(data.decisionQueue.totalCount, 'change')} waiting`}
            {overdue > 0 && <span className="results-heading__extra"> · {overdue} overdue</span>}
          </h2>
          {queue.length === 0 && (
            <div className="card empty">
              <p>When a pair submits a change that you own, it appears here.</p>
              <p>
                <Link to="/changes?mine=1">See the changes you own</Link>
              </p>
            </div>
          )}
          <ul className="item-list">
            {queue.map((change) => {
              const expanded = open === change.id;
              return (
                <li key={change.id}>
                  <article className={change.isDecisionOverdue ? 'item item--overdue' : 'item'} aria-labelledby={`queue-${change.id}`}>
                    <div className="item__top">
                      <h3 className="item__title" id={`queue-${change.id}`}>
                        <Link to={`/changes/${encodeURIComponent(change.id)}`}>{change.title}</Link>
                      </h3>
                      <div className="item__badges">
                        <ChangeStatusBadge status={change.status} />
                        {change.isDecisionOverdue && <Flag>Decision overdue</Flag>}
                        {change.isOverdue && <Flag>Past target date</Flag>}
                      </div>
                    </div>
                    <p className="item__context">
                      For: <Link to={`/barriers/${encodeURIComponent(change.barrier.id)}`}>{change.barrier.title}</Link>
                      {change.barrier.corroboratingPairCount > 0 && ` (also seen by ${plural(change.barrier.corroboratingPairCount, 'other pair')})`}
                    </p>
                    <p className="item__meta">
                      <span>From {change.pair ? `${change.pair.senior.displayName} and ${change.pair.junior.displayName}` : 'a co-learning pair'}</span>
                      {change.submittedAt && <span>Submitted {formatDate(change.submittedAt)}</span>}
                      {change.decisionDueOn && <span className={change.isDecisionOverdue ? 'text-danger' : undefined}>Decision due {formatDay(change.decisionDueOn)}</span>}
                      <span>Target {formatDay(change.targetDate)}</span>
                    </p>
                    {!expanded ? (
                      <button type="button" className="button button--primary button--small" aria-expanded={false} onClick={() => setOpen(change.id)}>
                        Decide
                        <span className="visually-hidden"> on {change.title}</span>
                      </button>
                    ) : (
                      <div className="queue-detail">
                        <div className="queue-detail__proposal">
                          <h4>What changes</h4>
                          <p className="prose">{change.whatChanges}</p>
                          <h4>Expected impact</h4>
                          <p className="prose">{change.expectedImpact}</p>
                          {change.successMeasures.length > 0 && (
                            <>
                              <h4>Success measures</h4>
                              <MeasuresTable measures={change.successMeasures} caption={`Success measures of ${change.title}`} />
                            </>
                          )}
                        </div>
                        <div className="queue-detail__decide">
                          <DecideForm
                            changeId={change.id}
                            version={change.version}
                            onReload={() => refetch()}
                            onDecided={(outcome) => {
                              setDecided({ id: change.id, title: change.title, outcome });
                              setOpen(null);
                            }}
                          />
                          <button type="button" className="button button--link" onClick={() => setOpen(null)}>
                            Not now
                          </button>
                        </div>
                      </div>
                    )}
                  </article>
                </li>
              );
            })}
          </ul>
          <ShowMore shown={queue.length} total={data.decisionQueue.totalCount} loading={loadingMore} onMore={more} noun="changes" />
        </section>
      )}
    </div>
  );
}
