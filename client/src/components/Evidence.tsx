import type { EvidenceKind } from '../gql/graphql';
import { evidenceKindLabels } from '../labels';
import { fieldError, SelectField, TextField, type UserErrorLike } from './forms';

export interface EvidenceItem {
  kind: EvidenceKind;
  text: string;
  url?: string | null;
  value?: number | null;
  unit?: string | null;
}

function formatFigure(value: number, unit?: string | null) {
  const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/** Evidence as read: figures stand out, links open the document. */
export function EvidenceList({ items }: { items: readonly EvidenceItem[] }) {
  if (items.length === 0) return <p className="muted">No evidence was added.</p>;
  return (
    <ul className="evidence">
      {items.map((item, index) => (
        <li key={index} className={`evidence__item evidence__item--${item.kind.toLowerCase()}`}>
          <span className="evidence__kind">{evidenceKindLabels[item.kind]}</span>
          {item.kind === 'FIGURE' && item.value != null && <span className="evidence__figure">{formatFigure(item.value, item.unit)}</span>}
          {item.kind === 'LINK' && item.url ? (
            <a href={item.url} target="_blank" rel="noreferrer noopener">
              {item.text}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : (
            <span>{item.text}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Evidence while it is being written: strings, so half-typed numbers survive. */
export interface EvidenceDraft {
  kind: EvidenceKind;
  text: string;
  url: string;
  value: string;
  unit: string;
}

export const emptyEvidence = (kind: EvidenceKind = 'TEXT'): EvidenceDraft => ({ kind, text: '', url: '', value: '', unit: '' });

/** Drafts → API input; blank rows are dropped. */
export function evidenceInput(drafts: readonly EvidenceDraft[]) {
  return drafts
    .filter((draft) => draft.text.trim() || draft.url.trim() || draft.value.trim())
    .map((draft) => ({
      kind: draft.kind,
      text: draft.text.trim(),
      url: draft.kind === 'LINK' ? draft.url.trim() || null : null,
      value: draft.kind === 'FIGURE' && draft.value.trim() !== '' ? Number(draft.value) : null,
      unit: draft.kind === 'FIGURE' ? draft.unit.trim() || null : null,
    }));
}

/** Add, edit and remove evidence items of three kinds. */
export function EvidenceEditor({ items, onChange, errors, path = 'evidence' }: { items: EvidenceDraft[]; onChange(next: EvidenceDraft[]): void; errors: readonly UserErrorLike[]; path?: string }) {
  const update = (index: number, patch: Partial<EvidenceDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset className="field--wide subform">
      <legend>Evidence</legend>
      <p className="field__hint">What you have seen, a link to a document, or a figure. Evidence is what makes a barrier hard to ignore.</p>
      {items.map((item, index) => (
        <div key={index} className="repeat-row" role="group" aria-label={`Evidence ${index + 1}`}>
          <div className="form-grid form-grid--tight">
            <SelectField label="Kind" value={item.kind} onChange={(event) => update(index, { kind: event.target.value as EvidenceKind })}>
              {(Object.keys(evidenceKindLabels) as EvidenceKind[]).map((kind) => (
                <option key={kind} value={kind}>
                  {evidenceKindLabels[kind]}
                </option>
              ))}
            </SelectField>
            <TextField
              label={item.kind === 'FIGURE' ? 'What the figure shows' : item.kind === 'LINK' ? 'What the document shows' : 'What you saw'}
              required
              value={item.text}
              onChange={(event) => update(index, { text: event.target.value })}
              error={fieldError(errors, `${path}.${index}.text`)}
            />
            {item.kind === 'LINK' && (
              <TextField label="Link" type="url" required inputMode="url" placeholder="https://" value={item.url} onChange={(event) => update(index, { url: event.target.value })} error={fieldError(errors, `${path}.${index}.url`)} />
            )}
            {item.kind === 'FIGURE' && (
              <>
                <TextField label="Value" required inputMode="decimal" value={item.value} onChange={(event) => update(index, { value: event.target.value })} error={fieldError(errors, `${path}.${index}.value`)} />
                <TextField label="Unit" hint="e.g. %, days, applicants" value={item.unit} onChange={(event) => update(index, { unit: event.target.value })} />
              </>
            )}
          </div>
          <button type="button" className="button button--link" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            Remove evidence {index + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={() => onChange([...items, emptyEvidence()])}>
        Add evidence
      </button>
    </fieldset>
  );
}
