import type { BarrierStatus, ChangeStatus, PairStatus, ProgrammeStatus } from '../gql/graphql';
import { barrierStatusLabels, changeStatusLabels, pairStatusLabels, programmeStatusLabels } from '../labels';

type Tone = 'neutral' | 'waiting' | 'go' | 'active' | 'done' | 'stopped' | 'alert';

const changeTones: Record<ChangeStatus, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'waiting',
  APPROVED: 'go',
  IN_PROGRESS: 'active',
  ADOPTION_REQUESTED: 'waiting',
  ADOPTED: 'done',
  REJECTED: 'stopped',
  WITHDRAWN: 'stopped',
};

const barrierTones: Record<BarrierStatus, Tone> = { OPEN: 'waiting', ADDRESSED: 'done', CLOSED: 'stopped' };
const pairTones: Record<PairStatus, Tone> = { PROPOSED: 'neutral', ACTIVE: 'active', COMPLETED: 'done', ENDED: 'stopped' };
const programmeTones: Record<ProgrammeStatus, Tone> = { PLANNED: 'neutral', ACTIVE: 'active', CLOSED: 'stopped' };

/** A status in words, with a shape and colour as extra cues (never the colour alone). */
export function StatusBadge({ tone, children, label }: { tone: Tone; children: string; label?: string }) {
  return (
    <span className={`status status--${tone}`}>
      <span className="status__dot" aria-hidden="true" />
      {label && <span className="visually-hidden">{label}: </span>}
      {children}
    </span>
  );
}

/** `sentBack`: a draft its owner sent back for changes reads "Sent back", not "Draft". */
export const ChangeStatusBadge = ({ status, sentBack = false }: { status: ChangeStatus; sentBack?: boolean }) =>
  sentBack && status === 'DRAFT' ? (
    <StatusBadge tone="alert">Sent back</StatusBadge>
  ) : (
    <StatusBadge tone={changeTones[status]}>{changeStatusLabels[status]}</StatusBadge>
  );

export const BarrierStatusBadge = ({ status }: { status: BarrierStatus }) => (
  <StatusBadge tone={barrierTones[status]}>
    {barrierStatusLabels[status]}
  </StatusBadge>
);

export const PairStatusBadge = ({ status }: { status: PairStatus }) => (
  <StatusBadge tone={pairTones[status]}>
    {pairStatusLabels[status]}
  </StatusBadge>
);

export const ProgrammeStatusBadge = ({ status }: { status: ProgrammeStatus }) => (
  <StatusBadge tone={programmeTones[status]}>
    {programmeStatusLabels[status]}
  </StatusBadge>
);

/** A warning flag such as "Overdue". */
export const Flag = ({ children, title }: { children: string; title?: string }) => (
  <span className="flag" title={title}>
    <span aria-hidden="true">! </span>
    {children}
  </span>
);
