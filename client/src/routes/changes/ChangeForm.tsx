import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField, TextField, type UserErrorLike } from '../../components/forms';
import { emptyMeasure, measureDraftProblems, MeasuresEditor, measureInput, type MeasureDraft } from '../../components/Measures';
import { memberLabel, useMembers } from '../../hooks/useMembers';
import { today } from '../../labels';

export interface ChangeFormValues {
  title: string;
  whatChanges: string;
  expectedImpact: string;
  ownerId: string;
  targetDate: string;
  measures: MeasureDraft[];
}

export const emptyChange: ChangeFormValues = { title: '', whatChanges: '', expectedImpact: '', ownerId: '', targetDate: '', measures: [emptyMeasure()] };

/** The values to send, shared by proposeChange and reviseChange. */
export function changeInput(values: ChangeFormValues) {
  return {
    title: values.title.trim(),
    whatChanges: values.whatChanges.trim(),
    expectedImpact: values.expectedImpact.trim(),
    ownerId: values.ownerId,
    targetDate: values.targetDate,
    successMeasures: measureInput(values.measures),
  };
}

function check(values: ChangeFormValues): UserErrorLike[] {
  const problems: UserErrorLike[] = [];
  if (!values.title.trim()) problems.push({ field: ['input', 'title'], message: 'Give the change a short title.' });
  if (!values.whatChanges.trim()) problems.push({ field: ['input', 'whatChanges'], message: 'Say what policy or process changes, and how.' });
  if (!values.expectedImpact.trim()) problems.push({ field: ['input', 'expectedImpact'], message: 'Say what difference you expect it to make.' });
  if (!values.ownerId) problems.push({ field: ['input', 'ownerId'], message: 'Choose the owner who can make this change.' });
  if (!values.targetDate) problems.push({ field: ['input', 'targetDate'], message: 'Choose a target date.' });
  problems.push(...measureDraftProblems(values.measures));
  return problems;
}

/** The fields of a change proposal, for proposing one or revising a draft. */
export function ChangeForm({
  organisationId,
  initial,
  submitLabel,
  busyLabel,
  busy,
  userErrors,
  problem,
  onSubmit,
  onCancel,
  onReload,
  onInvalid,
}: {
  organisationId: string;
  initial: ChangeFormValues;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  userErrors: readonly UserErrorLike[];
  problem: Error | null;
  onSubmit(values: ChangeFormValues): void;
  onCancel?: () => void;
  onReload?: () => void;
  onInvalid(problems: UserErrorLike[]): void;
}) {
  const [values, setValues] = useState(initial);
  const owners = useMembers(organisationId, ['OWNER']);
  const set = (key: 'title' | 'whatChanges' | 'expectedImpact' | 'ownerId' | 'targetDate') => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = check(values);
    if (problems.length > 0) onInvalid(problems);
    else onSubmit(values);
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form-grid">
      <TextField className="field--wide" label="Title" required maxLength={200} value={values.title} onChange={set('title')} error={fieldError(userErrors, 'title')} />
      <TextAreaField className="field--wide" label="What changes" required rows={4} hint="Which policy or process changes, and how." value={values.whatChanges} onChange={set('whatChanges')} error={fieldError(userErrors, 'whatChanges')} />
      <TextAreaField className="field--wide" label="Expected impact" required rows={3} hint="The difference it should make, and for whom." value={values.expectedImpact} onChange={set('expectedImpact')} error={fieldError(userErrors, 'expectedImpact')} />
      <SelectField label="Owner" required value={values.ownerId} onChange={set('ownerId')} error={fieldError(userErrors, 'ownerId')} disabled={owners.loading}>
        <option value="">{owners.loading ? 'Loading owners…' : 'Choose who decides and makes it happen'}</option>
        {owners.members.map((member) => (
          <option key={member.person.id} value={member.person.id}>
            {memberLabel(member)}
          </option>
        ))}
      </SelectField>
      <TextField label="Target date" type="date" required min={today()} value={values.targetDate} onChange={set('targetDate')} error={fieldError(userErrors, 'targetDate')} />
      <MeasuresEditor items={values.measures} onChange={(measures) => setValues((current) => ({ ...current, measures }))} errors={userErrors} />
      <div className="field--wide">
        <FormProblems userErrors={userErrors} problem={problem ?? owners.error ?? null} onReload={onReload} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? busyLabel : submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button button--link" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
