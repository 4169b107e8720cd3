import { useMutation, useQuery } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Comments } from '../../components/Comments';
import { EvidenceEditor, evidenceInput, EvidenceList, type EvidenceDraft } from '../../components/Evidence';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, TextAreaField } from '../../components/forms';
import { ProblemMessage } from '../../components/ProblemMessage';
import { ProgressBar } from '../../components/ProgressBar';
import { BarrierStatusBadge, ChangeStatusBadge } from '../../components/StatusBadge';
import { Timeline } from '../../components/Timeline';
import { graphql } from '../../gql';
import type { NamingAnswer, NamingConsent, SharedCaseStatus } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { pairName } from '../../hooks/useMyPairs';
import { useTitle } from '../../hooks/useTitle';
import { affectedGroupLabels, barrierCategoryLabels, formatDate, formatDay, plural } from '../../labels';
import { caseStatusLabels } from '../library/labels';
import { NotFoundPage } from '../NotFoundPage';

const BarrierQuery = graphql(`
  query Barrier($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Barrier {
        title
        description
        category
        affectedGroups
        status
        attribution
        namingConsent
        viewerCanAnswerNaming
        createdAt
        raisedByViewersPair
        raisedForSet {
          title
        }
        raisedBy {
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
        evidence {
          kind
          text
          url
          value
          unit
        }
        corroboratingPairCount
        corroboratingDivisionCount
        corroboratingDivisions
        corroborations {
          createdAt
          divisions
          note
          evidence {
            kind
            text
            url
            value
            unit
          }
        }
        changes {
          id
          title
          status
          isSentBack
          progress
          targetDate
          isOverdue
          owner {
            id
            displayName
          }
        }
        history {
          kind
          actorName
          fromStatus
          toStatus
          outcome
          rationale
          progress
          note
          at
          newOwner {
            id
            displayName
          }
        }
        comments {
          id
          authorName
          body
          createdAt
        }
        sharedCase {
          id
          title
          status
        }
        adaptedFrom {
          id
          title
        }
        adaptedBy {
          id
          displayName
        }
        viewerCanCorroborate
        viewerCanProposeChange
        viewerCanComment
        viewerCanClose
      }
    }
  }
`);

/** Change statuses that make a barrier worth sharing as a library case (as the server decides). */
const shareableChangeStatuses = new Set(['SUBMITTED', 'APPROVED', 'REJECTED', 'IN_PROGRESS', 'ADOPTION_REQUESTED', 'ADOPTED']);

const CloseBarrierMutation = graphql(`
  mutation CloseBarrier($input: CloseBarrierInput!) {
    closeBarrier(input: $input) {
      barrier {
        id
        status
        viewerCanClose
        viewerCanCorroborate
        viewerCanProposeChange
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AnswerNamingMutation = graphql(`
  mutation AnswerBarrierNaming($input: AnswerBarrierNamingInput!) {
    answerBarrierNaming(input: $input) {
      barrier {
        id
        attribution
        namingConsent
        viewerCanAnswerNaming
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CorroborateMutation = graphql(`
  mutation CorroborateBarrier($input: CorroborateBarrierInput!) {
    corroborateBarrier(input: $input) {
      barrier {
        id
        corroboratingPairCount
        viewerCanCorroborate
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function BarrierPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const { data, loading, error, refetch } = useQuery(BarrierQuery, { variables: { id } });
  const barrier = data?.node?.__typename === 'Barrier' ? data.node : null;
  useTitle(barrier?.title ?? 'Barrier');

  if (loading && !data) return <p className="loading">Loading the barrier…</p>;
  if (!barrier) return error ? <ProblemMessage error={error} onRetry={() => refetch()} /> : <NotFoundPage />;

  return (
    <div className="page">
      <div className="page-header">
        <p className="breadcrumb">
          <Link to="/barriers">Barriers</Link>
        </p>
        <div className="title-row">
          <h1>{barrier.title}</h1>
          <BarrierStatusBadge status={barrier.status} />
        </div>
        <ul className="chips" aria-label="Category and affected groups">
          <li className="chip chip--category">{barrierCategoryLabels[barrier.category]}</li>
          {barrier.affectedGroups.map((group) => (
            <li key={group} className="chip">
              {affectedGroupLabels[group]}
            </li>
          ))}
        </ul>
      </div>

      {flash && (
        <div className="notice notice--success" role="status">
          <p>{flash}</p>
        </div>
      )}
      {error && <ProblemMessage error={error} onRetry={() => refetch()} />}

      <div className="layout-split">
        <div className="layout-split__main">
          <section className="card" aria-labelledby="about-heading">
            <h2 id="about-heading">What happens</h2>
            <p className="prose">{barrier.description}</p>
            <p className="muted">
              {barrier.adaptedBy
                ? `Raised by ${barrier.adaptedBy.displayName}, adapting a library case${barrier.raisedBy ? `, for ${pairName(barrier.raisedBy)} to take forward` : ''}`
                : barrier.raisedForSet
                  ? `Raised on behalf of the set “${barrier.raisedForSet.title}”`
                  : barrier.raisedBy
                    ? `Raised by ${pairName(barrier.raisedBy)}`
                    : 'Raised anonymously by a co-learning pair'}
              {barrier.raisedByViewersPair && barrier.attribution === 'ANONYMOUS' && ' (your pair; others do not see who)'} on {formatDate(barrier.createdAt)}.
            </p>
            {barrier.namingConsent && <NamingConsentNotice barrierId={barrier.id} consent={barrier.namingConsent} canAnswer={barrier.viewerCanAnswerNaming} />}
            <LibraryLinks barrier={barrier} />
            <h3>Evidence</h3>
            <EvidenceList items={barrier.evidence} />
            {barrier.viewerCanClose && <CloseBarrierForm barrierId={barrier.id} />}
          </section>

          <section className="card" aria-labelledby="changes-heading">
            <div className="card-header">
              <h2 id="changes-heading">
                Changes <span className="count">{barrier.changes.length}</span>
              </h2>
              {barrier.viewerCanProposeChange && (
                <Link className="button button--primary button--small" to={`/changes/new?barrier=${encodeURIComponent(barrier.id)}`}>
                  Propose a change
                </Link>
              )}
            </div>
            {barrier.changes.length === 0 ? (
              <p className="muted">No change has been proposed yet.</p>
            ) : (
              <ul className="item-list item-list--flat">
                {barrier.changes.map((change) => (
                  <li key={change.id} className="item item--flat">
                    <div className="item__top">
                      <h3 className="item__title">
                        <Link to={`/changes/${encodeURIComponent(change.id)}`}>{change.title}</Link>
                      </h3>
                      <ChangeStatusBadge status={change.status} sentBack={change.isSentBack} />
                    </div>
                    <p className="item__meta">
                      <span>Owner: {change.owner.displayName}</span>
                      <span>Target {formatDay(change.targetDate)}</span>
                    </p>
                    {(change.status === 'IN_PROGRESS' || change.status === 'ADOPTION_REQUESTED' || change.status === 'ADOPTED') && <ProgressBar value={change.progress} compact label={`Progress of ${change.title}`} />}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <Comments subjectId={barrier.id} comments={barrier.comments} canComment={barrier.viewerCanComment} refetchQuery="Barrier" />
        </div>

        <div className="layout-split__side">
          <section className="card" aria-labelledby="corroboration-heading">
            <h2 id="corroboration-heading">Seen elsewhere</h2>
            {barrier.corroboratingPairCount === 0 ? (
              <p className="muted">No other pair has corroborated this barrier yet.</p>
            ) : (
              <>
                <p className="big-number">
                  <strong>{barrier.corroboratingPairCount}</strong> other {barrier.corroboratingPairCount === 1 ? 'pair sees' : 'pairs see'} this too
                  {barrier.corroboratingDivisionCount > 0 && `, in ${plural(barrier.corroboratingDivisionCount, 'division')}`}.
                </p>
                {barrier.corroboratingDivisions.length > 0 && (
                  <ul className="chips" aria-label="Divisions">
                    {barrier.corroboratingDivisions.map((division) => (
                      <li key={division} className="chip">
                        {division}
                      </li>
                    ))}
                  </ul>
                )}
                <ul className="corroborations">
                  {barrier.corroborations.map((corroboration, index) => (
                    <li key={index}>
                      <p className="muted">
                        {corroboration.divisions.join(', ') || 'A pair'} · {formatDate(corroboration.createdAt)}
                      </p>
                      {corroboration.note && <p>{corroboration.note}</p>}
                      {corroboration.evidence.length > 0 && <EvidenceList items={corroboration.evidence} />}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {barrier.viewerCanCorroborate && <CorroborateForm barrierId={barrier.id} />}
          </section>

          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">History</h2>
            <Timeline events={barrier.history} label="History of this barrier" />
          </section>
        </div>
      </div>
    </div>
  );
}

interface LibraryLinked {
  raisedByViewersPair: boolean;
  changes: readonly { status: string }[];
  sharedCase?: { id: string; title: string; status: SharedCaseStatus } | null;
  adaptedFrom?: { id: string; title: string } | null;
}

/** Where the barrier meets the community library: the case it was adapted from, the case shared from it, or an invitation to share it. */
function LibraryLinks({ barrier }: { barrier: LibraryLinked }) {
  const canShare = barrier.raisedByViewersPair && !barrier.sharedCase && barrier.changes.some((change) => shareableChangeStatuses.has(change.status));
  if (!barrier.adaptedFrom && !barrier.sharedCase && !canShare) return null;
  return (
    <ul className="library-links" aria-label="In the community library">
      {barrier.adaptedFrom && (
        <li>
          Adapted from the library case <Link to={`/library/cases/${encodeURIComponent(barrier.adaptedFrom.id)}`}>{barrier.adaptedFrom.title}</Link>.
        </li>
      )}
      {barrier.sharedCase && (
        <li>
          {barrier.sharedCase.status === 'PUBLISHED' ? 'Shared in the library as ' : `A library case (${caseStatusLabels[barrier.sharedCase.status].toLowerCase()}): `}
          <Link to={`/library/cases/${encodeURIComponent(barrier.sharedCase.id)}`}>{barrier.sharedCase.title}</Link>.
        </li>
      )}
      {canShare && (
        <li>
          Other organisations could learn from this: <Link to="/library/share">share it as a library case</Link>.
        </li>
      )}
    </ul>
  );
}

/**
 * For the raising pair only: a barrier raised as named shows as anonymous until the other co-learner
 * agrees; they agree or decline here.
 */
function NamingConsentNotice({ barrierId, consent, canAnswer }: { barrierId: string; consent: NamingConsent; canAnswer: boolean }) {
  const [answer] = useMutation(AnswerNamingMutation, { refetchQueries: ['Barrier', 'Barriers', 'HomeAttention'], awaitRefetchQueries: true });
  const action = useFormAction();
  const send = (value: NamingAnswer) => action.run(() => answer({ variables: { input: { barrierId, answer: value } } }), (data) => data.answerBarrierNaming);

  if (consent === 'AGREED') return <p className="muted">You both agreed that it names your pair.</p>;
  if (consent === 'DECLINED') return <p className="muted">It stays anonymous: your partner preferred not to be named. Only your pair knows this.</p>;
  if (!canAnswer) {
    return (
      <div className="notice notice--info" role="status">
        <p>You asked to name your pair on it. Until your partner agrees, everyone else sees it as raised anonymously.</p>
      </div>
    );
  }
  return (
    <section className="notice notice--info naming-ask" aria-labelledby="naming-heading">
      <h3 id="naming-heading">Your partner asks to name your pair on this barrier</h3>
      <p>Until you agree, everyone else sees it as raised anonymously. If you decline, it stays anonymous, and only your pair knows you were asked.</p>
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="button" className="button button--primary button--small" disabled={action.busy} onClick={() => send('AGREE')}>
          Agree to be named
        </button>
        <button type="button" className="button button--secondary button--small" disabled={action.busy} onClick={() => send('DECLINE')}>
          Keep it anonymous
        </button>
      </div>
    </section>
  );
}

function CorroborateForm({ barrierId }: { barrierId: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>([]);
  const [corroborate] = useMutation(CorroborateMutation, { refetchQueries: ['Barrier', 'Barriers'], awaitRefetchQueries: true });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await action.run(() => corroborate({ variables: { input: { barrierId, note: note.trim() || null, evidence: evidenceInput(evidence) } } }), (data) => data.corroborateBarrier);
  }

  if (!open) {
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        We see this too
      </button>
    );
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="stack corroborate-form" aria-label="Corroborate this barrier">
      <TextAreaField label="What your pair sees" rows={3} value={note} onChange={(event) => setNote(event.target.value)} error={fieldError(action.userErrors, 'note')} />
      <EvidenceEditor items={evidence} onChange={setEvidence} errors={action.userErrors} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={action.busy}>
          {action.busy ? 'Sending…' : 'Corroborate'}
        </button>
        <button type="button" className="button button--link" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The raising pair or a programme manager closes an open barrier (a duplicate, no longer true) with a reason. */
function CloseBarrierForm({ barrierId }: { barrierId: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [close] = useMutation(CloseBarrierMutation, { refetchQueries: ['Barrier', 'Barriers'], awaitRefetchQueries: true });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      action.fail([{ field: ['input', 'reason'], message: 'Say why it is closed: a duplicate, no longer true, dealt with elsewhere…' }]);
      return;
    }
    await action.run(() => close({ variables: { input: { barrierId, reason: reason.trim() } } }), (data) => data.closeBarrier);
  }

  if (!open) {
    return (
      <p className="close-barrier">
        <button type="button" className="button button--link" onClick={() => setOpen(true)}>
          Close this barrier
        </button>
      </p>
    );
  }
  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Close this barrier">
      <h3>Close this barrier</h3>
      <p className="muted">A closed barrier leaves the open list; the reason stays in its history.</p>
      <TextAreaField label="Reason" required rows={2} value={reason} onChange={(event) => setReason(event.target.value)} error={fieldError(action.userErrors, 'reason')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} />
      <div className="actions">
        <button type="submit" className="button button--danger-quiet" disabled={action.busy}>
          {action.busy ? 'Closing…' : 'Close barrier'}
        </button>
        <button type="button" className="button button--link" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
