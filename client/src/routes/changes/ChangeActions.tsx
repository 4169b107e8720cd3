import { useMutation } from '@apollo/client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField, TextField } from '../../components/forms';
import { MeasureValues, measureValuesInput } from '../../components/Measures';
import type { ChangeDetailFragment } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { memberLabel, useMembers } from '../../hooks/useMembers';
import { formatDay, sponsorReasonLabels, today } from '../../labels';
import {
  AdoptChangeMutation,
  ConfirmAdoptionMutation,
  DeclineAdoptionMutation,
  ReassignChangeOwnerMutation,
  ReportProgressMutation,
  ReviseChangeMutation,
  StartChangeMutation,
  SubmitChangeMutation,
  WithdrawChangeMutation,
} from './changeFragments';
import { ChangeForm, changeInput } from './ChangeForm';
import { DecideForm } from './DecideForm';

type Panel = 'revise' | 'progress' | 'adopt' | 'decline' | 'withdraw' | 'reassign' | null;

const refetchAfterAction = ['DecisionQueue', 'UnreadCount', 'Changes', 'Barrier'];

/** The workflow actions this viewer may take now (from the viewerCan… fields), and nothing else. */
export function ChangeActions({ change, onReload }: { change: ChangeDetailFragment; onReload(): void }) {
  const [panel, setPanel] = useState<Panel>(null);
  const [done, setDone] = useState<string | null>(null);
  const simple = useFormAction();
  const [submit] = useMutation(SubmitChangeMutation, { refetchQueries: refetchAfterAction });
  const [start] = useMutation(StartChangeMutation, { refetchQueries: refetchAfterAction });
  const [confirm] = useMutation(ConfirmAdoptionMutation, { refetchQueries: [...refetchAfterAction, 'Barriers', 'AdoptionsToConfirm'] });
  const expected = { changeId: change.id, expectedVersion: change.version };

  const any =
    change.viewerCanRevise ||
    change.viewerCanSubmit ||
    change.viewerCanDecide ||
    change.viewerCanStart ||
    change.viewerCanReportProgress ||
    change.viewerCanAdopt ||
    change.viewerCanConfirmAdoption ||
    change.viewerCanWithdraw ||
    change.viewerCanReassignOwner;

  const finish = (message: string) => {
    setPanel(null);
    setDone(message);
  };

  // A live region that is always there, so screen readers announce what just happened.
  const status = (
    <div role="status">
      {done && (
        <div className="notice notice--success">
          <p>{done}</p>
        </div>
      )}
    </div>
  );

  if (!any) {
    return (
      <section className="card" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Next step</h2>
        {status}
        <p className="muted">{waitingFor(change)}</p>
      </section>
    );
  }

  return (
    <section className="card card--accent actions-card" aria-labelledby="actions-heading" id="actions">
      <h2 id="actions-heading">{change.viewerCanDecide ? 'Your decision' : 'What you can do'}</h2>
      {status}

      {change.viewerCanDecide && (
        <>
          <p>
            {change.pair ? `${change.pair.senior.displayName} and ${change.pair.junior.displayName} ask` : 'A co-learning pair asks'} you to decide this change
            {change.decisionDueOn && ` by ${formatDay(change.decisionDueOn)}`}.
          </p>
          <DecideForm changeId={change.id} version={change.version} onReload={onReload} onDecided={() => setDone('Your decision is recorded; the pair has been told.')} />
        </>
      )}

      {change.viewerCanConfirmAdoption && panel === null && (
        <p>
          {change.adoptionConfirmation?.confirmer === 'SPONSOR'
            ? `As a sponsor, you are asked to confirm this adoption: ${sponsorReasonLabels[change.adoptionConfirmation.reason ?? 'CONFLICT_OF_INTEREST']}.`
            : 'You are asked to confirm that this change is adopted: check the evidence below.'}
        </p>
      )}

      {panel === null && (
        <div className="actions">
          {change.viewerCanConfirmAdoption && (
            <button
              type="button"
              className="button button--primary"
              disabled={simple.busy}
              onClick={async () => {
                const payload = await simple.run(() => confirm({ variables: { input: expected } }), (data) => data.confirmAdoption);
                if (payload) finish('Adoption confirmed. The barrier is marked addressed, and the reviews are scheduled.');
              }}
            >
              Confirm adoption
            </button>
          )}
          {change.viewerCanConfirmAdoption && (
            <button type="button" className="button button--secondary" onClick={() => setPanel('decline')}>
              Not yet: send back
            </button>
          )}
          {change.viewerCanSubmit && (
            <button
              type="button"
              className="button button--primary"
              disabled={simple.busy}
              onClick={async () => {
                const payload = await simple.run(() => submit({ variables: { input: expected } }), (data) => data.submitChange);
                if (payload) finish(`Submitted to ${change.owner.displayName} for a decision.`);
              }}
            >
              Submit to {change.owner.displayName}
            </button>
          )}
          {change.viewerCanStart && (
            <button
              type="button"
              className="button button--primary"
              disabled={simple.busy}
              onClick={async () => {
                const payload = await simple.run(() => start({ variables: { input: expected } }), (data) => data.startChange);
                if (payload) finish('Work has started. Report progress as it goes.');
              }}
            >
              Start work
            </button>
          )}
          {change.viewerCanReportProgress && (
            <button type="button" className="button button--primary" onClick={() => setPanel('progress')}>
              Report progress
            </button>
          )}
          {change.viewerCanAdopt && (
            <button type="button" className="button button--secondary" onClick={() => setPanel('adopt')}>
              Put forward for adoption
            </button>
          )}
          {change.viewerCanRevise && (
            <button type="button" className="button button--secondary" onClick={() => setPanel('revise')}>
              Edit proposal
            </button>
          )}
          {change.viewerCanReassignOwner && (
            <button type="button" className="button button--secondary" onClick={() => setPanel('reassign')}>
              Hand to another owner
            </button>
          )}
          {change.viewerCanWithdraw && (
            <button type="button" className="button button--danger-quiet" onClick={() => setPanel('withdraw')}>
              Withdraw
            </button>
          )}
        </div>
      )}
      {panel === null && (
        <FormProblems
          userErrors={simple.userErrors}
          problem={simple.problem}
          onReload={() => {
            simple.reset();
            onReload();
          }}
        />
      )}

      {panel === 'revise' && <ReviseForm change={change} onDone={() => finish('Your changes are saved.')} onCancel={() => setPanel(null)} onReload={onReload} />}
      {panel === 'progress' && <ProgressForm change={change} onDone={() => finish('Progress reported.')} onCancel={() => setPanel(null)} onReload={onReload} />}
      {panel === 'adopt' && (
        <AdoptForm change={change} onDone={() => finish('Put forward for adoption: it is adopted once confirmed by the owner, or by a sponsor where the owner has a conflict of interest.')} onCancel={() => setPanel(null)} onReload={onReload} />
      )}
      {panel === 'decline' && <DeclineAdoptionForm change={change} onDone={() => finish('Sent back to in progress; the pair has been told why.')} onCancel={() => setPanel(null)} onReload={onReload} />}
      {panel === 'reassign' && (
        <ReassignOwnerForm change={change} onDone={(owner) => finish(`${owner} now owns this change; they, ${change.owner.displayName} and the pair have been told.`)} onCancel={() => setPanel(null)} onReload={onReload} />
      )}
      {panel === 'withdraw' && <WithdrawForm change={change} onDone={() => finish('The change is withdrawn.')} onCancel={() => setPanel(null)} onReload={onReload} />}
    </section>
  );
}

function waitingFor(change: ChangeDetailFragment): string {
  switch (change.status) {
    case 'DRAFT':
      return 'A draft: the pair that proposed it can edit it and submit it to the owner.';
    case 'SUBMITTED':
      return `Waiting for ${change.owner.displayName}'s decision${change.decisionDueOn ? `, due ${formatDay(change.decisionDueOn)}` : ''}.`;
    case 'APPROVED':
      return 'Approved: the owner or the pair can start the work.';
    case 'IN_PROGRESS':
      return 'In progress: the owner and the pair report progress and put it forward for adoption.';
    case 'ADOPTION_REQUESTED':
      return change.adoptionConfirmation?.confirmer === 'SPONSOR'
        ? `Put forward for adoption: a sponsor confirms it, because ${sponsorReasonLabels[change.adoptionConfirmation.reason ?? 'CONFLICT_OF_INTEREST']}.`
        : `Put forward for adoption: waiting for ${change.owner.displayName} to confirm it.`;
    case 'ADOPTED':
      return 'Adopted: its owner reviews it at the scheduled months to confirm it is still in force.';
    case 'REJECTED':
      return 'Rejected: it will not go ahead.';
    case 'WITHDRAWN':
      return 'Withdrawn by the pair.';
    default:
      return '';
  }
}

interface PanelProps {
  change: ChangeDetailFragment;
  onDone(): void;
  onCancel(): void;
  onReload(): void;
}

function PanelForm({ title, children, onSubmit }: { title: string; children: ReactNode; onSubmit(event: FormEvent): void }) {
  return (
    <form onSubmit={onSubmit} noValidate className="panel-form" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </form>
  );
}

export function Buttons({ busy, label, busyLabel, onCancel }: { busy: boolean; label: string; busyLabel: string; onCancel(): void }) {
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button--link" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function ReviseForm({ change, onDone, onCancel, onReload }: PanelProps) {
  const [revise] = useMutation(ReviseChangeMutation, { refetchQueries: ['Changes'] });
  const action = useFormAction();
  return (
    <div className="panel-form">
      <h3>Edit proposal</h3>
      <ChangeForm
        organisationId={change.barrier.organisation.id}
        initial={{
          title: change.title,
          whatChanges: change.whatChanges,
          expectedImpact: change.expectedImpact,
          ownerId: change.owner.id,
          targetDate: change.targetDate,
          measures: change.successMeasures.map((m) => ({ metric: m.metric, unit: m.unit ?? '', baseline: String(m.baseline), target: String(m.target) })),
        }}
        submitLabel="Save changes"
        busyLabel="Saving…"
        busy={action.busy}
        userErrors={action.userErrors}
        problem={action.problem}
        onInvalid={action.fail}
        onCancel={onCancel}
        onReload={onReload}
        onSubmit={async (values) => {
          const payload = await action.run(
            () => revise({ variables: { input: { changeId: change.id, expectedVersion: change.version, ...changeInput(values) } } }),
            (data) => data.reviseChange,
          );
          if (payload) onDone();
        }}
      />
    </div>
  );
}

function ProgressForm({ change, onDone, onCancel, onReload }: PanelProps) {
  const [progress, setProgress] = useState(String(change.progress));
  const [note, setNote] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(change.successMeasures.map((m) => [m.metric, m.current == null ? '' : String(m.current)])),
  );
  const [report] = useMutation(ReportProgressMutation, { refetchQueries: ['Changes'] });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const value = Number(progress);
    const problems = [];
    if (progress.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) problems.push({ field: ['input', 'progress'], message: 'Progress is a whole number from 0 to 100.' });
    if (!note.trim()) problems.push({ field: ['input', 'note'], message: 'Say what has happened since the last report.' });
    const measures = measureValuesInput(change.successMeasures, values);
    problems.push(...measures.problems);
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () =>
        report({
          variables: { input: { changeId: change.id, expectedVersion: change.version, progress: value, note: note.trim(), measures: measures.input } },
        }),
      (data) => data.reportChangeProgress,
    );
    if (payload) onDone();
  }

  return (
    <PanelForm title="Report progress" onSubmit={handleSubmit}>
      <div className="form-grid">
        <TextField label="Progress (%)" required type="number" min={0} max={100} step={1} inputMode="numeric" value={progress} onChange={(event) => setProgress(event.target.value)} error={fieldError(action.userErrors, 'progress')} />
        <TextAreaField className="field--wide" label="What has happened" required rows={3} value={note} onChange={(event) => setNote(event.target.value)} error={fieldError(action.userErrors, 'note')} />
        <MeasureValues measures={change.successMeasures} values={values} onChange={setValues} errors={action.userErrors} />
      </div>
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <Buttons busy={action.busy} label="Report progress" busyLabel="Reporting…" onCancel={onCancel} />
    </PanelForm>
  );
}

function AdoptForm({ change, onDone, onCancel, onReload }: PanelProps) {
  const [policy, setPolicy] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [link, setLink] = useState('');
  const [summary, setSummary] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(change.successMeasures.map((m) => [m.metric, m.current == null ? '' : String(m.current)])),
  );
  const [adopt] = useMutation(AdoptChangeMutation, { refetchQueries: ['Changes', 'Barrier', 'Barriers'] });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (!policy.trim()) problems.push({ field: ['input', 'evidence', 'policyOrProcess'], message: 'Name the policy or process that changed.' });
    if (!effectiveFrom) problems.push({ field: ['input', 'evidence', 'effectiveFrom'], message: 'Say from when it applies.' });
    const measures = measureValuesInput(change.successMeasures, values);
    problems.push(...measures.problems);
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () =>
        adopt({
          variables: {
            input: {
              changeId: change.id,
              expectedVersion: change.version,
              evidence: { policyOrProcess: policy.trim(), effectiveFrom, link: link.trim() || null, summary: summary.trim() || null },
              measures: measures.input,
            },
          },
        }),
      (data) => data.adoptChange,
    );
    if (payload) onDone();
  }

  return (
    <PanelForm title="Put forward for adoption" onSubmit={handleSubmit}>
      <p className="muted">The evidence that the change is real: what changed, from when, and where to see it. The owner (or a sponsor, where the owner has a conflict of interest) confirms it.</p>
      <div className="form-grid">
        <TextField className="field--wide" label="Policy or process that changed" required value={policy} onChange={(event) => setPolicy(event.target.value)} error={fieldError(action.userErrors, 'evidence.policyOrProcess')} />
        <TextField label="Effective from" type="date" required value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.target.value)} error={fieldError(action.userErrors, 'evidence.effectiveFrom')} />
        <TextField label="Link to the policy" type="url" inputMode="url" placeholder="https://" value={link} onChange={(event) => setLink(event.target.value)} error={fieldError(action.userErrors, 'evidence.link')} />
        <TextAreaField className="field--wide" label="Summary" rows={3} value={summary} onChange={(event) => setSummary(event.target.value)} error={fieldError(action.userErrors, 'evidence.summary')} />
        <MeasureValues measures={change.successMeasures} values={values} onChange={setValues} errors={action.userErrors} />
      </div>
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <Buttons busy={action.busy} label="Put forward for adoption" busyLabel="Saving…" onCancel={onCancel} />
    </PanelForm>
  );
}

function DeclineAdoptionForm({ change, onDone, onCancel, onReload }: PanelProps) {
  const [reason, setReason] = useState('');
  const [decline] = useMutation(DeclineAdoptionMutation, { refetchQueries: ['Changes'] });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 5) return action.fail([{ field: ['input', 'reason'], message: 'Say why the adoption is not confirmed yet.' }]);
    const payload = await action.run(
      () => decline({ variables: { input: { changeId: change.id, expectedVersion: change.version, reason: reason.trim() } } }),
      (data) => data.declineAdoption,
    );
    if (payload) onDone();
  }

  return (
    <PanelForm title="Send back: not adopted yet" onSubmit={handleSubmit}>
      <TextAreaField label="What is missing" hint="The pair and the owner read it; it stays in the history." required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={fieldError(action.userErrors, 'reason')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <Buttons busy={action.busy} label="Send back" busyLabel="Sending…" onCancel={onCancel} />
    </PanelForm>
  );
}

function WithdrawForm({ change, onDone, onCancel, onReload }: PanelProps) {
  const [reason, setReason] = useState('');
  const [withdraw] = useMutation(WithdrawChangeMutation, { refetchQueries: ['Changes', 'DecisionQueue'] });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      action.fail([{ field: ['input', 'reason'], message: 'Say why you are withdrawing it.' }]);
      return;
    }
    const payload = await action.run(
      () => withdraw({ variables: { input: { changeId: change.id, expectedVersion: change.version, reason: reason.trim() } } }),
      (data) => data.withdrawChange,
    );
    if (payload) onDone();
  }

  return (
    <PanelForm title="Withdraw this change" onSubmit={handleSubmit}>
      <p className="muted">A withdrawn change stops for good; it stays in the history.</p>
      <TextAreaField label="Reason" required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={fieldError(action.userErrors, 'reason')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <Buttons busy={action.busy} label="Withdraw change" busyLabel="Withdrawing…" onCancel={onCancel} />
    </PanelForm>
  );
}

/** For programme managers: the owner left or changed jobs, so someone else decides and leads it. */
function ReassignOwnerForm({ change, onDone, onCancel, onReload }: Omit<PanelProps, 'onDone'> & { onDone(owner: string): void }) {
  const owners = useMembers(change.barrier.organisation.id, ['OWNER']).members.filter((member) => member.person.id !== change.owner.id);
  const [ownerId, setOwnerId] = useState('');
  const [reason, setReason] = useState('');
  const [reassign] = useMutation(ReassignChangeOwnerMutation, { refetchQueries: refetchAfterAction });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const missing = [
      ...(ownerId ? [] : [{ field: ['input', 'ownerId'], message: 'Choose who owns it from now on.' }]),
      ...(reason.trim() ? [] : [{ field: ['input', 'reason'], message: 'Say why it has a new owner.' }]),
    ];
    if (missing.length) return action.fail(missing);
    const input = { changeId: change.id, expectedVersion: change.version, ownerId, reason: reason.trim() };
    const payload = await action.run(() => reassign({ variables: { input } }), (data) => data.reassignChangeOwner);
    if (payload?.change) onDone(payload.change.owner.displayName);
  }

  return (
    <PanelForm title="Hand this change to another owner" onSubmit={handleSubmit}>
      <p className="muted">
        {change.owner.displayName} owns it now. The new owner decides it (if it is waiting for a decision) and leads it to adoption.
      </p>
      <SelectField label="New owner" required value={ownerId} onChange={(event) => setOwnerId(event.target.value)} error={fieldError(action.userErrors, 'ownerId')}>
        <option value="">Choose an owner</option>
        {owners.map((member) => (
          <option key={member.person.id} value={member.person.id}>
            {memberLabel(member)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label="Reason" hint="The pair and both owners see it, and it stays in the history." required rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={fieldError(action.userErrors, 'reason')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <Buttons busy={action.busy} label="Hand over" busyLabel="Handing over…" onCancel={onCancel} />
    </PanelForm>
  );
}
