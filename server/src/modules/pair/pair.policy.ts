import type { Viewer } from '../auth/viewer';
import { Role } from '../person/membership.entity';
import { type ContractVersionEntity, type PairEntity, PairStatus } from './pair.entity';

const isOpen = (pair: PairEntity) => pair.status === PairStatus.PROPOSED || pair.status === PairStatus.ACTIVE;

/** Who may do what with one pair. Private notes belong to the two co-learners alone. */
export const pairPolicy = {
  isMember: (viewer: Viewer, pair: PairEntity) => viewer.personId === pair.seniorId || viewer.personId === pair.juniorId,
  canSee: (viewer: Viewer, pair: PairEntity) => viewer.isMemberOf(pair.organisationId),
  canManage: (viewer: Viewer, pair: PairEntity) => viewer.hasRole(pair.organisationId, Role.PROGRAMME_MANAGER),
  canReadPrivateNotes: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair),
  /** Session dates, topics and shared takeaways: the pair, and the programme's managers. */
  canSeeSessions: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair) || pairPolicy.canManage(viewer, pair),
  /** The contract (ground rules, confidentiality) is the pair's own: the pair, and its programme managers. */
  canSeeContract: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair) || pairPolicy.canManage(viewer, pair),
  canProposeContract: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair) && isOpen(pair),
  canAgreeContract(viewer: Viewer, pair: PairEntity, latest: ContractVersionEntity | null): boolean {
    if (!latest || !pairPolicy.isMember(viewer, pair) || !isOpen(pair)) return false;
    return viewer.personId === pair.seniorId ? !latest.seniorAgreedAt : !latest.juniorAgreedAt;
  },
  canLogSession: (viewer: Viewer, pair: PairEntity) => pairPolicy.isMember(viewer, pair) && pair.status === PairStatus.ACTIVE,
  canEnd: (viewer: Viewer, pair: PairEntity) => pairPolicy.canManage(viewer, pair) && isOpen(pair),
  canNudge: (viewer: Viewer, pair: PairEntity) => pairPolicy.canManage(viewer, pair) && isOpen(pair),
};
