import type { EntityManager } from 'typeorm';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import type { PairEntity } from '../pair/pair.entity';
import { MembershipEntity, Role } from '../person/membership.entity';
import { type SharedCaseEntity, SharedCaseStatus } from './library.entity';

/** Who hears about a case reaching each status, and how. */
const NOTICES: Partial<Record<SharedCaseStatus, { kind: NotificationKind; to: 'pair' | 'managers' | 'both' }>> = {
  [SharedCaseStatus.AWAITING_CONSENT]: { kind: NotificationKind.CASE_CONSENT_NEEDED, to: 'pair' },
  [SharedCaseStatus.AWAITING_APPROVAL]: { kind: NotificationKind.CASE_AWAITING_APPROVAL, to: 'managers' },
  [SharedCaseStatus.PUBLISHED]: { kind: NotificationKind.CASE_PUBLISHED, to: 'pair' },
  [SharedCaseStatus.UNPUBLISHED]: { kind: NotificationKind.CASE_UNPUBLISHED, to: 'both' },
  [SharedCaseStatus.SENT_BACK]: { kind: NotificationKind.CASE_SENT_BACK, to: 'pair' },
  [SharedCaseStatus.DECLINED]: { kind: NotificationKind.CASE_DECLINED, to: 'pair' },
};

async function managersOf(tx: EntityManager, organisationId: string): Promise<string[]> {
  const memberships = await tx
    .getRepository(MembershipEntity)
    .createQueryBuilder('m')
    .where('m.organisation_id = :organisationId AND :role = ANY(m.roles)', { organisationId, role: Role.PROGRAMME_MANAGER })
    .getMany();
  return memberships.map((m) => m.personId);
}

/**
 * Tells the people who must act next when a case moves on: the co-learners when their consent is
 * needed or the case is published, the managers when it awaits approval; both when it is taken down.
 * Nothing is sent when the status did not change, nor to the person who acted.
 */
export async function announceCaseStatus(
  tx: EntityManager,
  actorId: string,
  sharedCase: SharedCaseEntity,
  pair: PairEntity,
  before: SharedCaseStatus | null,
): Promise<void> {
  const notice = NOTICES[sharedCase.status];
  if (!notice || sharedCase.status === before) return;
  const pairMembers = [pair.seniorId, pair.juniorId];
  const managers = notice.to === 'pair' ? [] : await managersOf(tx, sharedCase.organisationId);
  await notify(tx, notice.to === 'pair' ? pairMembers : notice.to === 'managers' ? managers : [...pairMembers, ...managers], {
    organisationId: sharedCase.organisationId,
    kind: notice.kind,
    actorId,
    barrierId: sharedCase.sourceBarrierId,
    sharedCaseId: sharedCase.id,
    detail: sharedCase.status === SharedCaseStatus.SENT_BACK || sharedCase.status === SharedCaseStatus.DECLINED ? { reason: sharedCase.reviewNote } : {},
  });
}
