import type { DataSource } from 'typeorm';
import { GroupSessionEntity, GroupSessionInviteeEntity, GroupSessionKind, GroupSessionLearningEntity, GroupSessionStatus } from '../group-session/group-session.entity';
import { GoalRatingEntity, GoalStage, JournalEntryEntity } from '../journal/journal.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { encryptNotes } from '../pair/notes-cipher';
import { PairEntity, PairStatus } from '../pair/pair.entity';
import { PersonEntity } from '../person/person.entity';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { BookingStatus, SessionBookingEntity, SessionType } from './scheduling.entity';
import { fromLocal, toLocal } from './wall-time';

/** The local wall time at `hour`:00 some days from now in `zone`. */
function localDaysAhead(days: number, hour: number, zone: string): string {
  const day = toLocal(new Date(Date.now() + days * 86_400_000), zone).slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00`;
}

/**
 * Demo data for issue 14: Kit has offered Rae days for a shadowing visit (Sam and Jo book theirs
 * themselves), the cohort held an action-learning set three weeks ago with attendance and shared
 * learning, the joint closing session is scheduled, and Jo has a journal entry and rated her goals.
 * Does nothing if Northshore's active programme is missing or a group session exists already.
 */
export async function seedDemoScheduling(db: DataSource, notesKey: Buffer): Promise<void> {
  await db.transaction(async (tx) => {
    const northshore = await tx.getRepository(OrganisationEntity).findOneBy({ slug: 'northshore' });
    const person = async (email: string) => (await tx.getRepository(PersonEntity).findOneBy({ email }))?.id;
    // One statement at a time: a transaction has one connection.
    const pat = await person('pat.manager@northshore.example');
    const rae = await person('rae.senior@northshore.example');
    const kit = await person('kit.junior@northshore.example');
    const jo = await person('jo.junior@northshore.example');
    if (!northshore || !pat || !rae || !kit || !jo) return;
    const programme = await tx.getRepository(ProgrammeEntity).findOne({ where: { organisationId: northshore.id, status: ProgrammeStatus.ACTIVE }, order: { startsOn: 'ASC' } });
    if (!programme || (await tx.getRepository(GroupSessionEntity).existsBy({ programmeId: programme.id }))) return;
    const zone = northshore.timeZone;
    const pairs = await tx.getRepository(PairEntity).findBy({ programmeId: programme.id, status: PairStatus.ACTIVE });
    const raeKit = pairs.find((p) => p.seniorId === rae && p.juniorId === kit);

    if (raeKit) {
      // Kit has offered two days for a visit; Rae has not answered yet, so the pair is still quiet.
      await tx.getRepository(SessionBookingEntity).save({
        pairId: raeKit.id,
        organisationId: northshore.id,
        proposedById: kit,
        status: BookingStatus.PROPOSED,
        sessionType: SessionType.SHADOWING,
        proposedStarts: [localDaysAhead(12, 10, zone), localDaysAhead(19, 10, zone)],
        localStart: null,
        timeZone: zone,
        startsAt: null,
        durationMinutes: 240,
        location: 'Estates yard, gate B',
        revisedAt: new Date(),
      });
    }

    const session = async (title: string, kind: GroupSessionKind, days: number, status: GroupSessionStatus) => {
      const local = localDaysAhead(days, 13, zone);
      return tx.getRepository(GroupSessionEntity).save({
        organisationId: northshore.id,
        programmeId: programme.id,
        title,
        kind,
        status,
        scheduledById: pat,
        facilitatorId: null,
        localStart: local,
        timeZone: zone,
        startsAt: fromLocal(local, zone)!,
        durationMinutes: 90,
        location: 'Education centre, room 3',
        revisedAt: new Date(),
      });
    };
    const set = await session('Action-learning set: who gets the flexible rotas', GroupSessionKind.ACTION_LEARNING_SET, -21, GroupSessionStatus.HELD);
    const closing = await session('Joint closing session with the board', GroupSessionKind.CLOSING_SESSION, 20, GroupSessionStatus.SCHEDULED);
    for (const [held, group] of [[true, set], [false, closing]] as const) {
      await tx.getRepository(GroupSessionInviteeEntity).insert(
        pairs.flatMap((p, index) => [p.seniorId, p.juniorId].map((personId) => ({ sessionId: group.id, personId, pairId: p.id, attended: held ? index === 0 || personId !== p.seniorId : null }))),
      );
    }
    const recordedOn = set.localStart.slice(0, 10);
    await tx.getRepository(GroupSessionLearningEntity).insert([
      { sessionId: set.id, body: 'Requests for flexible rotas are approved faster where the ward manager sees the whole month at once.', recordedOn },
      { sessionId: set.id, body: 'Staff on nights rarely hear about development days in time to swap a shift.', recordedOn },
    ]);

    await tx.getRepository(JournalEntryEntity).save({ authorId: jo, bodyCipher: encryptNotes(notesKey, 'After our last session I noticed how often I wait to be asked before I speak in the ward meeting. Try speaking first next time.') });
    await tx.getRepository(GoalRatingEntity).save({ personId: jo, programmeId: programme.id, stage: GoalStage.START, goalsCipher: encryptNotes(notesKey, 'Understand how promotion panels decide, and speak up in meetings.'), rating: 2, sharedWithPartner: true });
  });
}
