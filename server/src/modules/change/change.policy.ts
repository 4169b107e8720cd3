import type { Viewer } from '../auth/viewer';
import type { PairEntity } from '../pair/pair.entity';
import { Role } from '../person/membership.entity';
import { pairPolicy } from '../pair/pair.policy';
import type { ChangeEntity } from './change.entity';
import { canTransition, ChangeAction } from './change.workflow';
import { Confirmer, type AdoptionConfirmation } from '../sustainment/adoption-confirmation';

/** 'confirmer': the owner, or a sponsor who is neither the owner nor in the pair where the owner has a conflict of interest. */
type Actors = 'pair' | 'owner' | 'either' | 'manager' | 'confirmer';

/** Who may take each action, whatever the change's state: the pair, the owner, either, or a programme manager. */
const ACTORS: Record<ChangeAction, Actors> = {
  REVISE: 'pair',
  SUBMIT: 'pair',
  WITHDRAW: 'pair',
  APPROVE: 'owner',
  REJECT: 'owner',
  REQUEST_CHANGES: 'owner',
  START: 'either',
  REPORT_PROGRESS: 'either',
  ADOPT: 'either',
  CONFIRM_ADOPTION: 'confirmer',
  DECLINE_ADOPTION: 'confirmer',
  REASSIGN_OWNER: 'manager',
};

export const changePolicy = {
  canSee: (viewer: Viewer, change: ChangeEntity) => viewer.isMemberOf(change.organisationId),

  isOwner: (viewer: Viewer, change: ChangeEntity) => viewer.personId === change.ownerId,

  /** Whether the viewer is someone who may take this action at all (the state is checked separately). */
  mayAct(viewer: Viewer, change: ChangeEntity, pair: PairEntity, action: ChangeAction, confirmation?: AdoptionConfirmation): boolean {
    const inPair = pairPolicy.isMember(viewer, pair);
    const owner = changePolicy.isOwner(viewer, change);
    switch (ACTORS[action]) {
      case 'pair':
        return inPair;
      case 'owner':
        return owner;
      case 'either':
        return inPair || owner;
      case 'manager':
        return viewer.hasRole(change.organisationId, Role.PROGRAMME_MANAGER);
      case 'confirmer':
        if (!confirmation) return false;
        if (confirmation.confirmer === Confirmer.OWNER) return owner;
        return viewer.hasRole(change.organisationId, Role.SPONSOR) && !owner && !inPair;
    }
  },

  /** The viewerCan… hints: the person may act and the workflow allows it now. */
  can(viewer: Viewer, change: ChangeEntity, pair: PairEntity, action: ChangeAction, confirmation?: AdoptionConfirmation): boolean {
    return changePolicy.mayAct(viewer, change, pair, action, confirmation) && canTransition(change.status, action);
  },

  canComment: (viewer: Viewer, change: ChangeEntity) => changePolicy.canSee(viewer, change),
};

export const ACTOR_REFUSAL: Record<Actors, string> = {
  pair: 'Only the co-learners who proposed this change can do this.',
  owner: "Only the change's owner can decide it.",
  either: "Only the change's owner or the pair that proposed it can do this.",
  manager: "Only a programme manager of the change's organisation can do this.",
  confirmer: "Only the change's owner can confirm its adoption, or a sponsor (neither the owner nor in the proposing pair) where the owner is in that pair or the change lies in the owner's own division.",
};

export const actorsOf = (action: ChangeAction) => ACTORS[action];
