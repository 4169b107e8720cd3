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

const isPercent = (unit?: string | null) => (unit ?? '').trim() === '%';
const NUMBER = String.raw`-?\d+(?:\.\d+)?`;

/**
 * Reads a measure value as people write it: "12", "12.5", "1,234", "12%", and, for a percentage
 * measure, "3 of 20" or "3/20" (recorded as 15%). Anything else gets a message that says which shape
 * the form wants, rather than being dropped.
 */
export function parseMeasureValue(text: string, unit?: string | null): { value: number } | { problem: string } {
  const written = text.trim().replace(/(\d),(?=\d{3}\b)/g, '$1');
  const single = new RegExp(`^(${NUMBER})\\s*(%?)$`).exec(written);
  if (single) {
    if (single[2] && unit && !isPercent(unit)) return { problem: `This measure counts ${unit}: give a number, such as 12.` };
    return { value: Number(single[1]) };
  }
  const share = new RegExp(`^(${NUMBER})\\s*(?:of|out of|/)\\s*(${NUMBER})$`, 'i').exec(written);
  if (share && isPercent(unit)) {
    const [part, whole] = [Number(share[1]), Number(share[2])];
    if (whole <= 0) return { problem: 'The number after “of” must be more than 0.' };
    return { value: Math.round((part / whole) * 10_000) / 100 };
  }
  if (share) return { problem: `Give one number${unit ? ` of ${unit}` : ''}, such as 12. (“3 of 20” works for a measure in %.)` };
  return { problem: isPercent(unit) ? 'Give a percentage, such as 12 or 12%, or a share such as “3 of 20”.' : 'Give a number, such as 12 or 12.5.' };
}

/** The hint beside a value field: the shape it takes. */
export const measureValueHint = (unit?: string | null) =>
  isPercent(unit) ? 'A percentage (12 or 12%), or a share such as “3 of 20”, recorded as 15%.' : `A number${unit ? ` of ${unit}` : ''}, such as 12 or 12.5.`;

export interface MeasureDraft {
  metric: string;
  unit: string;
  baseline: string;
  target: string;
}

export const emptyMeasure = (): MeasureDraft => ({ metric: '', unit: '', baseline: '', target: '' });

const valueOf = (text: string, unit: string) => {
  const parsed = parseMeasureValue(text, unit);
  return 'value' in parsed ? parsed.value : Number.NaN;
};

export function measureInput(drafts: readonly MeasureDraft[]) {
  return drafts
    .filter((draft) => draft.metric.trim())
    .map((draft) => ({ metric: draft.metric.trim(), unit: draft.unit.trim() || null, baseline: valueOf(draft.baseline, draft.unit), target: valueOf(draft.target, draft.unit) }));
}

/** Problems with the baselines and targets of the measures being defined, each on its field. */
export function measureDraftProblems(drafts: readonly MeasureDraft[]): UserErrorLike[] {
  const problems: UserErrorLike[] = [];
  drafts.forEach((draft, index) => {
    if (!draft.metric.trim()) return;
    for (const key of ['baseline', 'target'] as const) {
      const parsed = parseMeasureValue(draft[key], draft.unit);
      if ('problem' in parsed) problems.push({ field: ['input', 'successMeasures', String(index), key], message: `Measure ${index + 1}, ${key}: ${parsed.problem}` });
    }
  });
  return problems;
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
            <TextField label="Baseline" required hint={measureValueHint(item.unit)} value={item.baseline} onChange={(event) => update(index, { baseline: event.target.value })} error={fieldError(errors, `successMeasures.${index}.baseline`)} />
            <TextField label="Target" required hint={measureValueHint(item.unit)} value={item.target} onChange={(event) => update(index, { target: event.target.value })} error={fieldError(errors, `successMeasures.${index}.target`)} />
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
export function MeasureValues({
  measures,
  values,
  onChange,
  errors = [],
}: {
  measures: readonly Measure[];
  values: Record<string, string>;
  onChange(next: Record<string, string>): void;
  errors?: readonly UserErrorLike[];
}) {
  if (measures.length === 0) return null;
  return (
    <fieldset className="field--wide subform">
      <legend>Latest values</legend>
      <div className="form-grid">
        {measures.map((measure, index) => (
          <TextField
            key={measure.metric}
            label={measure.unit ? `${measure.metric} (${measure.unit})` : measure.metric}
            hint={`${measureValueHint(measure.unit)} Baseline ${formatMeasure(measure.baseline, measure.unit)}, target ${formatMeasure(measure.target, measure.unit)}.`}
            value={values[measure.metric] ?? ''}
            onChange={(event) => onChange({ ...values, [measure.metric]: event.target.value })}
            error={fieldError(errors, `measures.${index}.current`)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** The latest values to send (empty ones are left out), or the problems with what was written. */
export function measureValuesInput(measures: readonly Measure[], values: Record<string, string>): { input: { metric: string; current: number }[]; problems: UserErrorLike[] } {
  const input: { metric: string; current: number }[] = [];
  const problems: UserErrorLike[] = [];
  measures.forEach((measure, index) => {
    const text = values[measure.metric] ?? '';
    if (text.trim() === '') return;
    const parsed = parseMeasureValue(text, measure.unit);
    if ('value' in parsed) input.push({ metric: measure.metric, current: parsed.value });
    else problems.push({ field: ['input', 'measures', String(index), 'current'], message: `${measure.metric}: ${parsed.problem}` });
  });
  return { input, problems };
}
