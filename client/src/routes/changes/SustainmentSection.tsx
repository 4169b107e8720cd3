import { useMutation } from '@apollo/client';
import { useState, type FormEvent } from 'react';
import { FormProblems } from '../../components/FormProblems';
import { fieldError, RadioGroup, TextAreaField } from '../../components/forms';
import { MeasureSeriesChart } from '../../components/MeasureSeriesChart';
import { MeasureValues, measureValuesInput } from '../../components/Measures';
import { Flag } from '../../components/StatusBadge';
import type { ChangeDetailFragment, SustainmentState } from '../../gql/graphql';
import { useFormAction } from '../../hooks/useFormAction';
import { formatDay } from '../../labels';
import { Buttons } from './ChangeActions';
import { RecordSustainmentReviewMutation } from './changeFragments';

export const sustainmentStateLabels: Record<SustainmentState, string> = {
  AWAITING_REVIEW: 'Adopted; first review to come',
  IN_FORCE: 'Still in force',
  REVIEW_MISSED: 'Review missed',
  LAPSED: 'No longer in force',
};

type Sustainment = NonNullable<ChangeDetailFragment['sustainment']>;

/** After adoption: is it still in force? The reviews, the owner's form for the next one, and each measure over time. */
export function SustainmentSection({ change, onReload }: { change: ChangeDetailFragment; onReload(): void }) {
  const s = change.sustainment;
  const [recording, setRecording] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  if (!s) return null;
  return (
    <>
      <section className="card" aria-labelledby="sustainment-heading" id="sustainment">
        <div className="title-row">
          <h2 id="sustainment-heading">Still in force?</h2>
          {s.state === 'REVIEW_MISSED' || s.state === 'LAPSED' ? <Flag>{sustainmentStateLabels[s.state]}</Flag> : <span className="badge">{sustainmentStateLabels[s.state]}</span>}
        </div>
        <div role="status">{done && <p className="notice notice--success">{done}</p>}</div>
        <p className="muted">
          {s.nextReviewDueOn
            ? `${change.owner.displayName} confirms at each review that the change is still in force, and records the measures. Next review due ${formatDay(s.nextReviewDueOn)}.`
            : s.state === 'LAPSED'
              ? 'A review found the change no longer in force; its barrier is open again.'
              : 'Every scheduled review is recorded.'}
        </p>
        <ReviewList reviews={s.reviews} />
        {change.viewerCanRecordReview && !recording && (
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => setRecording(true)}>
              Record a review
            </button>
          </div>
        )}
        {recording && (
          <ReviewForm
            change={change}
            onCancel={() => setRecording(false)}
            onReload={onReload}
            onDone={(inForce) => {
              setRecording(false);
              setDone(inForce ? 'Review recorded: still in force.' : 'Review recorded. The barrier is open again and the pair has been told.');
            }}
          />
        )}
      </section>
      {s.measures.map((series) => (
        <MeasureSeriesChart key={series.metric} series={series} />
      ))}
    </>
  );
}

function ReviewList({ reviews }: { reviews: Sustainment['reviews'] }) {
  if (reviews.length === 0) return null;
  return (
    <ul className="review-list" aria-label="Sustainment reviews">
      {reviews.map((r) => {
        const tone = r.inForce === true ? 'review--in-force' : r.inForce === false ? 'review--lapsed' : r.isMissed ? 'review--missed' : '';
        return (
          <li key={r.months} className={tone}>
            <strong>{r.months}-month review</strong> (due {formatDay(r.dueOn)}):{' '}
            {r.recordedOn
              ? `${r.inForce ? 'in force' : 'no longer in force'}, recorded ${formatDay(r.recordedOn)}`
              : r.isCancelled
                ? 'not held: the change had lapsed'
                : r.isMissed
                  ? 'missed: not recorded by its due day'
                  : 'to come'}
            {r.note && <p className="prose">{r.note}</p>}
          </li>
        );
      })}
    </ul>
  );
}

function ReviewForm({ change, onDone, onCancel, onReload }: { change: ChangeDetailFragment; onDone(inForce: boolean): void; onCancel(): void; onReload(): void }) {
  const next = change.sustainment!.reviews.find((r) => !r.recordedOn && !r.isCancelled);
  const [inForce, setInForce] = useState<'yes' | 'no' | ''>('');
  const [note, setNote] = useState('');
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(change.successMeasures.map((m) => [m.metric, ''])));
  const [record] = useMutation(RecordSustainmentReviewMutation, { refetchQueries: ['Changes', 'Barrier', 'UnreadCount'] });
  const action = useFormAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const problems = [];
    if (!inForce) problems.push({ field: ['input', 'inForce'], message: 'Say whether the change is still in force.' });
    if (inForce === 'no' && note.trim().length < 5) problems.push({ field: ['input', 'note'], message: 'Say why the change is no longer in force.' });
    const measures = measureValuesInput(change.successMeasures, values);
    problems.push(...measures.problems);
    if (problems.length) return action.fail(problems);
    const input = { changeId: change.id, expectedVersion: change.version, inForce: inForce === 'yes', note: note.trim() || null, measures: measures.input };
    const payload = await action.run(() => record({ variables: { input } }), (data) => data.recordSustainmentReview);
    if (payload) onDone(inForce === 'yes');
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="panel-form" aria-label="Record a review">
      <h3>{next ? `${next.months}-month review` : 'Review'}</h3>
      <RadioGroup
        legend="Is the change still in force?"
        name="in-force"
        value={inForce || null}
        onChange={(next) => setInForce(next as 'yes' | 'no')}
        error={fieldError(action.userErrors, 'inForce')}
        options={[
          { value: 'yes', label: 'Yes, still in force' },
          { value: 'no', label: 'No longer in force', hint: 'Its barrier is reopened and the pair is told.' },
        ]}
      />
      <div className="form-grid">
        <MeasureValues measures={change.successMeasures} values={values} onChange={setValues} errors={action.userErrors} />
        <TextAreaField className="field--wide" label={inForce === 'no' ? 'Why it is no longer in force' : 'Note'} required={inForce === 'no'} rows={3} value={note} onChange={(event) => setNote(event.target.value)} error={fieldError(action.userErrors, 'note')} />
      </div>
      <FormProblems userErrors={action.userErrors} problem={action.problem} onReload={onReload} />
      <Buttons busy={action.busy} label="Record review" busyLabel="Recording…" onCancel={onCancel} />
    </form>
  );
}
