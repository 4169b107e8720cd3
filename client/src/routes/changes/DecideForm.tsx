import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, RadioGroup, TextAreaField } from '../../components/forms';
import type { DecisionOutcome } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { DecideChangeMutation } from './changeFragments';

const outcomes: { value: DecisionOutcome; label: string; hint: string }[] = [
  { value: 'APPROVE', label: 'Approve', hint: 'The pair or you can start the work.' },
  { value: 'REQUEST_CHANGES', label: 'Ask for changes', hint: 'It goes back to the pair as a draft to revise and resubmit.' },
  { value: 'REJECT', label: 'Reject', hint: 'It will not go ahead. Say why, so the pair can learn from it.' },
];

/** The owner's decision on a submitted change, always with a rationale. Used on the change page and in the queue. */
export function DecideForm({ changeId, version, onDecided, onReload }: { changeId: string; version: number; onDecided?: (outcome: DecisionOutcome) => void; onReload?: () => void }) {
  const [outcome, setOutcome] = useState<DecisionOutcome | null>(null);
  const [rationale, setRationale] = useState('');
  const [decide] = useMutation(DecideChangeMutation, { refetchQueries: ['DecisionQueue', 'UnreadCount'] });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (!outcome) problems.push({ field: ['input', 'outcome'], message: 'Choose your decision.' });
    if (!rationale.trim()) problems.push({ field: ['input', 'rationale'], message: 'Give your reasons: the pair sees them, and they stay in the history.' });
    if (problems.length > 0 || !outcome) {
      action.fail(problems);
      return;
    }
    const payload = await action.run(
      () => decide({ variables: { input: { changeId, expectedVersion: version, outcome, rationale: rationale.trim() } } }),
      (data) => data.decideChange,
    );
    if (payload) onDecided?.(outcome);
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="stack decide-form" aria-label="Your decision">
      <RadioGroup<DecisionOutcome> name={`outcome-${changeId}`} legend="Decision" options={outcomes} value={outcome} onChange={setOutcome} error={fieldError(action.userErrors, 'outcome')} />
      <TextAreaField label="Rationale" required rows={4} hint="Why you decided this. The pair sees it." value={rationale} onChange={(event) => setRationale(event.target.value)} error={fieldError(action.userErrors, 'rationale')} />
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <button type="submit" className="button button--primary" disabled={action.busy}>
        {action.busy ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}
