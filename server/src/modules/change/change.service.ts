import { In, type EntityManager } from 'typeorm';
import { isIsoDate, today } from '../../common/dates';
import { findForUpdate } from '../../common/locking';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { idOf, paginate, type Ordering } from '../../common/relay';
import type { Context } from '../../context';
import { activeRoleHolders, shareLockMemberships } from '../person/membership.service';
import type { Viewer } from '../auth/viewer';
import { BarrierEntity, BarrierStatus } from '../barrier/barrier.entity';
import { barrierPolicy } from '../barrier/barrier.policy';
import { BarrierService } from '../barrier/barrier.service';
import { EventKind, type Facts } from '../history/event.entity';
import { recordEvent } from '../history/history.service';
import { NotificationKind } from '../notification/notification.entity';
import { notify } from '../notification/notification.service';
import { PairEntity } from '../pair/pair.entity';
import { PairService } from '../pair/pair.service';
import { Role } from '../person/membership.entity';
import { ChangeEntity, ChangeStatus, DecisionEntity, type SuccessMeasure } from './change.entity';
import { type ChangeRelations, readChangePage } from './change.relations';
import { type PageReads, READ_ALL } from './change.selection';
import {
  ChangeOrder,
  type AdoptChangeInput,
  type ConfirmAdoptionInput,
  type DeclineAdoptionInput,
  type ChangeActionInput,
  type ChangesArgs,
  type DecideChangeInput,
  type MeasureValueInput,
  type ProposeChangeInput,
  type ReportChangeProgressInput,
  type ReviseChangeInput,
  type SuccessMeasureInput,
  type ReassignChangeOwnerInput,
  type WithdrawChangeInput,
} from './change.inputs';
import { ACTOR_REFUSAL, actorsOf, changePolicy } from './change.policy';
import { Change } from './change.type';
import { adoptionConfirmation, Confirmer, type AdoptionConfirmation } from '../sustainment/adoption-confirmation';
import { SustainmentService } from '../sustainment/sustainment.service';
import { canTransition, ChangeAction, FINISHED, OUTCOME_ACTION, refusal, TRANSITIONS } from './change.workflow';

export interface NewChange {
  organisationId: string;
  barrierId: string;
  pairId: string;
  proposedById: string;
  ownerId: string;
  title: string;
  whatChanges: string;
  expectedImpact: string;
  targetDate: string;
  successMeasures: SuccessMeasure[];
}

const EVENT_OF: Record<ChangeAction, EventKind> = {
  REVISE: EventKind.CHANGE_EDITED,
  SUBMIT: EventKind.CHANGE_SUBMITTED,
  APPROVE: EventKind.CHANGE_DECIDED,
  REJECT: EventKind.CHANGE_DECIDED,
  REQUEST_CHANGES: EventKind.CHANGE_DECIDED,
  START: EventKind.CHANGE_STARTED,
  REPORT_PROGRESS: EventKind.CHANGE_PROGRESS_REPORTED,
  ADOPT: EventKind.CHANGE_ADOPTION_REQUESTED,
  CONFIRM_ADOPTION: EventKind.CHANGE_ADOPTED,
  DECLINE_ADOPTION: EventKind.CHANGE_ADOPTION_DECLINED,
  WITHDRAW: EventKind.CHANGE_WITHDRAWN,
  REASSIGN_OWNER: EventKind.CHANGE_OWNER_CHANGED,
};

/** Who hears about each action: the owner when a change is submitted to them; the pair (and owner) as it moves on. */
const NOTIFICATION_OF: Partial<Record<ChangeAction, { kind: NotificationKind; to: 'owner' | 'pair' | 'both' | 'confirmers' }>> = {
  SUBMIT: { kind: NotificationKind.CHANGE_SUBMITTED, to: 'owner' },
  APPROVE: { kind: NotificationKind.CHANGE_DECIDED, to: 'pair' },
  REJECT: { kind: NotificationKind.CHANGE_DECIDED, to: 'pair' },
  REQUEST_CHANGES: { kind: NotificationKind.CHANGE_DECIDED, to: 'pair' },
  START: { kind: NotificationKind.CHANGE_STARTED, to: 'both' },
  REPORT_PROGRESS: { kind: NotificationKind.CHANGE_PROGRESSED, to: 'both' },
  ADOPT: { kind: NotificationKind.CHANGE_ADOPTION_REQUESTED, to: 'confirmers' },
  CONFIRM_ADOPTION: { kind: NotificationKind.CHANGE_ADOPTED, to: 'both' },
  DECLINE_ADOPTION: { kind: NotificationKind.CHANGE_ADOPTION_DECLINED, to: 'both' },
  REASSIGN_OWNER: { kind: NotificationKind.CHANGE_OWNER_CHANGED, to: 'both' },
};

const toMeasures = (items: SuccessMeasureInput[]): SuccessMeasure[] =>
  items.map((m) => ({ metric: m.metric.trim(), unit: m.unit ?? null, baseline: m.baseline, target: m.target, current: null }));

const ORDERINGS: Record<ChangeOrder, Ordering<ChangeEntity>> = {
  [ChangeOrder.NEWEST]: { name: 'newest', direction: 'DESC', keys: [{ sql: 'c.created_at', value: (c) => c.createdAt }, { sql: 'c.id', value: (c) => c.id }] },
  [ChangeOrder.OLDEST]: { name: 'oldest', direction: 'ASC', keys: [{ sql: 'c.created_at', value: (c) => c.createdAt }, { sql: 'c.id', value: (c) => c.id }] },
  [ChangeOrder.TARGET_DATE]: { name: 'target', direction: 'ASC', keys: [{ sql: 'c.target_date', value: (c) => c.targetDate }, { sql: 'c.id', value: (c) => c.id }] },
  [ChangeOrder.RECENTLY_UPDATED]: {
    name: 'updated',
    direction: 'DESC',
    keys: [{ sql: 'c.updated_at', value: (c) => c.updatedAt }, { sql: 'c.id', value: (c) => c.id }],
  },
};

/** What one action does to a locked change, beyond moving its status; returns facts for the history. */
type Apply = (change: ChangeEntity, tx: EntityManager, confirmation?: AdoptionConfirmation) => Promise<Facts | void>;

const ADOPTION_ACTIONS = [ChangeAction.ADOPT, ChangeAction.CONFIRM_ADOPTION, ChangeAction.DECLINE_ADOPTION];

export class ChangeService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    return this.ctx.viewer as Viewer;
  }

  /** A pair of the viewer proposes a DRAFT change to a barrier of their organisation, owned by an OWNER there. */
  async propose(input: ProposeChangeInput): Promise<ChangeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const barrier = await new BarrierService(this.ctx).findVisible(input.barrierId, tx);
      if (barrier.status !== BarrierStatus.OPEN) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Changes are proposed for open barriers.', ['input', 'barrierId']);
      }
      const pair = await this.proposingPair(tx, barrier, input.pairId);
      const ownerId = await this.checkOwner(tx, barrier.organisationId, input.ownerId);
      this.checkTargetDate(input.targetDate);
      return this.createDraftInTransaction(tx, {
        organisationId: barrier.organisationId,
        barrierId: barrier.id,
        pairId: pair.id,
        proposedById: this.viewer.personId,
        ownerId,
        title: input.title.trim(),
        whatChanges: input.whatChanges.trim(),
        expectedImpact: input.expectedImpact.trim(),
        targetDate: input.targetDate,
        successMeasures: toMeasures(input.successMeasures),
      });
    });
  }

  /**
   * Writes a DRAFT change and its CHANGE_PROPOSED event without checking the viewer: the caller
   * has authorised it (a pair proposing, or a shared case being adapted for a chosen pair).
   */
  async createDraftInTransaction(tx: EntityManager, data: NewChange): Promise<ChangeEntity> {
    const changes = tx.getRepository(ChangeEntity);
    const change = await changes.save(changes.create({ ...data, status: ChangeStatus.DRAFT }));
    await recordEvent(tx, {
      organisationId: change.organisationId,
      kind: EventKind.CHANGE_PROPOSED,
      actorId: data.proposedById,
      barrierId: change.barrierId,
      changeId: change.id,
      toStatus: ChangeStatus.DRAFT,
    });
    return change;
  }

  revise(input: ReviseChangeInput) {
    return this.act(input, ChangeAction.REVISE, async (change, tx) => {
      if (input.ownerId) change.ownerId = await this.checkOwner(tx, change.organisationId, input.ownerId);
      if (input.targetDate) {
        this.checkTargetDate(input.targetDate);
        change.targetDate = input.targetDate;
      }
      if (input.title) change.title = input.title.trim();
      if (input.whatChanges) change.whatChanges = input.whatChanges.trim();
      if (input.expectedImpact) change.expectedImpact = input.expectedImpact.trim();
      if (input.successMeasures) change.successMeasures = toMeasures(input.successMeasures);
    });
  }

  submit(input: ChangeActionInput) {
    return this.act(input, ChangeAction.SUBMIT, async (change) => {
      change.submittedAt = new Date();
    });
  }

  /** Only the named owner decides, always with a rationale; the decision is kept with the change. */
  decide(input: DecideChangeInput) {
    return this.act(input, OUTCOME_ACTION[input.outcome], async (change, tx) => {
      change.decidedAt = new Date();
      const rationale = input.rationale.trim();
      await tx.getRepository(DecisionEntity).insert({ changeId: change.id, deciderId: this.viewer.personId, outcome: input.outcome, rationale });
      return { outcome: input.outcome, rationale };
    });
  }

  start(input: ChangeActionInput) {
    return this.act(input, ChangeAction.START, async (change) => {
      change.startedAt = new Date();
    });
  }

  reportProgress(input: ReportChangeProgressInput) {
    return this.act(input, ChangeAction.REPORT_PROGRESS, async (change) => {
      change.progress = input.progress;
      change.successMeasures = this.withCurrentValues(change.successMeasures, input.measures);
      return { progress: input.progress, note: input.note.trim() };
    });
  }

  /** Asks for adoption with evidence of what changed; the owner (or a sponsor) confirms it. */
  adopt(input: AdoptChangeInput) {
    return this.act(input, ChangeAction.ADOPT, async (change, tx) => {
      if (!isIsoDate(input.evidence.effectiveFrom)) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'That date does not exist.', ['input', 'evidence', 'effectiveFrom']);
      }
      change.progress = 100;
      change.successMeasures = this.withCurrentValues(change.successMeasures, input.measures);
      change.adoptionEvidence = {
        policyOrProcess: input.evidence.policyOrProcess.trim(),
        effectiveFrom: input.evidence.effectiveFrom,
        link: input.evidence.link ?? null,
        summary: input.evidence.summary?.trim() || null,
      };
      return { policyOrProcess: change.adoptionEvidence.policyOrProcess, effectiveFrom: input.evidence.effectiveFrom };
    });
  }

  /**
   * Adoption closes the loop once someone accountable confirms it: the owner, or a sponsor where the
   * owner has a conflict of interest (the history records which, and why). The barrier is marked
   * addressed, the measures' values at adoption start their series, and the reviews are scheduled.
   */
  confirmAdoption(input: ConfirmAdoptionInput) {
    return this.act(input, ChangeAction.CONFIRM_ADOPTION, async (change, tx, confirmation) => {
      change.adoptedAt = new Date();
      const barrier = await tx.getRepository(BarrierEntity).findOneByOrFail({ id: change.barrierId });
      if (barrier.status === BarrierStatus.OPEN) {
        await new BarrierService(this.ctx).moveInTransaction(tx, barrier, BarrierStatus.ADDRESSED, this.viewer.personId);
      }
      await new SustainmentService(this.ctx).startInTransaction(tx, change, this.viewer.personId);
      return {
        confirmedAs: confirmation!.confirmer,
        sponsorReason: confirmation!.reason,
        note: input.note?.trim() || (change.adoptionEvidence?.policyOrProcess ?? null),
      };
    });
  }

  /** The confirmer is not satisfied yet: back to in progress, with a reason the pair reads. */
  declineAdoption(input: DeclineAdoptionInput) {
    return this.act(input, ChangeAction.DECLINE_ADOPTION, async (change) => {
      change.progress = Math.min(change.progress, 90);
      return { reason: input.reason.trim() };
    });
  }

  withdraw(input: WithdrawChangeInput) {
    return this.act(input, ChangeAction.WITHDRAW, async (change) => {
      change.withdrawnReason = input.reason.trim();
      return { reason: change.withdrawnReason };
    });
  }

  /** Hands the change to another owner; the one it is taken from hears too, as its decision leaves their queue. */
  reassignOwner(input: ReassignChangeOwnerInput) {
    return this.act(input, ChangeAction.REASSIGN_OWNER, async (change, tx) => {
      const ownerId = await this.checkOwner(tx, change.organisationId, input.ownerId);
      if (ownerId === change.ownerId) throw new DomainError(UserErrorCode.INVALID_INPUT, 'This person already owns the change.', ['input', 'ownerId']);
      const previousOwnerId = change.ownerId;
      change.ownerId = ownerId;
      const facts = { reason: input.reason.trim(), previousOwnerId, ownerId };
      await notify(tx, [previousOwnerId], {
        organisationId: change.organisationId,
        kind: NotificationKind.CHANGE_OWNER_CHANGED,
        actorId: this.viewer.personId,
        barrierId: change.barrierId,
        changeId: change.id,
        detail: { action: ChangeAction.REASSIGN_OWNER, ...facts },
      });
      return facts;
    });
  }

  /**
   * The one path for every transition: lock the row, check who, check the version the viewer saw,
   * check the workflow, apply, save (the version column increments), append the event, notify.
   * Two concurrent requests serialise on the row lock; the second sees the first's result.
   */
  private async act(input: ChangeActionInput, action: ChangeAction, apply: Apply): Promise<ChangeEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const change = await findForUpdate(tx, ChangeEntity, idOf(input.changeId, 'Change'));
      if (!change || !changePolicy.canSee(this.viewer, change)) throw notFound('That change');
      const pair = await tx.getRepository(PairEntity).findOneByOrFail({ id: change.pairId });
      // Who confirms an adoption (owner, or a sponsor where the owner has a conflict of interest) matters only around adoption.
      const confirmation = ADOPTION_ACTIONS.includes(action) ? await adoptionConfirmation(tx, change, pair) : undefined;
      if (!changePolicy.mayAct(this.viewer, change, pair, action, confirmation)) throw forbidden(ACTOR_REFUSAL[actorsOf(action)]);
      if (input.expectedVersion != null && input.expectedVersion !== change.version) {
        throw new DomainError(
          UserErrorCode.CONFLICT,
          `Someone else changed this a moment ago (it is now ${change.status.toLowerCase().replace('_', ' ')}). Reload and try again.`,
          ['input', 'expectedVersion'],
        );
      }
      if (!canTransition(change.status, action)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, refusal(change.status, action));

      const from = change.status;
      const facts = (await apply(change, tx, confirmation)) ?? {};
      change.status = TRANSITIONS[action].to ?? change.status;
      const saved = await tx.getRepository(ChangeEntity).save(change);
      await recordEvent(tx, {
        organisationId: change.organisationId,
        kind: EVENT_OF[action],
        actorId: this.viewer.personId,
        barrierId: change.barrierId,
        changeId: change.id,
        fromStatus: from,
        toStatus: change.status,
        detail: facts,
      });
      const notice = NOTIFICATION_OF[action];
      if (notice) {
        const pairMembers = [pair.seniorId, pair.juniorId];
        const to =
          notice.to === 'owner'
            ? [change.ownerId]
            : notice.to === 'pair'
              ? pairMembers
              : notice.to === 'confirmers'
                ? await this.confirmers(tx, change, pairMembers, confirmation!)
                : [...pairMembers, change.ownerId];
        await notify(tx, to, {
          organisationId: change.organisationId,
          kind: notice.kind,
          actorId: this.viewer.personId,
          barrierId: change.barrierId,
          changeId: change.id,
          detail: { action, ...facts },
        });
      }
      return saved;
    });
  }

  /** Who is asked to confirm an adoption: the owner, or every sponsor of the organisation outside the pair. */
  private async confirmers(tx: EntityManager, change: ChangeEntity, pairMembers: string[], confirmation: AdoptionConfirmation): Promise<string[]> {
    if (confirmation.confirmer === Confirmer.OWNER) return [change.ownerId];
    const sponsors = (await activeRoleHolders(tx, [change.organisationId], Role.SPONSOR)).get(change.organisationId)!;
    return sponsors.filter((id) => id !== change.ownerId && !pairMembers.includes(id));
  }

  private withCurrentValues(measures: SuccessMeasure[], values: MeasureValueInput[]): SuccessMeasure[] {
    const updated = measures.map((m) => ({ ...m }));
    for (const value of values) {
      const measure = updated.find((m) => m.metric.toLowerCase() === value.metric.trim().toLowerCase());
      if (!measure) throw new DomainError(UserErrorCode.INVALID_INPUT, `This change has no measure called "${value.metric}".`, ['input', 'measures']);
      measure.current = value.current;
    }
    return updated;
  }

  private async proposingPair(tx: EntityManager, barrier: BarrierEntity, pairGlobalId?: string | null): Promise<PairEntity> {
    const mine = await PairService.activePairsOf(tx, this.viewer.personId, barrier.organisationId);
    if (!barrierPolicy.canProposeChange(this.viewer, barrier, mine)) {
      throw forbidden('Only a co-learner of an active pair in this organisation can propose a change.');
    }
    if (pairGlobalId) {
      const pair = mine.find((p) => p.id === idOf(pairGlobalId, 'Pair'));
      if (!pair) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose one of your active pairs.', ['input', 'pairId']);
      return pair;
    }
    if (mine.length > 1) throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose which of your pairs proposes this.', ['input', 'pairId']);
    return mine[0];
  }

  private async checkOwner(tx: EntityManager, organisationId: string, ownerGlobalId: string): Promise<string> {
    const ownerId = idOf(ownerGlobalId, 'Person');
    const [membership] = await shareLockMemberships(tx, organisationId, [ownerId]);
    if (!membership?.roles.includes(Role.OWNER)) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose an owner: a leader with the owner role in this organisation.', ['input', 'ownerId']);
    }
    return ownerId;
  }

  private checkTargetDate(targetDate: string): void {
    if (!isIsoDate(targetDate) || targetDate < today()) {
      throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a target date from today on.', ['input', 'targetDate']);
    }
  }

  /** The viewer's changes, a page at a time; `reads` may leave out the long texts no field asked for shows. */
  list(args: ChangesArgs, reads: PageReads = READ_ALL) {
    const filter = args.filter ?? {};
    const organisations = filter.organisationId ? [idOf(filter.organisationId, 'Organisation')] : this.viewer.organisationIds;
    const visible = organisations.filter((id) => this.viewer.isMemberOf(id));
    const query = this.ctx.db.getRepository(ChangeEntity).createQueryBuilder('c').where(visible.length ? { organisationId: In(visible) } : '1 = 0');
    if (filter.status?.length) query.andWhere({ status: In(filter.status) });
    if (filter.ownerId) query.andWhere({ ownerId: idOf(filter.ownerId, 'Person') });
    if (filter.barrierId) query.andWhere({ barrierId: idOf(filter.barrierId, 'Barrier') });
    if (filter.overdue != null) {
      const overdue = `(c.target_date < CURRENT_DATE AND c.status NOT IN (:...finished))`;
      query.andWhere(filter.overdue ? overdue : `NOT ${overdue}`, { finished: FINISHED });
    }
    if (filter.pairId) {
      // As for barriers: filtering by pair must not unmask the pair behind an anonymous barrier.
      query.andWhere('c.pair_id = :pairId', { pairId: idOf(filter.pairId, 'Pair') });
      query.andWhere(
        `(EXISTS (SELECT 1 FROM barrier b WHERE b.id = c.barrier_id AND (b.attribution = 'NAMED' OR b.pair_id <> c.pair_id))
          OR EXISTS (SELECT 1 FROM pair p WHERE p.id = c.pair_id AND :me IN (p.senior_id, p.junior_id)))`,
        { me: this.viewer.personId },
      );
    }
    if (filter.mine) {
      query.andWhere(`(c.owner_id = :me OR EXISTS (SELECT 1 FROM pair p WHERE p.id = c.pair_id AND :me IN (p.senior_id, p.junior_id)))`, {
        me: this.viewer.personId,
      });
    }
    // The page's changes and everything the board shows around them, in one statement.
    const relations = new Map<string, ChangeRelations>();
    return paginate(query, ORDERINGS[args.orderBy], args, (entity) => Change.withRelations(entity, relations.get(entity.id)), async (page, orderBy) => {
      const [pageSql, params] = page.select('c.id', 'id').getQueryAndParameters();
      const rows = await readChangePage(this.ctx.db, this.ctx.loaders, pageSql, params, orderBy, reads);
      for (const row of rows) relations.set(row.entity.id, row.relations);
      return rows.map((row) => row.entity);
    });
  }

  /** What awaits the viewer's decision, oldest submission first. */
  decisionQueue(args: { first: number; after?: string | null }) {
    const query = this.ctx.db
      .getRepository(ChangeEntity)
      .createQueryBuilder('c')
      .where({ ownerId: this.viewer.personId, status: ChangeStatus.SUBMITTED })
      .andWhere(this.viewer.organisationIds.length ? { organisationId: In(this.viewer.organisationIds) } : '1 = 0');
    return paginate(
      query,
      { name: 'queue', direction: 'ASC', keys: [{ sql: 'c.submitted_at', value: (c) => c.submittedAt! }, { sql: 'c.id', value: (c) => c.id }] },
      { first: args.first, after: args.after },
      Change.from,
    );
  }
}
