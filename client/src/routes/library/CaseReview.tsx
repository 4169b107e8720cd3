import { useMutation } from '@apollo/client';
import { useState } from 'react';
import { ErrorSummary, TextAreaField, TextField, fieldError, type UserErrorLike } from '../../components/forms';
import { graphql } from '../../gql';
import type { CaseReviewFieldsFragment, RedactionAction } from '../../gql/graphql';
import { caseStatusLabels, redactionKindLabels } from './labels';

export const CaseReviewFields = graphql(`
  fragment CaseReviewFields on SharedCase {
    id
    status
    viewerIsAuthor
    viewerCanEdit
    viewerCanConsent
    viewerHasConsented
    viewerCanApprove
    viewerCanUnpublish
    viewerCanSendBack
    viewerCanDecline
    reviewNote
    title
    summary
    whatChanged
    outcomeSummary
    openRedactionCount
    unpublishedReason
    showOrganisationName
    consents { senior junior complete }
    redactions { id kind field found context proposedReplacement appliedReplacement status }
  }
`);

const ResolveMutation = graphql(`
  mutation ResolveRedaction($input: ResolveRedactionInput!) {
    resolveRedaction(input: $input) {
      sharedCase { id summary whatChanged outcomeSummary title ...CaseReviewFields }
      userErrors { ...UserErrorFields }
    }
  }
`);
const ConsentMutation = graphql(`
  mutation ConsentToCase($input: ConsentToCaseInput!) {
    consentToCase(input: $input) { sharedCase { id ...CaseReviewFields } userErrors { ...UserErrorFields } }
  }
`);
const ApproveMutation = graphql(`
  mutation ApproveCasePublication($input: ApproveCasePublicationInput!) {
    approveCasePublication(input: $input) { sharedCase { id publishedAt organisationName ...CaseReviewFields } userErrors { ...UserErrorFields } }
  }
`);
const UnpublishMutation = graphql(`
  mutation UnpublishCase($input: UnpublishCaseInput!) {
    unpublishCase(input: $input) { sharedCase { id ...CaseReviewFields } userErrors { ...UserErrorFields } }
  }
`);

const EditMutation = graphql(`
  mutation EditSharedCase($input: EditSharedCaseInput!) {
    editSharedCase(input: $input) { sharedCase { id ...CaseReviewFields } userErrors { ...UserErrorFields } }
  }
`);
const SendBackMutation = graphql(`
  mutation SendCaseBack($input: ReviewCaseInput!) {
    sendCaseBack(input: $input) { sharedCase { id ...CaseReviewFields } userErrors { ...UserErrorFields } }
  }
`);
const DeclineMutation = graphql(`
  mutation DeclineCase($input: ReviewCaseInput!) {
    declineCase(input: $input) { sharedCase { id ...CaseReviewFields } userErrors { ...UserErrorFields } }
  }
`);

const fieldLabels: Record<string, string> = { TITLE: 'Title', SUMMARY: 'The barrier', WHAT_CHANGED: 'What changed', OUTCOME: 'What happened', MEASURE: 'A measure' };

/** The publishing flow for the authors and their managers: redaction review, consent, approval. */
export function CaseReview({ sharedCase, onChanged }: { sharedCase: CaseReviewFieldsFragment; onChanged: () => void }) {
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [resolve, resolving] = useMutation(ResolveMutation);
  const [consent, consenting] = useMutation(ConsentMutation);
  const [approve, approving] = useMutation(ApproveMutation);
  const [unpublish, unpublishing] = useMutation(UnpublishMutation);
  const [showName, setShowName] = useState(false);
  const [reason, setReason] = useState('');
  const [sendBack, sendingBack] = useMutation(SendBackMutation);
  const [decline, declining] = useMutation(DeclineMutation);
  const [reviewReason, setReviewReason] = useState('');
  const busy = resolving.loading || consenting.loading || approving.loading || unpublishing.loading || sendingBack.loading || declining.loading;
  const after = (payload?: { userErrors: readonly UserErrorLike[] } | null) => {
    setErrors(payload?.userErrors ?? []);
    if (payload && payload.userErrors.length === 0) onChanged();
  };
  const act = async (redactionId: string, action: RedactionAction, replacement?: string) =>
    after((await resolve({ variables: { input: { redactionId, action, replacement } } })).data?.resolveRedaction);

  const open = (sharedCase.redactions ?? []).filter((r) => r.status === 'OPEN');
  const resolved = (sharedCase.redactions ?? []).filter((r) => r.status !== 'OPEN');
  return (
    <section className="card card--accent case-review" aria-labelledby="review-heading">
      <h2 id="review-heading">
        Publishing: <span className="tag">{caseStatusLabels[sharedCase.status]}</span>
      </h2>
      <ol className="review-steps">
        <li className={open.length ? 'is-current' : 'is-done'}>Redaction review ({open.length} open)</li>
        <li className={sharedCase.consents?.complete ? 'is-done' : open.length ? '' : 'is-current'}>
          Consent: senior {sharedCase.consents?.senior ? '✓' : '…'}, junior {sharedCase.consents?.junior ? '✓' : '…'}
        </li>
        <li className={sharedCase.status === 'PUBLISHED' ? 'is-done' : sharedCase.status === 'AWAITING_APPROVAL' ? 'is-current' : ''}>Programme manager's approval</li>
      </ol>
      {sharedCase.unpublishedReason && sharedCase.status === 'UNPUBLISHED' && <p className="notice notice--info">Taken down: {sharedCase.unpublishedReason}</p>}
      {sharedCase.reviewNote && sharedCase.status === 'SENT_BACK' && (
        <p className="notice notice--info" role="status">
          Sent back by a programme manager: “{sharedCase.reviewNote}” Edit the text below, then both of you consent again.
        </p>
      )}
      {sharedCase.reviewNote && sharedCase.status === 'DECLINED' && <p className="notice notice--info">Declined by a programme manager: “{sharedCase.reviewNote}”</p>}
      <ErrorSummary errors={errors} />

      {open.length > 0 && (
        <div className="redactions">
          <h3>Personal data to resolve</h3>
          <p className="muted">The assistant found these before anyone else reads the case. Accept its suggestion, write your own, or dismiss a find that is not personal data.</p>
          <ul className="plain-list">
            {open.map((r) => (
              <RedactionItem key={r.id} redaction={r} canEdit={sharedCase.viewerCanEdit} busy={busy} onAct={act} />
            ))}
          </ul>
        </div>
      )}
      {resolved.length > 0 && (
        <details className="redactions-done">
          <summary>{resolved.length} resolved</summary>
          <ul className="plain-list">
            {resolved.map((r) => (
              <li key={r.id}>
                {redactionKindLabels[r.kind]}: <s>{r.found}</s> → {r.status === 'DISMISSED' ? 'kept (not personal data)' : r.appliedReplacement}
              </li>
            ))}
          </ul>
        </details>
      )}

      {sharedCase.viewerCanEdit && <CaseTextEditor sharedCase={sharedCase} onSaved={onChanged} />}

      <div className="review-actions">
        {sharedCase.viewerCanConsent && (
          <button type="button" className="button button--primary" disabled={busy} onClick={async () => after((await consent({ variables: { input: { caseId: sharedCase.id, consent: true } } })).data?.consentToCase)}>
            I consent to publishing this text
          </button>
        )}
        {sharedCase.viewerHasConsented && (
          <button type="button" className="button button--quiet" disabled={busy} onClick={async () => after((await consent({ variables: { input: { caseId: sharedCase.id, consent: false } } })).data?.consentToCase)}>
            Withdraw my consent
          </button>
        )}
        {sharedCase.viewerCanApprove && (
          <div className="subform">
            <label className="checkbox">
              <input type="checkbox" checked={showName} onChange={(e) => setShowName(e.target.checked)} />
              <span className="checkbox__label">Show our organisation's name (otherwise only the sector shows)</span>
            </label>
            <button type="button" className="button button--primary" disabled={busy} onClick={async () => after((await approve({ variables: { input: { caseId: sharedCase.id, showOrganisationName: showName } } })).data?.approveCasePublication)}>
              Approve and publish
            </button>
          </div>
        )}
        {(sharedCase.viewerCanSendBack || sharedCase.viewerCanDecline) && (
          <div className="subform">
            <TextAreaField
              label="Reason for the co-learners"
              hint="What to change, if you send it back; why, if you decline it. They see it."
              value={reviewReason}
              rows={2}
              onChange={(e) => setReviewReason(e.target.value)}
              error={fieldError(errors, 'reason')}
            />
            {sharedCase.viewerCanSendBack && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={async () => after((await sendBack({ variables: { input: { caseId: sharedCase.id, reason: reviewReason } } })).data?.sendCaseBack)}
              >
                Send back for changes
              </button>
            )}
            {sharedCase.viewerCanDecline && (
              <button
                type="button"
                className="button button--quiet"
                disabled={busy}
                onClick={async () => after((await decline({ variables: { input: { caseId: sharedCase.id, reason: reviewReason } } })).data?.declineCase)}
              >
                Decline
              </button>
            )}
          </div>
        )}
        {sharedCase.viewerCanUnpublish && (
          <div className="subform">
            <TextField label="Reason for taking it down" value={reason} onChange={(e) => setReason(e.target.value)} required />
            <button type="button" className="button button--secondary" disabled={busy || reason.trim().length < 3} onClick={async () => after((await unpublish({ variables: { input: { caseId: sharedCase.id, reason } } })).data?.unpublishCase)}>
              Unpublish
            </button>
          </div>
        )}
      </div>
    </section>
  );
}

/** The co-learners edit the case's text before they consent; saving reads it again and asks both to consent again. */
function CaseTextEditor({ sharedCase, onSaved }: { sharedCase: CaseReviewFieldsFragment; onSaved: () => void }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState({ title: sharedCase.title, summary: sharedCase.summary, whatChanged: sharedCase.whatChanged, outcomeSummary: sharedCase.outcomeSummary });
  const [errors, setErrors] = useState<readonly UserErrorLike[]>([]);
  const [edit, { loading }] = useMutation(EditMutation);
  if (!open) {
    return (
      <p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setText({ title: sharedCase.title, summary: sharedCase.summary, whatChanged: sharedCase.whatChanged, outcomeSummary: sharedCase.outcomeSummary });
            setOpen(true);
          }}
        >
          Edit the text
        </button>
      </p>
    );
  }
  const set = (key: keyof typeof text) => (event: { target: { value: string } }) => setText({ ...text, [key]: event.target.value });
  const save = async () => {
    const payload = (await edit({ variables: { input: { caseId: sharedCase.id, ...text } } })).data?.editSharedCase;
    setErrors(payload?.userErrors ?? []);
    if (payload && payload.userErrors.length === 0) {
      setOpen(false);
      onSaved();
    }
  };
  return (
    <form
      className="subform stack"
      aria-label="Edit the case's text"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="muted">Saving reads the text for personal data again, and asks both of you to consent again.</p>
      <ErrorSummary errors={errors} />
      <TextField label="Title" value={text.title} onChange={set('title')} error={fieldError(errors, 'title')} />
      <TextAreaField label={fieldLabels.SUMMARY} value={text.summary} rows={5} onChange={set('summary')} error={fieldError(errors, 'summary')} />
      <TextAreaField label={fieldLabels.WHAT_CHANGED} value={text.whatChanged} rows={4} onChange={set('whatChanged')} error={fieldError(errors, 'whatChanged')} />
      <TextAreaField label={fieldLabels.OUTCOME} value={text.outcomeSummary} rows={4} onChange={set('outcomeSummary')} error={fieldError(errors, 'outcomeSummary')} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? 'Saving…' : 'Save the text'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type Redaction = NonNullable<CaseReviewFieldsFragment['redactions']>[number];

function RedactionItem({ redaction, canEdit, busy, onAct }: { redaction: Redaction; canEdit: boolean; busy: boolean; onAct: (id: string, action: RedactionAction, replacement?: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [replacement, setReplacement] = useState(redaction.proposedReplacement);
  return (
    <li className="redaction">
      <p>
        <span className="tag">{redactionKindLabels[redaction.kind]}</span> in <em>{fieldLabels[redaction.field]}</em>: <mark>{redaction.found}</mark>
      </p>
      <p className="redaction__context muted">{redaction.context}</p>
      {canEdit &&
        (editing ? (
          <div className="redaction__edit">
            <TextField label={`Replace “${redaction.found}” with`} value={replacement} onChange={(e) => setReplacement(e.target.value)} />
            <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => onAct(redaction.id, 'EDIT', replacement)}>
              Save
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <p className="redaction__actions">
            <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => onAct(redaction.id, 'ACCEPT')}>
              Replace with “{redaction.proposedReplacement}”
            </button>
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => onAct(redaction.id, 'DISMISS')}>
              Not personal data
            </button>
          </p>
        ))}
    </li>
  );
}
