import { useQuery } from '@apollo/client';
import { Link, useLocation, useParams } from 'react-router';
import { Comments } from '../../components/Comments';
import { MeasuresTable } from '../../components/Measures';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { BarrierStatusBadge, ChangeStatusBadge, Flag } from '../../components/StatusBadge';
import { Timeline } from '../../components/Timeline';
import { graphql } from '../../gql';
import type { ChangeStatus } from '../../gql/graphql';
import { useTitle } from '../../hooks/useTitle';
import { decisionOutcomeLabels, formatDate, formatDay } from '../../labels';
import { NotFoundPage } from '../NotFoundPage';
import { ChangeActions } from './ChangeActions';
import { SustainmentSection } from './SustainmentSection';

const ChangeQuery = graphql(`
  query Change($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Change {
        ...ChangeDetail
        adaptedFrom {
          id
          title
          outcomeSummary
          measures { metric unit baseline target current }
        }
      }
    }
  }
`);

const steps: { status: ChangeStatus; label: string }[] = [
  { status: 'DRAFT', label: 'Proposed' },
  { status: 'SUBMITTED', label: 'Submitted' },
  { status: 'APPROVED', label: 'Approved' },
  { status: 'IN_PROGRESS', label: 'In progress' },
  { status: 'ADOPTION_REQUESTED', label: 'Put forward' },
  { status: 'ADOPTED', label: 'Adopted' },
];

/** Where a change is in its workflow, as a list of steps with the current one marked. */
function WorkflowSteps({ status, sentBack }: { status: ChangeStatus; sentBack: boolean }) {
  const stopped = status === 'REJECTED' || status === 'WITHDRAWN';
  // A draft sent back has been proposed and submitted: it stands at "Sent back", not at the first step.
  if (sentBack && status === 'DRAFT') return <Steps shown={[steps[0], { status: 'DRAFT', label: 'Sent back' }, ...steps.slice(2)]} current={1} stopped={false} adopted={false} />;
  const reached = stopped ? (status === 'REJECTED' ? 1 : -1) : steps.findIndex((step) => step.status === status);
  const shown = stopped ? [...steps.slice(0, Math.max(reached, 0) + 1), { status, label: status === 'REJECTED' ? 'Rejected' : 'Withdrawn' }] : steps;
  return <Steps shown={shown} current={stopped ? shown.length - 1 : reached} stopped={stopped} adopted={status === 'ADOPTED'} />;
}

function Steps({ shown, current: currentIndex, stopped, adopted }: { shown: { status: ChangeStatus; label: string }[]; current: number; stopped: boolean; adopted: boolean }) {
  return (
    <ol className="steps" aria-label="Workflow">
      {shown.map((step, index) => {
        const current = index === currentIndex;
        // Adopted is the end: its step is both current and done.
        const done = index < currentIndex || (current && adopted);
        return (
          <li key={`${step.status}-${index}`} className={['steps__step', done ? 'steps__step--done' : '', current ? 'steps__step--current' : '', stopped && current ? 'steps__step--stopped' : ''].join(' ').trim()} aria-current={current ? 'step' : undefined}>
            <span className="steps__marker" aria-hidden="true">
              {done ? '✓' : current && stopped ? '✕' : index + 1}
            </span>
            <span className="steps__label">
              {step.label}
              {done && !current && <span className="visually-hidden"> (done)</span>}
              {current && <span className="visually-hidden"> (current)</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

export function ChangePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const { data, loading, error, refetch } = useQuery(ChangeQuery, { variables: { id } });
  const change = data?.node?.__typename === 'Change' ? data.node : null;
  useTitle(change?.title ?? 'Change');

  if (loading && !data) return <p className="loading">Loading the change…</p>;
  if (!change) return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <NotFoundPage />;

  const showProgress = change.status === 'IN_PROGRESS' || change.status === 'ADOPTION_REQUESTED' || change.status === 'ADOPTED';

  return (
    <div className="page">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/changes">Changes</Link>
        </p>
        <div className="title-row">
          <h1>{change.title}</h1>
          <ChangeStatusBadge status={change.status} sentBack={change.isSentBack} />
          {change.isOverdue && <Flag title={`Target date ${formatDay(change.targetDate)} has passed`}>Overdue</Flag>}
          {change.isDecisionOverdue && <Flag>Decision overdue</Flag>}
        </div>
        <p className="page-header__sub">
          For the barrier <Link to={`/barriers/${encodeURIComponent(change.barrier.id)}`}>{change.barrier.title}</Link> <BarrierStatusBadge status={change.barrier.status} />
        </p>
      </div>

      {flash && (
        <div className="notice notice--success" role="status">
          <p>{flash}</p>
        </div>
      )}
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}

      {change.isSentBack && change.latestDecision && (
        <section className="notice notice--info" aria-labelledby="sent-back-heading">
          <h2 id="sent-back-heading">Sent back for changes</h2>
          <p>
            {change.owner.displayName} sent it back on {formatDate(change.latestDecision.decidedAt)}:
          </p>
          <blockquote className="quote">{change.latestDecision.rationale}</blockquote>
          <p>Revise it and submit it again for a decision.</p>
        </section>
      )}

      <WorkflowSteps status={change.status} sentBack={change.isSentBack} />

      <div className="layout-split">
        <div className="layout-split__main">
          <ChangeActions change={change} onReload={() => refetch()} />

          <section className="card" aria-labelledby="proposal-heading">
            <h2 id="proposal-heading">The proposal</h2>
            <dl className="facts">
              <div>
                <dt>Owner</dt>
                <dd>{change.owner.displayName}</dd>
              </div>
              <div>
                <dt>Proposed by</dt>
                <dd>{change.pair ? `${change.pair.senior.displayName} and ${change.pair.junior.displayName}` : 'A co-learning pair'}</dd>
              </div>
              <div>
                <dt>Target date</dt>
                <dd>
                  {formatDay(change.targetDate)} {change.isOverdue && <Flag>Overdue</Flag>}
                </dd>
              </div>
              {change.status === 'SUBMITTED' && change.decisionDueOn && (
                <div>
                  <dt>Decision due</dt>
                  <dd>
                    {formatDay(change.decisionDueOn)} {change.isDecisionOverdue && <Flag>Overdue</Flag>}
                  </dd>
                </div>
              )}
            </dl>
            <h3>What changes</h3>
            <p className="prose">{change.whatChanges}</p>
            <h3>Expected impact</h3>
            <p className="prose">{change.expectedImpact}</p>
            {change.adaptedFrom && (
              <aside className="notice notice--info" aria-label="For reference: the library case this change adapts">
                <p>
                  <strong>For reference</strong>, from the library case{' '}
                  <Link to={`/library/cases/${encodeURIComponent(change.adaptedFrom.id)}`}>{change.adaptedFrom.title}</Link>, in another organisation: what
                  happened there, and its figures. Your expected impact and measures are your own.
                </p>
                <p className="prose">{change.adaptedFrom.outcomeSummary}</p>
                {change.adaptedFrom.measures.length > 0 && (
                  <ul>
                    {change.adaptedFrom.measures.map((m) => (
                      <li key={m.metric}>
                        {m.metric}: {m.baseline}
                        {m.unit ? ` ${m.unit}` : ''} before, target {m.target}
                        {m.unit ? ` ${m.unit}` : ''}
                        {m.current != null ? `, ${m.current}${m.unit ? ` ${m.unit}` : ''} at the last report` : ''}
                      </li>
                    ))}
                  </ul>
                )}
              </aside>
            )}
            {change.withdrawnReason && (
              <>
                <h3>Why it was withdrawn</h3>
                <p className="prose">{change.withdrawnReason}</p>
              </>
            )}
          </section>

          <section className="card" aria-labelledby="progress-heading">
            <h2 id="progress-heading">Progress</h2>
            {showProgress ? <ProgressBar value={change.progress} /> : <p className="muted">Progress is reported once work has started.</p>}
            <h3>Success measures</h3>
            <MeasuresTable measures={change.successMeasures} caption="Success measures" />
          </section>

          {change.adoptionEvidence && (
            <section className="card card--success" aria-labelledby="adoption-heading">
              <h2 id="adoption-heading">{change.status === 'ADOPTED' ? 'Adopted' : 'Evidence of adoption'}</h2>
              <dl className="facts facts--stacked">
                <div>
                  <dt>Policy or process</dt>
                  <dd>{change.adoptionEvidence.policyOrProcess}</dd>
                </div>
                <div>
                  <dt>Effective from</dt>
                  <dd>{formatDay(change.adoptionEvidence.effectiveFrom)}</dd>
                </div>
                {change.adoptionEvidence.link && (
                  <div>
                    <dt>Link</dt>
                    <dd>
                      <a href={change.adoptionEvidence.link} target="_blank" rel="noreferrer noopener">
                        {change.adoptionEvidence.link}
                        <span className="visually-hidden"> (opens in a new tab)</span>
                      </a>
                    </dd>
                  </div>
                )}
              </dl>
              {change.adoptionEvidence.summary && <p className="prose">{change.adoptionEvidence.summary}</p>}
            </section>
          )}

          <SustainmentSection change={change} onReload={() => refetch()} />

          <Comments subjectId={change.id} comments={change.comments} canComment={change.viewerCanComment} refetchQuery="Change" />
        </div>

        <div className="layout-split__side">
          {change.latestDecision && (
            <section className="card" aria-labelledby="decision-heading">
              <h2 id="decision-heading">Latest decision</h2>
              <p>
                <strong>{decisionOutcomeLabels[change.latestDecision.outcome]}</strong> by {change.owner.displayName} on {formatDate(change.latestDecision.decidedAt)}
              </p>
              <blockquote className="quote">{change.latestDecision.rationale}</blockquote>
            </section>
          )}
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <Timeline events={change.history} label="History of this change" />
          </section>
        </div>
      </div>
    </div>
  );
}
