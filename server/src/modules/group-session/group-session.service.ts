import { In, type EntityManager } from 'typeorm';
import { today } from '../../common/dates';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { K_ANONYMITY } from '../../common/anonymity';
import { findForUpdate } from '../../common/locking';
import { idOf, paginate, toGlobalId } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { PairEntity, PairStatus } from '../pair/pair.entity';
import { MembershipEntity } from '../person/membership.entity';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { programmePolicy } from '../programme/programme.policy';
import { calendarUid, type CalendarEvent } from '../scheduling/scheduling.calendar';
import { mailInvitation } from '../scheduling/scheduling.mail';
import { futureInstant, timeZoneOf } from '../scheduling/scheduling.service';
import { GroupSessionEntity, GroupSessionInviteeEntity, GroupSessionLearningEntity, GroupSessionStatus } from './group-session.entity';
import type { AddGroupLearningInput, CancelGroupSessionInput, GroupSessionsArgs, RecordGroupAttendanceInput, RescheduleGroupSessionInput, ScheduleGroupSessionInput } from './group-session.inputs';
import { groupSessionPolicy } from './group-session.policy';
import { GroupLearning, GroupSession, GroupSessionInvitee } from './group-session.type';

export function groupEvent(session: GroupSessionEntity): CalendarEvent {
  return {
    uid: calendarUid('group', session.id),
    sequence: session.sequence,
    localStart: session.localStart,
    timeZone: session.timeZone,
    durationMinutes: session.durationMinutes,
    location: session.location,
    videoLink: session.videoLink,
    cancelled: session.status === GroupSessionStatus.CANCELLED,
    stamp: session.revisedAt,
  };
}

export class GroupSessionService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** Whether a person is invited to a session. */
  static async isInvited(db: EntityManager, sessionId: string, personId: string): Promise<boolean> {
    return db.getRepository(GroupSessionInviteeEntity).existsBy({ sessionId, personId });
  }

  /** A session the viewer may see, or null. */
  async visible(id: string): Promise<GroupSessionEntity | null> {
    const session = await this.ctx.db.getRepository(GroupSessionEntity).findOneBy({ id });
    if (!session) return null;
    const invited = await GroupSessionService.isInvited(this.ctx.db.manager, id, this.viewer.personId);
    return groupSessionPolicy.canSee(this.viewer, session, invited) ? session : null;
  }

  private async lockToRun(tx: EntityManager, globalId: string): Promise<GroupSessionEntity> {
    const session = await findForUpdate(tx, GroupSessionEntity, idOf(globalId, 'GroupSession'));
    if (!session) throw notFound('That group session');
    if (!groupSessionPolicy.canRun(this.viewer, session)) {
      const invited = await GroupSessionService.isInvited(tx, session.id, this.viewer.personId);
      if (!groupSessionPolicy.canSee(this.viewer, session, invited)) throw notFound('That group session');
      throw forbidden('Only a programme manager or the session’s facilitator runs it.');
    }
    return session;
  }

  private async invite(tx: EntityManager, session: GroupSessionEntity, kind: NotificationKind) {
    const invitees = await tx.getRepository(GroupSessionInviteeEntity).findBy({ sessionId: session.id });
    const recipients = [...invitees.map((i) => i.personId), ...(session.facilitatorId ? [session.facilitatorId] : [])];
    await notify(tx, recipients, { organisationId: session.organisationId, kind, actorId: this.viewer.personId, detail: { groupSession: session.id } }, { mail: false });
    await mailInvitation(tx, this.ctx.config, {
      kind,
      key: `group:${session.id}`,
      organisationId: session.organisationId,
      recipientIds: [...new Set(recipients)],
      event: groupEvent(session),
      path: '/group-sessions',
    });
  }

  async schedule(input: ScheduleGroupSessionInput): Promise<GroupSessionEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const programme = await findForUpdate(tx, ProgrammeEntity, idOf(input.programmeId, 'Programme'));
      if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
      if (!groupSessionPolicy.canSchedule(this.viewer, programme.organisationId)) throw forbidden('Only a programme manager schedules group sessions.');
      if (programme.status === ProgrammeStatus.CLOSED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This programme is closed.', ['input', 'programmeId']);
      const zone = await timeZoneOf(tx, programme.organisationId);
      const startsAt = futureInstant(input.start, zone, ['input', 'start']);

      const active = await tx.getRepository(PairEntity).findBy({ programmeId: programme.id, status: PairStatus.ACTIVE });
      let pairs = active;
      if (input.pairIds?.length) {
        const wanted = new Set(input.pairIds.map((id) => idOf(id, 'Pair')));
        pairs = active.filter((p) => wanted.has(p.id));
        if (pairs.length !== wanted.size) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Invite active pairs of this programme only.', ['input', 'pairIds']);
      }
      if (pairs.length === 0) throw new DomainError(UserErrorCode.INVALID_INPUT, 'The programme has no active pair to invite.', ['input', 'pairIds']);

      let facilitatorId: string | null = null;
      if (input.facilitatorId) {
        facilitatorId = idOf(input.facilitatorId, 'Person');
        const member = await tx.getRepository(MembershipEntity).existsBy({ personId: facilitatorId, organisationId: programme.organisationId });
        if (!member) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Name a facilitator from this organisation.', ['input', 'facilitatorId']);
      }

      const sessions = tx.getRepository(GroupSessionEntity);
      const session = await sessions.save(
        sessions.create({
          organisationId: programme.organisationId,
          programmeId: programme.id,
          title: input.title.trim(),
          kind: input.kind,
          scheduledById: this.viewer.personId,
          facilitatorId,
          localStart: input.start,
          timeZone: zone,
          startsAt,
          durationMinutes: input.durationMinutes,
          location: input.location?.trim() || null,
          videoLink: input.videoLink?.trim() || null,
          revisedAt: new Date(),
        }),
      );
      await tx.getRepository(GroupSessionInviteeEntity).insert(pairs.flatMap((p) => [p.seniorId, p.juniorId].map((personId) => ({ sessionId: session.id, personId, pairId: p.id }))));
      await this.invite(tx, session, NotificationKind.GROUP_SESSION_INVITED);
      return session;
    });
  }

  /** Records who came (every other invitee absent); the session is then HELD. Recording again corrects it. */
  async recordAttendance(input: RecordGroupAttendanceInput): Promise<GroupSessionEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const session = await this.lockToRun(tx, input.groupSessionId);
      if (session.status === GroupSessionStatus.CANCELLED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This session was cancelled.');
      if (session.startsAt.getTime() > Date.now()) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Record attendance once the session has started.');
      const invitees = tx.getRepository(GroupSessionInviteeEntity);
      const invited = new Set((await invitees.findBy({ sessionId: session.id })).map((i) => i.personId));
      const came = new Set(input.attendeeIds.map((id) => idOf(id, 'Person')));
      for (const id of came) if (!invited.has(id)) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Record only people invited to this session.', ['input', 'attendeeIds']);
      await invitees.update({ sessionId: session.id }, { attended: false });
      if (came.size) await invitees.update({ sessionId: session.id, personId: In([...came]) }, { attended: true });
      session.status = GroupSessionStatus.HELD;
      return tx.getRepository(GroupSessionEntity).save(session);
    });
  }

  /** Writes down a point of shared learning, with no author stored. */
  async addLearning(input: AddGroupLearningInput): Promise<GroupSessionEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const session = await this.lockToRun(tx, input.groupSessionId);
      if (session.status === GroupSessionStatus.CANCELLED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This session was cancelled.');
      await tx.getRepository(GroupSessionLearningEntity).insert({ sessionId: session.id, body: input.body.trim(), recordedOn: today() });
      return session;
    });
  }

  /** Moves a scheduled session: invitees' calendars update the same event (a higher sequence). */
  async reschedule(input: RescheduleGroupSessionInput): Promise<GroupSessionEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const session = await this.lockToRun(tx, input.groupSessionId);
      if (session.status !== GroupSessionStatus.SCHEDULED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Only a scheduled session can be moved.');
      session.startsAt = futureInstant(input.start, session.timeZone, ['input', 'start']);
      session.localStart = input.start;
      session.sequence += 1;
      session.revisedAt = new Date();
      const saved = await tx.getRepository(GroupSessionEntity).save(session);
      await this.invite(tx, saved, NotificationKind.GROUP_SESSION_INVITED);
      return saved;
    });
  }

  async cancel(input: CancelGroupSessionInput): Promise<GroupSessionEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const session = await this.lockToRun(tx, input.groupSessionId);
      if (session.status !== GroupSessionStatus.SCHEDULED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Only a scheduled session can be cancelled.');
      session.status = GroupSessionStatus.CANCELLED;
      session.sequence += 1;
      session.revisedAt = new Date();
      const saved = await tx.getRepository(GroupSessionEntity).save(session);
      await this.invite(tx, saved, NotificationKind.GROUP_SESSION_INVITED);
      return saved;
    });
  }

  /** Sessions the viewer runs in their organisations, or is invited to; soonest first. */
  list(args: GroupSessionsArgs) {
    const viewer = this.viewer;
    const managed = viewer.organisationIds.filter((id) => groupSessionPolicy.canSchedule(viewer, id));
    const query = this.ctx.db
      .getRepository(GroupSessionEntity)
      .createQueryBuilder('g')
      .where(
        `(g.organisation_id = ANY(CAST(:managed AS uuid[])) OR (g.organisation_id = ANY(CAST(:mine AS uuid[])) AND (g.facilitator_id = :me OR EXISTS (SELECT 1 FROM group_session_invitee i WHERE i.session_id = g.id AND i.person_id = :me))))`,
        { managed, mine: viewer.organisationIds, me: viewer.personId },
      );
    if (args.programmeId) query.andWhere('g.programme_id = :programme', { programme: idOf(args.programmeId, 'Programme') });
    return paginate(
      query,
      { name: 'starts', direction: 'ASC', keys: [{ sql: 'g.starts_at', value: (g) => g.startsAt }, { sql: 'g.id', value: (g) => g.id }] },
      args,
      GroupSession.from,
    );
  }

  /** Invitees and attendance: whoever runs the session sees all; an invitee sees their own line. */
  async invitees(session: GroupSessionEntity): Promise<GroupSessionInvitee[]> {
    const rows = await this.ctx.db.getRepository(GroupSessionInviteeEntity).find({ where: { sessionId: session.id }, order: { personId: 'ASC' } });
    const mine = groupSessionPolicy.canRun(this.viewer, session) ? rows : rows.filter((r) => r.personId === this.viewer.personId);
    return mine.map((r) => Object.assign(new GroupSessionInvitee(), { personId: r.personId, attended: r.attended }));
  }

  async learning(session: GroupSessionEntity): Promise<GroupLearning[]> {
    const rows = await this.ctx.db.getRepository(GroupSessionLearningEntity).find({ where: { sessionId: session.id }, order: { recordedOn: 'ASC', body: 'ASC' } });
    return rows.map((r) => Object.assign(new GroupLearning(), { body: r.body, recordedOn: r.recordedOn }));
  }

  /** A session's invitee lines, the person's own line, and how many pairs came: what raising a barrier for the set depends on. */
  static async setOf(db: EntityManager, sessionId: string, personId: string) {
    const lines = await db.getRepository(GroupSessionInviteeEntity).findBy({ sessionId });
    return { lines, ownLine: lines.find((l) => l.personId === personId) ?? null, attendingPairs: new Set(lines.filter((l) => l.attended).map((l) => l.pairId)).size };
  }

  /**
   * The held session a co-learner raises a barrier for on behalf of its set, through `pairId` (the pair
   * they came with), or the reason they cannot; with the people of the set's other pairs, to be told.
   */
  static async setForBarrier(tx: EntityManager, viewer: Viewer, sessionGlobalId: string, pairId: string): Promise<{ session: GroupSessionEntity; others: string[] }> {
    const session = await tx.getRepository(GroupSessionEntity).findOneBy({ id: idOf(sessionGlobalId, 'GroupSession') });
    const { lines, ownLine, attendingPairs } = session ? await GroupSessionService.setOf(tx, session.id, viewer.personId) : { lines: [], ownLine: null, attendingPairs: 0 };
    if (!session || !groupSessionPolicy.canSee(viewer, session, ownLine != null)) throw notFound('That group session');
    if (!groupSessionPolicy.canRaiseBarrierFor(viewer, session, ownLine, attendingPairs)) {
      if (session.status !== GroupSessionStatus.HELD) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'A barrier is raised for the set once the session was held and attendance recorded.', ['input', 'groupSessionId']);
      }
      if (ownLine?.attended !== true) throw forbidden('Only a co-learner who came to the session raises a barrier on behalf of its set.');
      throw new DomainError(
        UserErrorCode.INVALID_INPUT,
        `A set of fewer than ${K_ANONYMITY} pairs would point at the pair that raised it: raise it for your pair instead (it can be anonymous).`,
        ['input', 'groupSessionId'],
      );
    }
    if (ownLine!.pairId !== pairId) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Raise it through the pair you came to the session with.', ['input', 'pairId']);
    const raisingPeople = lines.filter((l) => l.pairId === pairId).map((l) => l.personId);
    return { session, others: [...new Set(lines.filter((l) => l.pairId !== pairId && !raisingPeople.includes(l.personId)).map((l) => l.personId))] };
  }

  static globalId(id: string) {
    return toGlobalId('GroupSession', id);
  }
}
