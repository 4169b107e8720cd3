import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, SelectField, TextAreaField, TextField, type UserErrorLike } from '../../components/forms';
import type { useFormAction } from '../../hooks/useFormAction';
import type { Cadence } from '../../gql/graphql';
import { allCadences, cadenceLabels } from '../../labels';

export interface ProgrammeValues {
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  cadence: Cadence;
}

export const emptyProgramme: ProgrammeValues = { name: '', description: '', startsOn: '', endsOn: '', cadence: 'MONTHLY' };

/** What the browser can check before sending a programme (the server checks it again). */
export function programmeProblems(values: ProgrammeValues): UserErrorLike[] {
  const problems: UserErrorLike[] = [];
  if (!values.name.trim()) problems.push({ field: ['input', 'name'], message: 'Give the programme a name.' });
  if (!values.startsOn) problems.push({ field: ['input', 'startsOn'], message: 'Choose the first day.' });
  if (!values.endsOn) problems.push({ field: ['input', 'endsOn'], message: 'Choose the last day.' });
  if (values.startsOn && values.endsOn && values.endsOn <= values.startsOn) problems.push({ field: ['input', 'endsOn'], message: 'The last day must be after the first.' });
  return problems;
}

export const programmeInput = (values: ProgrammeValues) => ({
  name: values.name.trim(),
  description: values.description.trim(),
  startsOn: values.startsOn,
  endsOn: values.endsOn,
  sessionCadence: values.cadence,
});

/**
 * Planning a programme and correcting it: the fields, checked in the browser first, then `save`
 * (which runs the mutation through `action`).
 */
export function ProgrammeForm({
  initial,
  action,
  save,
  submitLabel,
  busyLabel,
  onCancel,
}: {
  initial: ProgrammeValues;
  action: ReturnType<typeof useFormAction>;
  save(values: ProgrammeValues): Promise<unknown>;
  submitLabel: string;
  busyLabel: string;
  onCancel?(): void;
}) {
  const [values, setValues] = useState(initial);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = programmeProblems(values);
    if (problems.length > 0) {
      action.fail(problems);
      return;
    }
    await save(values);
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="form-grid">
      <ProgrammeFields values={values} onChange={setValues} errors={action.userErrors} />
      <div className="field--wide">
        <FormProblems userErrors={action.userErrors} problem={action.problem} />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {action.busy ? busyLabel : submitLabel}
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

/** Name, description, dates and cadence: planning a programme and correcting it share these fields. */
function ProgrammeFields({ values, onChange, errors }: { values: ProgrammeValues; onChange(next: ProgrammeValues): void; errors: readonly UserErrorLike[] }) {
  const set = (key: keyof ProgrammeValues) => (event: { target: { value: string } }) => onChange({ ...values, [key]: event.target.value });
  return (
    <>
      <TextField className="field--wide" label="Name" required value={values.name} onChange={set('name')} error={fieldError(errors, 'name')} placeholder="e.g. 2027 Reciprocal Mentoring Cohort" />
      <TextAreaField className="field--wide" label="Description" rows={2} value={values.description} onChange={set('description')} error={fieldError(errors, 'description')} />
      <TextField label="First day" type="date" required value={values.startsOn} onChange={set('startsOn')} error={fieldError(errors, 'startsOn')} />
      <TextField label="Last day" type="date" required value={values.endsOn} onChange={set('endsOn')} error={fieldError(errors, 'endsOn')} />
      <SelectField label="Sessions" value={values.cadence} onChange={set('cadence')}>
        {allCadences.map((value) => (
          <option key={value} value={value}>
            {cadenceLabels[value]}
          </option>
        ))}
      </SelectField>
    </>
  );
}
