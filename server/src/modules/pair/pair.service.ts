import { In, type EntityManager } from 'typeorm';
import { isIsoDate, today } from '../../common/dates';
import { findForUpdate } from '../../common/locking';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { idOf, paginate, type ConnectionArgs } from '../../common/relay';
import type { Context } from '../../context';
import { shareLockMemberships } from '../person/membership.service';
import type { Viewer } from '../auth/viewer';
import { NotificationEntity, NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { Role } from '../person/membership.entity';
import { ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { programmePolicy } from '../programme/programme.policy';
import { encryptNotes } from './notes-cipher';
import { ContractVersionEntity, MentoringSessionEntity, OPEN_PAIR, PairEntity, PairStatus } from './pair.entity';
import type { AgreeContractInput, CreatePairInput, EndPairInput, LogSessionInput, NudgePairInput, PairsArgs, ProposeContractInput } from './pair.inputs';
import { assertPairMayStart } from '../training/training.service';
import { pairPolicy } from './pair.policy';
import { MentoringSession, Pair } from './pair.type';
import { SessionType } from '../scheduling/session-type';
import { SchedulingService } from '../scheduling/scheduling.service';


/** How long a pair is left in peace after a nudge. */
export const NUDGE_INTERVAL_DAYS = 7;

/** When the pair was last nudged, if ever. */
export async function lastNudgeOf(tx: EntityManager, pairId: string): Promise<Date | null> {
  const last = await tx.getRepository(NotificationEntity).findOne({ where: { pairId, kind: NotificationKind.PAIR_NUDGED }, order: { createdAt: 'DESC' } });
  return last?.createdAt ?? null;
}

export class PairService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** Locks and returns a pair the viewer may see; NOT_FOUND otherwise (existence is not revealed). */
  async lockVisible(tx: EntityManager, pairGlobalId: string): Promise<PairEntity> {
    const pair = await findForUpdate(tx, PairEntity, idOf(pairGlobalId, 'Pair'));
    if (!pair || !pairPolicy.canSee(this.viewer, pair)) throw notFound('That pair');
    return pair;
  }

  /** Matches a senior and a junior co-learner in a programme; each is in at most one open pair per programme. */
  async create(input: CreatePairInput): Promise<PairEntity> {
    return this.ctx.db.transaction(async (tx) => {
      // Locking the programme serialises pairings in it, so two managers cannot double-book a person.
      const programme = await findForUpdate(tx, ProgrammeEntity, idOf(input.programmeId, 'Programme'));
      if (!programme || !programmePolicy.canSee(this.viewer, programme.organisationId)) throw notFound('That programme');
      if (!programmePolicy.canManage(this.viewer, programme.organisationId)) throw forbidden('Only a programme manager can pair people.');
      if (programme.status === ProgrammeStatus.CLOSED) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This programme is closed.', ['input', 'programmeId']);
      }
      return this.pairWithin(tx, programme, idOf(input.seniorId, 'Person'), idOf(input.juniorId, 'Person'));
    });
  }

  /**
   * Pairs two people inside the caller's transaction, which has locked the programme and checked
   * that the viewer manages it: the rules and notifications of every pairing, whether one at a time
   * or a whole cohort the manager confirmed from the matching assistant.
   */
  async pairWithin(tx: EntityManager, programme: ProgrammeEntity, seniorId: string, juniorId: string): Promise<PairEntity> {
    if (seniorId === juniorId) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Pair two different people.', ['input', 'juniorId']);
    const memberships = await shareLockMemberships(tx, programme.organisationId, [seniorId, juniorId]);
    for (const [field, personId] of [['seniorId', seniorId], ['juniorId', juniorId]] as const) {
      const membership = memberships.find((m) => m.personId === personId);
      if (!membership?.roles.includes(Role.CO_LEARNER)) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a co-learner of this organisation.', ['input', field]);
      }
    }
    const busy = await tx
      .getRepository(PairEntity)
      .createQueryBuilder('p')
      .where('p.programme_id = :programmeId AND p.status IN (:...open)', { programmeId: programme.id, open: OPEN_PAIR })
      .andWhere('(p.senior_id IN (:...people) OR p.junior_id IN (:...people))', { people: [seniorId, juniorId] })
      .getOne();
    if (busy) {
      const field = busy.seniorId === seniorId || busy.juniorId === seniorId ? 'seniorId' : 'juniorId';
      throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'This person is already in an active pair in this programme.', ['input', field]);
    }
    const pairs = tx.getRepository(PairEntity);
    const pair = await pairs.save(pairs.create({ programmeId: programme.id, organisationId: programme.organisationId, seniorId, juniorId }));
    await notify(tx, [seniorId, juniorId], { organisationId: pair.organisationId, kind: NotificationKind.PAIR_MATCHED, actorId: this.viewer.personId, pairId: pair.id });
    return pair;
  }

  async end(input: EndPairInput): Promise<PairEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await this.lockVisible(tx, input.pairId);
      if (!pairPolicy.canManage(this.viewer, pair)) throw forbidden('Only a programme manager can end a pair.');
      if (!OPEN_PAIR.includes(pair.status)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This pair has already finished.');
      pair.status = PairStatus.ENDED;
      pair.endedReason = input.reason.trim();
      return tx.getRepository(PairEntity).save(pair);
    });
  }

  /**
   * A programme manager asks a pair how it is going (it has gone quiet, say): both co-learners get
   * a notification, with the manager's words if any. Once a week at most, so it stays a nudge.
   */
  async nudge(input: NudgePairInput): Promise<PairEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await this.lockVisible(tx, input.pairId);
      if (!pairPolicy.canManage(this.viewer, pair)) throw forbidden('Only a programme manager can nudge a pair.');
      if (!pairPolicy.canNudge(this.viewer, pair)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This pair has finished: there is no one to nudge.');
      const last = await lastNudgeOf(tx, pair.id);
      if (last && Date.now() - last.getTime() < NUDGE_INTERVAL_DAYS * 86_400_000) {
        throw new DomainError(UserErrorCode.TOO_SOON, `This pair was nudged on ${last.toISOString().slice(0, 10)}; give them a week between nudges.`);
      }
      const message = input.message?.trim() || null;
      await notify(tx, [pair.seniorId, pair.juniorId], {
        organisationId: pair.organisationId,
        kind: NotificationKind.PAIR_NUDGED,
        actorId: this.viewer.personId,
        pairId: pair.id,
        detail: message ? { message } : {},
      });
      return pair;
    });
  }

  /** A new contract version, agreed by its proposer; the other co-learner is asked to agree it. */
  async proposeContract(input: ProposeContractInput): Promise<PairEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await this.lockVisible(tx, input.pairId);
      if (!pairPolicy.canProposeContract(this.viewer, pair)) throw forbidden('Only the two co-learners of an open pair can propose its contract.');
      const latest = await tx.getRepository(ContractVersionEntity).findOne({ where: { pairId: pair.id }, order: { version: 'DESC' } });
      const now = new Date();
      const isSenior = this.viewer.personId === pair.seniorId;
      const version = (latest?.version ?? 0) + 1;
      await tx.getRepository(ContractVersionEntity).insert({
        pairId: pair.id,
        version,
        focusTopics: input.focusTopics.map((t) => t.trim()),
        cadence: input.cadence,
        groundRules: input.groundRules.trim(),
        confidentiality: input.confidentiality.trim(),
        proposedById: this.viewer.personId,
        seniorAgreedAt: isSenior ? now : null,
        juniorAgreedAt: isSenior ? null : now,
      });
      await notify(tx, [isSenior ? pair.juniorId : pair.seniorId], {
        organisationId: pair.organisationId,
        kind: NotificationKind.CONTRACT_AWAITING_AGREEMENT,
        actorId: this.viewer.personId,
        pairId: pair.id,
        detail: { version },
      });
      return pair;
    });
  }

  /** Agrees the latest version; when both have agreed it, the contract is in effect and the pair ACTIVE. */
  async agreeContract(input: AgreeContractInput): Promise<PairEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await this.lockVisible(tx, input.pairId);
      if (!pairPolicy.isMember(this.viewer, pair)) throw forbidden('Only the two co-learners can agree their contract.');
      const contracts = tx.getRepository(ContractVersionEntity);
      const latest = await contracts.findOne({ where: { pairId: pair.id }, order: { version: 'DESC' } });
      if (!latest) throw new DomainError(UserErrorCode.NOT_FOUND, 'There is no contract to agree yet.', ['input', 'version']);
      if (latest.version !== input.version) {
        throw new DomainError(UserErrorCode.CONFLICT, `The contract changed since you read it: read version ${latest.version} and agree that.`, ['input', 'version']);
      }
      if (!pairPolicy.canAgreeContract(this.viewer, pair, latest)) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'You have already agreed this version, or the pair has finished.');
      }
      if (this.viewer.personId === pair.seniorId) latest.seniorAgreedAt = new Date();
      else latest.juniorAgreedAt = new Date();
      await contracts.save(latest);
      if (latest.seniorAgreedAt && latest.juniorAgreedAt && pair.status === PairStatus.PROPOSED) {
        await assertPairMayStart(tx, pair);
        pair.status = PairStatus.ACTIVE;
        await tx.getRepository(PairEntity).save(pair);
      }
      return pair;
    });
  }

  async logSession(input: LogSessionInput): Promise<MentoringSessionEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await this.lockVisible(tx, input.pairId);
      if (!pairPolicy.isMember(this.viewer, pair)) throw forbidden('Only the two co-learners can log their sessions.');
      if (!pairPolicy.canLogSession(this.viewer, pair)) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Agree your contract first: sessions are logged for an active pair.');
      }
      if (!isIsoDate(input.heldOn) || input.heldOn > today()) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Give the date the session took place (not in the future).', ['input', 'heldOn']);
      }
      const notes = input.privateNotes?.trim();
      const sessions = tx.getRepository(MentoringSessionEntity);
      // The partner hears that a session was logged and when it was held; never its notes or topics.
      await notify(tx, [pair.seniorId, pair.juniorId], {
        organisationId: pair.organisationId,
        kind: NotificationKind.SESSION_LOGGED,
        actorId: this.viewer.personId,
        pairId: pair.id,
        detail: { heldOn: input.heldOn },
      });
      const bookedType = input.bookingId ? await SchedulingService.typeOf(tx, input.bookingId) : null;
      const session = await sessions.save(
        sessions.create({
          pairId: pair.id,
          heldOn: input.heldOn,
          topics: input.topics.map((t) => t.trim()),
          privateNotesCipher: notes ? encryptNotes(this.ctx.config.notesKey!, notes) : null,
          sharedTakeaways: input.sharedTakeaways?.trim() || null,
          sessionType: input.sessionType ?? bookedType ?? SessionType.CONVERSATION,
          loggedById: this.viewer.personId,
        }),
      );
      if (input.bookingId) await SchedulingService.markHeld(tx, pair, input.bookingId, session.id);
      return session;
    });
  }

  /** The person's active pairs in one organisation. */
  static async activePairsOf(tx: EntityManager, personId: string, organisationId: string): Promise<PairEntity[]> {
    const pairs = await tx.getRepository(PairEntity).find({ where: [{ seniorId: personId }, { juniorId: personId }] });
    return pairs.filter((p) => p.organisationId === organisationId && p.status === PairStatus.ACTIVE);
  }

  list(args: PairsArgs) {
    const query = this.ctx.db.getRepository(PairEntity).createQueryBuilder('p');
    const organisations = this.viewer.organisationIds;
    query.where(organisations.length ? { organisationId: In(organisations) } : '1 = 0');
    if (args.programmeId) query.andWhere({ programmeId: idOf(args.programmeId, 'Programme') });
    if (args.mine) query.andWhere('(p.senior_id = :me OR p.junior_id = :me)', { me: this.viewer.personId });
    if (args.status?.length) query.andWhere({ status: In(args.status) });
    return paginate(
      query,
      { name: 'created', direction: 'DESC', keys: [{ sql: 'p.created_at', value: (p) => p.createdAt }, { sql: 'p.id', value: (p) => p.id }] },
      args,
      Pair.from,
    );
  }

  sessions(pair: PairEntity, args: ConnectionArgs) {
    if (!pairPolicy.canSeeSessions(this.viewer, pair)) throw forbidden('Only the pair and its programme managers see its sessions.');
    const query = this.ctx.db.getRepository(MentoringSessionEntity).createQueryBuilder('s').where({ pairId: pair.id });
    return paginate(
      query,
      { name: 'held', direction: 'DESC', keys: [{ sql: 's.held_on', value: (s) => s.heldOn }, { sql: 's.id', value: (s) => s.id }] },
      args,
      MentoringSession.from,
    );
  }
}
