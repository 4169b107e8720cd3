import { ChangeStatus, DecisionOutcome } from './change.entity';

/** Every business action on a change. */
export enum ChangeAction {
  REVISE = 'REVISE',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  REQUEST_CHANGES = 'REQUEST_CHANGES',
  START = 'START',
  REPORT_PROGRESS = 'REPORT_PROGRESS',
  /** Ask for adoption to be confirmed, with evidence (the pair or the owner). */
  ADOPT = 'ADOPT',
  /** The owner, or a sponsor where the owner has a conflict of interest, confirms the adoption. */
  CONFIRM_ADOPTION = 'CONFIRM_ADOPTION',
  /** The same confirmer sends the request back to in progress, with a reason. */
  DECLINE_ADOPTION = 'DECLINE_ADOPTION',
  WITHDRAW = 'WITHDRAW',
  /** A programme manager hands the change to another owner (the first one left, say). */
  REASSIGN_OWNER = 'REASSIGN_OWNER',
}

const BEFORE_ADOPTION = [ChangeStatus.DRAFT, ChangeStatus.SUBMITTED, ChangeStatus.APPROVED, ChangeStatus.IN_PROGRESS, ChangeStatus.ADOPTION_REQUESTED];

/**
 * The workflow, as data:
 *   DRAFT --submit--> SUBMITTED --approve--> APPROVED --start--> IN_PROGRESS --adopt--> ADOPTION_REQUESTED
 *   ADOPTION_REQUESTED --confirm adoption--> ADOPTED;  ADOPTION_REQUESTED --decline adoption--> IN_PROGRESS
 *   SUBMITTED --request changes--> DRAFT;  SUBMITTED --reject--> REJECTED
 *   any state before ADOPTED --withdraw--> WITHDRAWN
 *   any state before ADOPTED --reassign owner--> the same state, with another owner
 */
export const TRANSITIONS: Record<ChangeAction, { from: ChangeStatus[]; /** absent: the status stays */ to?: ChangeStatus }> = {
  [ChangeAction.REVISE]: { from: [ChangeStatus.DRAFT], to: ChangeStatus.DRAFT },
  [ChangeAction.SUBMIT]: { from: [ChangeStatus.DRAFT], to: ChangeStatus.SUBMITTED },
  [ChangeAction.APPROVE]: { from: [ChangeStatus.SUBMITTED], to: ChangeStatus.APPROVED },
  [ChangeAction.REJECT]: { from: [ChangeStatus.SUBMITTED], to: ChangeStatus.REJECTED },
  [ChangeAction.REQUEST_CHANGES]: { from: [ChangeStatus.SUBMITTED], to: ChangeStatus.DRAFT },
  [ChangeAction.START]: { from: [ChangeStatus.APPROVED], to: ChangeStatus.IN_PROGRESS },
  [ChangeAction.REPORT_PROGRESS]: { from: [ChangeStatus.IN_PROGRESS], to: ChangeStatus.IN_PROGRESS },
  [ChangeAction.ADOPT]: { from: [ChangeStatus.IN_PROGRESS], to: ChangeStatus.ADOPTION_REQUESTED },
  [ChangeAction.CONFIRM_ADOPTION]: { from: [ChangeStatus.ADOPTION_REQUESTED], to: ChangeStatus.ADOPTED },
  [ChangeAction.DECLINE_ADOPTION]: { from: [ChangeStatus.ADOPTION_REQUESTED], to: ChangeStatus.IN_PROGRESS },
  [ChangeAction.WITHDRAW]: { from: BEFORE_ADOPTION, to: ChangeStatus.WITHDRAWN },
  [ChangeAction.REASSIGN_OWNER]: { from: BEFORE_ADOPTION },
};

export const canTransition = (status: ChangeStatus, action: ChangeAction) => TRANSITIONS[action].from.includes(status);

export const OUTCOME_ACTION: Record<DecisionOutcome, ChangeAction> = {
  [DecisionOutcome.APPROVE]: ChangeAction.APPROVE,
  [DecisionOutcome.REJECT]: ChangeAction.REJECT,
  [DecisionOutcome.REQUEST_CHANGES]: ChangeAction.REQUEST_CHANGES,
};

/** Statuses after which nothing more happens to a change. */
export const FINISHED = [ChangeStatus.ADOPTED, ChangeStatus.REJECTED, ChangeStatus.WITHDRAWN];

const VERB: Record<ChangeAction, string> = {
  REVISE: 'edited',
  SUBMIT: 'submitted',
  APPROVE: 'approved',
  REJECT: 'rejected',
  REQUEST_CHANGES: 'sent back for changes',
  START: 'started',
  REPORT_PROGRESS: 'given a progress report',
  ADOPT: 'put forward for adoption',
  CONFIRM_ADOPTION: 'confirmed adopted',
  DECLINE_ADOPTION: 'sent back from adoption',
  WITHDRAW: 'withdrawn',
  REASSIGN_OWNER: 'given another owner',
};

export function refusal(status: ChangeStatus, action: ChangeAction): string {
  const allowed = TRANSITIONS[action].from.map((s) => s.toLowerCase().replace(/_/g, ' ')).join(' or ');
  return `A change that is ${status.toLowerCase().replace(/_/g, ' ')} cannot be ${VERB[action]}; it must be ${allowed}.`;
}
