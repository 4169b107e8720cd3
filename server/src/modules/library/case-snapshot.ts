import { type BarrierEntity, type Evidence, EvidenceKind } from '../barrier/barrier.entity';
import { ChangeStatus, type ChangeEntity, type DecisionEntity, DecisionOutcome, type SuccessMeasure } from '../change/change.entity';
import { CaseOutcome } from './library.entity';

/** The text of a case as it is first drafted from its barrier, changes and decisions. */
export interface CaseSnapshot {
  title: string;
  summary: string;
  whatChanged: string;
  outcomeSummary: string;
  measures: SuccessMeasure[];
  outcome: CaseOutcome;
}

/** Changes that can be part of a case: proposed at least, and not withdrawn. */
export const SHAREABLE_CHANGE_STATUSES = [
  ChangeStatus.SUBMITTED,
  ChangeStatus.APPROVED,
  ChangeStatus.REJECTED,
  ChangeStatus.IN_PROGRESS,
  ChangeStatus.ADOPTION_REQUESTED,
  ChangeStatus.ADOPTED,
];

/** The furthest any of the changes got. */
export function outcomeOf(changes: Pick<ChangeEntity, 'status'>[]): CaseOutcome {
  const has = (status: ChangeStatus) => changes.some((c) => c.status === status);
  if (has(ChangeStatus.ADOPTED)) return CaseOutcome.ADOPTED;
  // Adoption asked for but not yet confirmed by someone accountable is still in progress.
  if (has(ChangeStatus.IN_PROGRESS) || has(ChangeStatus.ADOPTION_REQUESTED)) return CaseOutcome.IN_PROGRESS;
  if (has(ChangeStatus.APPROVED)) return CaseOutcome.APPROVED;
  if (has(ChangeStatus.SUBMITTED) || has(ChangeStatus.DRAFT)) return CaseOutcome.PROPOSED;
  return CaseOutcome.NOT_ADOPTED;
}

function describeEvidence(barrier: BarrierEntity): string {
  const lines = barrier.evidence.map((e) => {
    const figure = e.value != null ? ` (${e.value}${e.unit ? ` ${e.unit}` : ''})` : '';
    return `- ${e.text}${figure}`;
  });
  return lines.length ? `\n\nEvidence:\n${lines.join('\n')}` : '';
}

/** "April 2025" for 2025-04-01: a case tells the month, never the day (see the redaction assistant's DATE). */
function monthOf(isoDate: string): string {
  const [year, month] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function describeOutcome(change: ChangeEntity, decisions: DecisionEntity[]): string {
  const parts: string[] = [];
  switch (change.status) {
    case ChangeStatus.ADOPTED: {
      const evidence = change.adoptionEvidence;
      parts.push(`Adopted${evidence ? ` from ${monthOf(evidence.effectiveFrom)}: ${evidence.policyOrProcess}` : ''}.`);
      if (evidence?.summary) parts.push(evidence.summary);
      break;
    }
    case ChangeStatus.ADOPTION_REQUESTED:
      parts.push(`Put forward for adoption, awaiting confirmation. Expected impact: ${change.expectedImpact}`);
      break;
    case ChangeStatus.IN_PROGRESS:
      parts.push(`In progress (${change.progress}% done). Expected impact: ${change.expectedImpact}`);
      break;
    case ChangeStatus.APPROVED:
      parts.push(`Approved, not started yet. Expected impact: ${change.expectedImpact}`);
      break;
    case ChangeStatus.REJECTED:
      parts.push('Not adopted.');
      break;
    default:
      parts.push(`Proposed. Expected impact: ${change.expectedImpact}`);
  }
  const decision = decisions
    .filter((d) => d.changeId === change.id && d.outcome !== DecisionOutcome.REQUEST_CHANGES)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (decision) parts.push(`Decision rationale: ${decision.rationale}`);
  return parts.join(' ');
}

/** Drafts a case from its sources. Everything is copied: later edits of the sources do not leak. */
export function snapshotCase(barrier: BarrierEntity, changes: ChangeEntity[], decisions: DecisionEntity[]): CaseSnapshot {
  const several = changes.length > 1;
  return {
    title: barrier.title,
    summary: `${barrier.description}${describeEvidence(barrier)}`,
    whatChanged: changes.map((c) => (several ? `${c.title}: ${c.whatChanges}` : c.whatChanges)).join('\n\n'),
    outcomeSummary: changes.map((c) => (several ? `${c.title}: ` : '') + describeOutcome(c, decisions)).join('\n\n'),
    measures: changes.flatMap((c) =>
      c.successMeasures.map((m) => ({ metric: m.metric, unit: m.unit ?? null, baseline: m.baseline, target: m.target, current: m.current ?? null })),
    ),
    outcome: outcomeOf(changes),
  };
}

/**
 * The pair's contract focus topics that the case is about: a topic whose words all appear in the
 * case's text ("Promotion panels" for a case about promotion panels, not "Flexible working").
 */
export function topicsAbout(topics: string[], snapshot: Pick<CaseSnapshot, 'title' | 'summary' | 'whatChanged'>): string[] {
  const text = `${snapshot.title} ${snapshot.summary} ${snapshot.whatChanged}`.toLowerCase();
  const stem = (word: string) => word.replace(/(ies|es|s)$/, '');
  return topics.filter((topic) => {
    const words = topic.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
    return words.length > 0 && words.every((w) => text.includes(stem(w)));
  });
}

/** Tags in one form: trimmed, lower-case, single-spaced, without repeats. */
export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = tag.trim().toLowerCase().replace(/\s+/g, ' ');
    if (clean) seen.add(clean);
  }
  return [...seen].slice(0, 12);
}

/**
 * A case's measures as figures on the adapting organisation's barrier: the other organisation's
 * before (and after, where known), labelled as theirs, to compare one's own against.
 */
export function referenceFigures(measures: SuccessMeasure[]): Evidence[] {
  return measures.flatMap((m) => [
    { kind: EvidenceKind.FIGURE, text: `Reference from the library case: ${m.metric}, before their change`, value: m.baseline, unit: m.unit ?? null },
    ...(m.current != null
      ? [{ kind: EvidenceKind.FIGURE, text: `Reference from the library case: ${m.metric}, after their change`, value: m.current, unit: m.unit ?? null }]
      : []),
  ]);
}

/** "Act on: band 7 promotion panels have no ethnic-minority members": a change's title that reads as one. */
export function adaptedChangeTitle(barrierTitle: string): string {
  const title = barrierTitle.trim();
  const lowered = /^[A-Z][a-z]/.test(title) ? title[0].toLowerCase() + title.slice(1) : title;
  return `Act on: ${lowered}`.slice(0, 200);
}
