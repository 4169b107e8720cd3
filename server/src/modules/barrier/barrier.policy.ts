import type { Viewer } from '../auth/viewer';
import { type PairEntity, PairStatus } from '../pair/pair.entity';
import { pairPolicy } from '../pair/pair.policy';
import { Role } from '../person/membership.entity';
import { Attribution, type BarrierEntity, BarrierStatus, NamingConsent } from './barrier.entity';

/** The viewer's active pairs in the barrier's organisation. */
const activePairsIn = (viewer: Viewer, organisationId: string, viewerPairs: PairEntity[]) =>
  viewerPairs.filter((p) => p.organisationId === organisationId && p.status === PairStatus.ACTIVE && pairPolicy.isMember(viewer, p));

/** Who may see and act on one barrier, and whose identity an anonymous barrier hides. */
export const barrierPolicy = {
  canSee: (viewer: Viewer, barrier: BarrierEntity) => viewer.isMemberOf(barrier.organisationId),

  isRaisedByViewersPair: (viewer: Viewer, raisingPair: PairEntity) => pairPolicy.isMember(viewer, raisingPair),

  /** ANONYMOUS: everyone but the raising pair sees that a pair raised it, not which. */
  canSeeRaisingPair: (viewer: Viewer, barrier: BarrierEntity, raisingPair: PairEntity) =>
    barrier.attribution === Attribution.NAMED || pairPolicy.isMember(viewer, raisingPair),

  /** The co-learner(s) of the raising pair other than the one who raised it: whose agreement naming needs. */
  namingAskees: (barrier: Pick<BarrierEntity, 'raisedById'>, raisingPair: PairEntity) =>
    [raisingPair.seniorId, raisingPair.juniorId].filter((id) => id !== barrier.raisedById),

  /** Only the pair reads how naming stands: a refusal or a pending ask is the pair's own business. */
  canSeeNaming: (viewer: Viewer, raisingPair: PairEntity) => pairPolicy.isMember(viewer, raisingPair),

  /** The other co-learner answers a pending request to name the pair, while still a member of the organisation. */
  canAnswerNaming: (viewer: Viewer, barrier: BarrierEntity, raisingPair: PairEntity) =>
    barrier.namingConsent === NamingConsent.PENDING &&
    viewer.isMemberOf(barrier.organisationId) &&
    barrierPolicy.namingAskees(barrier, raisingPair).includes(viewer.personId),

  /** Whether showing `personId` as the actor of something on this barrier would unmask an anonymous pair. */
  hidesPerson(viewer: Viewer, barrier: BarrierEntity, raisingPair: PairEntity, personId: string): boolean {
    const inRaisingPair = personId === raisingPair.seniorId || personId === raisingPair.juniorId;
    return inRaisingPair && !barrierPolicy.canSeeRaisingPair(viewer, barrier, raisingPair);
  },

  /**
   * Another active pair of the organisation that has not corroborated yet may say "we see this too".
   * Nobody corroborates a barrier raised by a pair they are (or were) in, through any other pair of
   * theirs, and no pair that shares a person with the raising pair counts as "another pair".
   */
  corroboratingPairs(viewer: Viewer, barrier: BarrierEntity, raisingPair: PairEntity, viewerPairs: PairEntity[], alreadyCorroborated: string[]): PairEntity[] {
    if (barrier.status !== BarrierStatus.OPEN || pairPolicy.isMember(viewer, raisingPair)) return [];
    const raisers = [raisingPair.seniorId, raisingPair.juniorId];
    return activePairsIn(viewer, barrier.organisationId, viewerPairs).filter(
      (p) => p.id !== barrier.pairId && !alreadyCorroborated.includes(p.id) && !raisers.includes(p.seniorId) && !raisers.includes(p.juniorId),
    );
  },

  /** Any active pair of the organisation may propose a change to an open barrier. */
  canProposeChange: (viewer: Viewer, barrier: BarrierEntity, viewerPairs: PairEntity[]) =>
    barrier.status === BarrierStatus.OPEN && activePairsIn(viewer, barrier.organisationId, viewerPairs).length > 0,

  canComment: (viewer: Viewer, barrier: BarrierEntity) => barrierPolicy.canSee(viewer, barrier),

  /** The raising pair or a programme manager may close an open barrier (a duplicate, or no longer true). */
  mayClose: (viewer: Viewer, barrier: BarrierEntity, raisingPair: PairEntity) =>
    pairPolicy.isMember(viewer, raisingPair) || viewer.hasRole(barrier.organisationId, Role.PROGRAMME_MANAGER),
};
