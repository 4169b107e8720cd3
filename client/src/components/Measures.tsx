import { fieldError, TextField, type UserErrorLike } from './forms';

export interface Measure {
  metric: string;
  unit?: string | null;
  baseline: number;
  target: number;
  current?: number | null;
}

export function formatMeasure(value: number | null | undefined, unit?: string | null): string {
  if (value == null) return '—';
  const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** Success measures: where it started, where it should get to, where it is. */
export function MeasuresTable({ measures, caption }: { measures: readonly Measure[]; caption: string }) {
  if (measures.length === 0) return <p className="muted">No success measures were set.</p>;
  return (
    <table className="table table--stack measures">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Baseline</th>
          <th scope="col">Target</th>
          <th scope="col">Current</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((measure) => (
          <tr key={measure.metric}>
            <th scope="row" data-label="Measure">
              {measure.metric}
            </th>
            <td data-label="Baseline">{formatMeasure(measure.baseline, measure.unit)}</td>
            <td data-label="Target">{formatMeasure(measure.target, measure.unit)}</td>
            <td data-label="Current">
              <strong>{formatMeasure(measure.current, measure.unit)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface MeasureDraft {
  metric: string;
  unit: string;
  baseline: string;
  target: string;
}

export const emptyMeasure = (): MeasureDraft => ({ metric: '', unit: '', baseline: '', target: '' });

export function measureInput(drafts: readonly MeasureDraft[]) {
  return drafts
    .filter((draft) => draft.metric.trim())
    .map((draft) => ({ metric: draft.metric.trim(), unit: draft.unit.trim() || null, baseline: Number(draft.baseline), target: Number(draft.target) }));
}

/** Defines success measures when proposing or revising a change. */
export function MeasuresEditor({ items, onChange, errors }: { items: MeasureDraft[]; onChange(next: MeasureDraft[]): void; errors: readonly UserErrorLike[] }) {
  const update = (index: number, patch: Partial<MeasureDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset className="field--wide subform">
      <legend>Success measures</legend>
      <p className="field__hint">How you will know it worked: a number now, and the number you aim for.</p>
      {items.map((item, index) => (
        <div key={index} className="repeat-row" role="group" aria-label={`Measure ${index + 1}`}>
          <div className="form-grid form-grid--measures">
            <TextField className="field--wide" label="Measure" required value={item.metric} onChange={(event) => update(index, { metric: event.target.value })} error={fieldError(errors, `successMeasures.${index}.metric`)} />
            <TextField label="Unit" hint="e.g. %, days" value={item.unit} onChange={(event) => update(index, { unit: event.target.value })} />
            <TextField label="Baseline" required inputMode="decimal" value={item.baseline} onChange={(event) => update(index, { baseline: event.target.value })} error={fieldError(errors, `successMeasures.${index}.baseline`)} />
            <TextField label="Target" required inputMode="decimal" value={item.target} onChange={(event) => update(index, { target: event.target.value })} error={fieldError(errors, `successMeasures.${index}.target`)} />
          </div>
          <button type="button" className="button button--link" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            Remove measure {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => onChange([...items, emptyMeasure()])}>
        Add a measure
      </button>
    </fieldset>
  );
}

/** Inputs for the latest values of a change's measures (when reporting progress or adoption). */
export function MeasureValues({ measures, values, onChange }: { measures: readonly Measure[]; values: Record<string, string>; onChange(next: Record<string, string>): void }) {
  if (measures.length === 0) return null;
  return (
    <fieldset className="field--wide subform">
      <legend>Latest values</legend>
      <div className="form-grid">
        {measures.map((measure) => (
          <TextField
            key={measure.metric}
            label={measure.unit ? `${measure.metric} (${measure.unit})` : measure.metric}
            hint={`Baseline ${formatMeasure(measure.baseline, measure.unit)}, target ${formatMeasure(measure.target, measure.unit)}`}
            inputMode="decimal"
            value={values[measure.metric] ?? ''}
            onChange={(event) => onChange({ ...values, [measure.metric]: event.target.value })}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function measureValuesInput(values: Record<string, string>) {
  return Object.entries(values)
    .filter(([, value]) => value.trim() !== '' && !Number.isNaN(Number(value)))
    .map(([metric, value]) => ({ metric, current: Number(value) }));
}
