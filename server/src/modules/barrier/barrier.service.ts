import { In, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { idOf, paginate, type Ordering } from '../../common/relay';
import type { Context } from '../../context';
import type { Viewer } from '../auth/viewer';
import { EventKind, type Facts } from '../history/event.entity';
import { recordEvent } from '../history/history.service';
import { PairEntity, PairStatus } from '../pair/pair.entity';
import { GroupSessionService } from '../group-session/group-session.service';
import { pairPolicy } from '../pair/pair.policy';
import { PairService } from '../pair/pair.service';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { MembershipEntity } from '../person/membership.entity';
import {
  type AffectedGroup,
  Attribution,
  type BarrierCategory,
  BarrierCorroborationEntity,
  BarrierEntity,
  BarrierStatus,
  type Evidence,
  NamingConsent,
} from './barrier.entity';
import { type AnswerBarrierNamingInput, BarrierOrder, NamingAnswer, type BarriersArgs, type CloseBarrierInput, type CorroborateBarrierInput, type EvidenceInput, type RaiseBarrierInput } from './barrier.inputs';
import { barrierPolicy } from './barrier.policy';
import { Barrier } from './barrier.type';

export interface NewBarrier {
  organisationId: string;
  pairId: string;
  raisedById: string;
  title: string;
  description: string;
  category: BarrierCategory;
  affectedGroups: AffectedGroup[];
  evidence: Evidence[];
  attribution: Attribution;
  /** Raised on behalf of this held group session's set. */
  raisedForGroupSessionId?: string | null;
}

const toEvidence = (items: EvidenceInput[]): Evidence[] =>
  items.map((e) => ({ kind: e.kind, text: e.text.trim(), url: e.url ?? null, value: e.value ?? null, unit: e.unit ?? null }));

const ORDERINGS: Record<BarrierOrder, Ordering<BarrierEntity>> = {
  [BarrierOrder.NEWEST]: { name: 'newest', direction: 'DESC', keys: [{ sql: 'b.created_at', value: (b) => b.createdAt }, { sql: 'b.id', value: (b) => b.id }] },
  [BarrierOrder.OLDEST]: { name: 'oldest', direction: 'ASC', keys: [{ sql: 'b.created_at', value: (b) => b.createdAt }, { sql: 'b.id', value: (b) => b.id }] },
  [BarrierOrder.MOST_CORROBORATED]: {
    name: 'corroborated',
    direction: 'DESC',
    keys: [
      { sql: 'b.corroboration_count', value: (b) => b.corroborationCount },
      { sql: 'b.created_at', value: (b) => b.createdAt },
      { sql: 'b.id', value: (b) => b.id },
    ],
  },
};

export class BarrierService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** A barrier the viewer may see, or NOT_FOUND (a barrier of another organisation does not exist for them). */
  async findVisible(barrierGlobalId: string, tx: EntityManager = this.ctx.db.manager, lock = false): Promise<BarrierEntity> {
    const id = idOf(barrierGlobalId, 'Barrier');
    const barrier = lock ? await findForUpdate(tx, BarrierEntity, id) : await tx.getRepository(BarrierEntity).findOneBy({ id });
    if (!barrier || !barrierPolicy.canSee(this.viewer, barrier)) throw notFound('That barrier');
    return barrier;
  }

  /** A co-learner raises a barrier for their active pair. */
  async raise(input: RaiseBarrierInput): Promise<BarrierEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const pair = await tx.getRepository(PairEntity).findOneBy({ id: idOf(input.pairId, 'Pair') });
      if (!pair || !pairPolicy.canSee(this.viewer, pair)) throw notFound('That pair');
      if (!pairPolicy.isMember(this.viewer, pair)) throw forbidden('You can raise barriers only for your own pair.');
      if (pair.status !== PairStatus.ACTIVE) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Agree your contract first: barriers are raised by an active pair.', ['input', 'pairId']);
      }
      const set = input.groupSessionId ? await GroupSessionService.setForBarrier(tx, this.viewer, input.groupSessionId, pair.id) : null;
      const barrier = await this.createInTransaction(tx, {
        organisationId: pair.organisationId,
        pairId: pair.id,
        raisedById: this.viewer.personId,
        title: input.title.trim(),
        description: input.description.trim(),
        category: input.category,
        affectedGroups: [...new Set(input.affectedGroups)],
        evidence: toEvidence(input.evidence),
        // The set speaks for it: naming the pair would say which of the set raised it.
        attribution: set ? Attribution.ANONYMOUS : input.attribution,
        raisedForGroupSessionId: set?.session.id ?? null,
      });
      if (set) {
        await notify(tx, set.others, {
          organisationId: barrier.organisationId,
          kind: NotificationKind.BARRIER_RAISED_FOR_SET,
          actorId: this.viewer.personId,
          barrierId: barrier.id,
          detail: { groupSession: set.session.id },
        });
      }
      return barrier;
    });
  }

  /**
   * Writes a barrier and its BARRIER_RAISED event without checking the viewer: the caller has
   * authorised it (raising for one's own pair, or adapting a shared case for a chosen pair).
   * A NAMED barrier names the other co-learner too, so it is written ANONYMOUS with their agreement
   * PENDING; they are told either way that a barrier was raised in their pair's name.
   */
  async createInTransaction(tx: EntityManager, data: NewBarrier): Promise<BarrierEntity> {
    const raisingPair = await tx.getRepository(PairEntity).findOneByOrFail({ id: data.pairId });
    const namingAsked = data.attribution === Attribution.NAMED;
    const barriers = tx.getRepository(BarrierEntity);
    const barrier = await barriers.save(
      barriers.create({ ...data, attribution: Attribution.ANONYMOUS, namingConsent: namingAsked ? NamingConsent.PENDING : null, namingAnsweredAt: null }),
    );
    await recordEvent(tx, {
      organisationId: barrier.organisationId,
      kind: EventKind.BARRIER_RAISED,
      actorId: data.raisedById,
      barrierId: barrier.id,
      toStatus: barrier.status,
    });
    await notify(tx, barrierPolicy.namingAskees(barrier, raisingPair), {
      organisationId: barrier.organisationId,
      kind: NotificationKind.BARRIER_RAISED_FOR_PAIR,
      actorId: data.raisedById,
      barrierId: barrier.id,
      pairId: raisingPair.id,
      detail: { namingAsked },
    });
    return barrier;
  }

  /**
   * The other co-learner answers a request to name the pair on a barrier: AGREE makes it NAMED from
   * now on (kept in the history); DECLINE keeps it anonymous, and only the pair knows it was asked.
   */
  async answerNaming(input: AnswerBarrierNamingInput): Promise<BarrierEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const barrier = await this.findVisible(input.barrierId, tx, true);
      const raisingPair = await tx.getRepository(PairEntity).findOneByOrFail({ id: barrier.pairId });
      if (!barrierPolicy.canAnswerNaming(this.viewer, barrier, raisingPair)) {
        if (barrierPolicy.namingAskees(barrier, raisingPair).includes(this.viewer.personId) && barrier.namingConsent) {
          throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'You have already answered whether this barrier names your pair.', ['input', 'barrierId']);
        }
        throw forbidden("Only the other co-learner of the pair that raised it is asked whether it names the pair.");
      }
      const agreed = input.answer === NamingAnswer.AGREE;
      barrier.namingConsent = agreed ? NamingConsent.AGREED : NamingConsent.DECLINED;
      barrier.namingAnsweredAt = new Date();
      if (agreed) barrier.attribution = Attribution.NAMED;
      await tx.getRepository(BarrierEntity).update(barrier.id, {
        namingConsent: barrier.namingConsent,
        namingAnsweredAt: barrier.namingAnsweredAt,
        attribution: barrier.attribution,
      });
      if (agreed) {
        await recordEvent(tx, { organisationId: barrier.organisationId, kind: EventKind.BARRIER_NAMED, actorId: this.viewer.personId, barrierId: barrier.id });
      }
      await notify(tx, [barrier.raisedById], {
        organisationId: barrier.organisationId,
        kind: NotificationKind.BARRIER_NAMING_ANSWERED,
        actorId: this.viewer.personId,
        barrierId: barrier.id,
        pairId: raisingPair.id,
        detail: { answer: input.answer },
      });
      return barrier;
    });
  }

  /** "We see this too": another active pair of the organisation, once per pair, with its own evidence. */
  async corroborate(input: CorroborateBarrierInput): Promise<BarrierEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const barrier = await this.findVisible(input.barrierId, tx, true);
      const pair = await this.chooseCorroboratingPair(tx, barrier, input.pairId);
      const divisions = (await tx.getRepository(MembershipEntity).findBy({ organisationId: barrier.organisationId, personId: In([pair.seniorId, pair.juniorId]) }))
        .map((m) => m.division)
        .filter((d): d is string => Boolean(d));
      await tx.getRepository(BarrierCorroborationEntity).insert({
        barrierId: barrier.id,
        pairId: pair.id,
        personId: this.viewer.personId,
        divisions: [...new Set(divisions)],
        note: input.note?.trim() || null,
        evidence: toEvidence(input.evidence),
      });
      barrier.corroborationCount += 1;
      await tx.getRepository(BarrierEntity).update(barrier.id, { corroborationCount: barrier.corroborationCount });
      await recordEvent(tx, {
        organisationId: barrier.organisationId,
        kind: EventKind.BARRIER_CORROBORATED,
        actorId: this.viewer.personId,
        barrierId: barrier.id,
        detail: { corroborations: barrier.corroborationCount },
      });
      return barrier;
    });
  }

  /** OPEN → CLOSED, with a reason kept in the history. */
  async close(input: CloseBarrierInput): Promise<BarrierEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const barrier = await this.findVisible(input.barrierId, tx, true);
      const raisingPair = await tx.getRepository(PairEntity).findOneByOrFail({ id: barrier.pairId });
      if (!barrierPolicy.mayClose(this.viewer, barrier, raisingPair)) throw forbidden('Only the pair that raised it or a programme manager can close a barrier.');
      if (barrier.status !== BarrierStatus.OPEN) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Only an open barrier can be closed.');
      await this.moveInTransaction(tx, barrier, BarrierStatus.CLOSED, this.viewer.personId, { reason: input.reason.trim() });
      return barrier;
    });
  }

  /**
   * Moves a barrier to another status and records it in the history, inside the caller's
   * transaction: closing it here, or marking it addressed when one of its changes is adopted.
   */
  async moveInTransaction(tx: EntityManager, barrier: BarrierEntity, to: BarrierStatus, actorId: string, detail: Facts = {}): Promise<void> {
    const from = barrier.status;
    barrier.status = to;
    await tx.getRepository(BarrierEntity).update(barrier.id, { status: to });
    await recordEvent(tx, {
      organisationId: barrier.organisationId,
      kind: EventKind.BARRIER_STATUS_CHANGED,
      actorId,
      barrierId: barrier.id,
      fromStatus: from,
      toStatus: to,
      detail,
    });
  }

  /** The viewer's pair that corroborates: the one named, or their only eligible one; each refusal says why. */
  private async chooseCorroboratingPair(tx: EntityManager, barrier: BarrierEntity, pairGlobalId?: string | null): Promise<PairEntity> {
    if (barrier.status !== BarrierStatus.OPEN) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Only an open barrier can be corroborated.');
    const raisingPair = await tx.getRepository(PairEntity).findOneByOrFail({ id: barrier.pairId });
    const ownPair = () => new DomainError(UserErrorCode.INVALID_INPUT, 'A pair you are in raised this barrier; another pair must corroborate it.', ['input', 'pairId']);
    if (pairPolicy.isMember(this.viewer, raisingPair)) throw ownPair();
    const mine = await PairService.activePairsOf(tx, this.viewer.personId, barrier.organisationId);
    const wanted = pairGlobalId ? idOf(pairGlobalId, 'Pair') : null;
    const named = wanted ? mine.filter((p) => p.id === wanted) : mine;
    if (named.length === 0) throw forbidden('Only a co-learner of another active pair in this organisation can corroborate.');
    const done = (await tx.getRepository(BarrierCorroborationEntity).findBy({ barrierId: barrier.id })).map((c) => c.pairId);
    const open = barrierPolicy.corroboratingPairs(this.viewer, barrier, raisingPair, named, done);
    if (open.length === 0) {
      if (named.some((p) => done.includes(p.id))) throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'Your pair has already corroborated this barrier.');
      // Every pair left shares a person with the pair that raised it: that is not another pair's view.
      throw ownPair();
    }
    if (open.length > 1) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose which of your pairs corroborates.', ['input', 'pairId']);
    return open[0];
  }

  list(args: BarriersArgs) {
    const filter = args.filter ?? {};
    const organisations = filter.organisationId ? [idOf(filter.organisationId, 'Organisation')] : this.viewer.organisationIds;
    const visible = organisations.filter((id) => this.viewer.isMemberOf(id));
    const query = this.ctx.db.getRepository(BarrierEntity).createQueryBuilder('b').where(visible.length ? { organisationId: In(visible) } : '1 = 0');
    if (filter.status?.length) query.andWhere({ status: In(filter.status) });
    if (filter.category?.length) query.andWhere({ category: In(filter.category) });
    if (filter.affectedGroup?.length) query.andWhere('b.affected_groups && CAST(:groups AS affected_group[])', { groups: filter.affectedGroup });
    if (filter.search?.trim()) query.andWhere(`b.search_vector @@ websearch_to_tsquery('english', :search)`, { search: filter.search.trim() });
    if (filter.pairId) {
      // Filtering by pair must not unmask anonymous barriers: only the pair itself sees its anonymous ones.
      const pairId = idOf(filter.pairId, 'Pair');
      query.andWhere('b.pair_id = :pairId', { pairId });
      query.andWhere(`(b.attribution = 'NAMED' OR EXISTS (SELECT 1 FROM pair p WHERE p.id = b.pair_id AND :me IN (p.senior_id, p.junior_id)))`, {
        me: this.viewer.personId,
      });
    }
    if (filter.awaitingViewersNaming) {
      // Only the co-learner being asked finds these: the pair's partner, while the ask is pending.
      query.andWhere(`b.naming_consent = 'PENDING' AND b.raised_by_id <> :me AND EXISTS (SELECT 1 FROM pair p WHERE p.id = b.pair_id AND :me IN (p.senior_id, p.junior_id))`, {
        me: this.viewer.personId,
      });
    }
    return paginate(query, ORDERINGS[args.orderBy], args, Barrier.from);
  }
}
