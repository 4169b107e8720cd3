import { CaseTextField, type SharedCaseEntity } from './library.entity';

/** One part of a case's text that the redaction assistant reads and the authors edit. */
export interface CaseTextPart {
  field: CaseTextField;
  measureIndex: number | null;
  text: string;
}

/** Every readable part of a case's text, measures' metric names included. */
export function caseTextParts(sharedCase: SharedCaseEntity): CaseTextPart[] {
  return [
    { field: CaseTextField.TITLE, measureIndex: null, text: sharedCase.title },
    { field: CaseTextField.SUMMARY, measureIndex: null, text: sharedCase.summary },
    { field: CaseTextField.WHAT_CHANGED, measureIndex: null, text: sharedCase.whatChanged },
    { field: CaseTextField.OUTCOME, measureIndex: null, text: sharedCase.outcomeSummary },
    ...sharedCase.measures.map((m, i) => ({ field: CaseTextField.MEASURE, measureIndex: i, text: m.metric })),
  ];
}

export function caseText(sharedCase: SharedCaseEntity, field: CaseTextField, measureIndex: number | null): string | null {
  return caseTextParts(sharedCase).find((p) => p.field === field && p.measureIndex === measureIndex)?.text ?? null;
}

/** Writes one part of the text back into the entity (measures are copied, so TypeORM sees the change). */
export function setCaseText(sharedCase: SharedCaseEntity, field: CaseTextField, measureIndex: number | null, text: string): void {
  switch (field) {
    case CaseTextField.TITLE:
      sharedCase.title = text;
      return;
    case CaseTextField.SUMMARY:
      sharedCase.summary = text;
      return;
    case CaseTextField.WHAT_CHANGED:
      sharedCase.whatChanged = text;
      return;
    case CaseTextField.OUTCOME:
      sharedCase.outcomeSummary = text;
      return;
    case CaseTextField.MEASURE:
      sharedCase.measures = sharedCase.measures.map((m, i) => (i === measureIndex ? { ...m, metric: text } : m));
      return;
  }
}
