import { In, type EntityManager } from 'typeorm';
import { DomainError, forbidden, notFound, UserErrorCode } from '../../common/errors';
import { findForUpdate } from '../../common/locking';
import { type ConnectionArgs, idOf, paginate } from '../../common/relay';
import type { Context } from '../../context';
import { shareLockMemberships } from '../person/membership.service';
import type { Viewer } from '../auth/viewer';
import { Attribution, BarrierEntity } from '../barrier/barrier.entity';
import { BarrierService } from '../barrier/barrier.service';
import { Barrier } from '../barrier/barrier.type';
import { ChangeEntity, DecisionEntity } from '../change/change.entity';
import { ChangeService } from '../change/change.service';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { ContractVersionEntity, PairEntity, PairStatus } from '../pair/pair.entity';
import { Role } from '../person/membership.entity';
import { syncRedactions } from './case-redactions';
import { adaptedChangeTitle, normaliseTags, referenceFigures, SHAREABLE_CHANGE_STATUSES, snapshotCase, topicsAbout } from './case-snapshot';
import { caseText, setCaseText } from './case-text';
import type { AdaptCaseInput, CaseMeasureInput, RequestCasePublicationInput } from './library.inputs';
import { RedactionAction } from './library.inputs';
import {
  CaseAdaptationEntity,
  CaseConsentEntity,
  CaseEndorsementEntity,
  CaseRedactionEntity,
  RedactionStatus,
  SharedCaseEntity,
  SharedCaseStatus,
} from './library.entity';
import { announceCaseStatus } from './library.notices';
import { libraryPolicy } from './library.policy';
import { CasePublicationCandidate, SharedCase } from './library.type';
import { applyReplacement } from './redaction';

export interface CaseTextPatch {
  title?: string | null;
  summary?: string | null;
  whatChanged?: string | null;
  outcomeSummary?: string | null;
  tags?: string[] | null;
  measures?: CaseMeasureInput[] | null;
}

const caseField = ['input', 'caseId'];
const SIX_MONTHS_MS = 182 * 86_400_000;

/**
 * The community library: drafting a case from a barrier, the redaction assistant, consent and
 * approval, endorsements, and adapting a case into another organisation.
 */
export class LibraryService {
  constructor(private readonly ctx: Context) {}

  private get viewer(): Viewer {
    if (!this.ctx.viewer) throw new Error('LibraryService needs a signed-in viewer');
    return this.ctx.viewer;
  }

  /** The case, locked for this transaction, with its pair; a case the viewer may not see does not exist for them. */
  private async lockCase(tx: EntityManager, caseId: string): Promise<{ sharedCase: SharedCaseEntity; pair: PairEntity }> {
    const sharedCase = await findForUpdate(tx, SharedCaseEntity, caseId);
    const pair = sharedCase && (await tx.getRepository(PairEntity).findOneBy({ id: sharedCase.pairId }));
    if (!sharedCase || !pair || !libraryPolicy.canSee(this.viewer, sharedCase, pair)) throw notFound('That case');
    return { sharedCase, pair };
  }

  private async consentCount(tx: EntityManager, sharedCase: SharedCaseEntity, pair: PairEntity): Promise<number> {
    return tx.getRepository(CaseConsentEntity).countBy({ caseId: sharedCase.id, personId: In([pair.seniorId, pair.juniorId]) });
  }

  /**
   * Works out where a draft stands from its open flags and consents; a published or declined case
   * stays so, a case sent back stays sent back until both co-learners consent again.
   */
  private async refreshStatus(tx: EntityManager, sharedCase: SharedCaseEntity, pair: PairEntity, openFlags?: number): Promise<void> {
    if (sharedCase.status === SharedCaseStatus.PUBLISHED || sharedCase.status === SharedCaseStatus.DECLINED) return;
    const open = openFlags ?? (await tx.getRepository(CaseRedactionEntity).countBy({ caseId: sharedCase.id, status: RedactionStatus.OPEN }));
    const consents = await this.consentCount(tx, sharedCase, pair);
    if (open > 0) sharedCase.status = SharedCaseStatus.REDACTING;
    else if (sharedCase.status === SharedCaseStatus.UNPUBLISHED) return;
    else if (sharedCase.status === SharedCaseStatus.SENT_BACK && consents < 2) return;
    else sharedCase.status = consents >= 2 ? SharedCaseStatus.AWAITING_APPROVAL : SharedCaseStatus.AWAITING_CONSENT;
  }

  /** After any change of the text: read it again for personal data, and ask both co-learners again. */
  private async textChanged(tx: EntityManager, sharedCase: SharedCaseEntity, pair: PairEntity): Promise<void> {
    const before = sharedCase.status;
    await tx.getRepository(CaseConsentEntity).delete({ caseId: sharedCase.id });
    if (sharedCase.status === SharedCaseStatus.UNPUBLISHED || sharedCase.status === SharedCaseStatus.SENT_BACK) sharedCase.status = SharedCaseStatus.AWAITING_CONSENT;
    const open = await syncRedactions(tx, sharedCase);
    await this.refreshStatus(tx, sharedCase, pair, open);
    await tx.getRepository(SharedCaseEntity).save(sharedCase);
    await announceCaseStatus(tx, this.viewer.personId, sharedCase, pair, before);
  }

  /**
   * Reads a case again with what the assistant knows now (a new member, a new entry on the
   * organisation's list) without touching its text; a new find sends it back to redacting.
   */
  private async reread(tx: EntityManager, sharedCase: SharedCaseEntity, pair: PairEntity): Promise<void> {
    if (sharedCase.status === SharedCaseStatus.PUBLISHED || sharedCase.status === SharedCaseStatus.DECLINED) return;
    const before = sharedCase.status;
    const open = await syncRedactions(tx, sharedCase);
    if (open > 0) sharedCase.status = SharedCaseStatus.REDACTING;
    else if (before === SharedCaseStatus.REDACTING) await this.refreshStatus(tx, sharedCase, pair, 0);
    if (sharedCase.status === before) return;
    await tx.getRepository(SharedCaseEntity).save(sharedCase);
    await announceCaseStatus(tx, this.viewer.personId, sharedCase, pair, before);
  }

  /**
   * The organisation's list of identifiers changed: every case not yet published is read again,
   * and every case's search index is rebuilt (the index leaves out the organisation's names).
   */
  async identifiersChanged(tx: EntityManager, organisationId: string): Promise<void> {
    const cases = await tx.getRepository(SharedCaseEntity).find({ where: { organisationId }, lock: { mode: 'pessimistic_write' } });
    const pairs = cases.length ? await tx.getRepository(PairEntity).findBy({ id: In([...new Set(cases.map((c) => c.pairId))]) }) : [];
    for (const sharedCase of cases) await this.reread(tx, sharedCase, pairs.find((p) => p.id === sharedCase.pairId)!);
    // The search trigger fires on an update of the title; the value stays the same.
    await tx.query('UPDATE shared_case SET title = title WHERE organisation_id = $1', [organisationId]);
  }

  /** A co-learner drafts a case from their pair's barrier and its changes; the assistant reads it at once. */
  async requestPublication(input: RequestCasePublicationInput): Promise<SharedCaseEntity> {
    const barrierId = idOf(input.barrierId, 'Barrier');
    const changeIds = input.changeIds?.map((id) => idOf(id, 'Change'));
    return this.ctx.db.transaction(async (tx) => {
      const barrier = await tx.getRepository(BarrierEntity).findOneBy({ id: barrierId });
      const pair = barrier && (await tx.getRepository(PairEntity).findOneBy({ id: barrier.pairId }));
      if (!barrier || !pair || !this.viewer.isMemberOf(barrier.organisationId)) throw notFound('That barrier');
      if (!libraryPolicy.canRequest(this.viewer, pair)) throw forbidden('Only the co-learners who raised a barrier can share it as a case.');
      const existing = await tx.getRepository(SharedCaseEntity).findOneBy({ sourceBarrierId: barrier.id });
      if (existing) throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'This barrier is already being shared as a case.', ['input', 'barrierId']);

      const candidates = await tx.getRepository(ChangeEntity).find({ where: { barrierId: barrier.id }, order: { createdAt: 'ASC' } });
      const changes = changeIds
        ? candidates.filter((c) => changeIds.includes(c.id))
        : candidates.filter((c) => SHAREABLE_CHANGE_STATUSES.includes(c.status));
      if (changeIds && changes.length !== changeIds.length) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Every change must be one proposed for this barrier.', ['input', 'changeIds']);
      }
      if (changes.length === 0) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Propose and submit a change for this barrier before sharing it as a case.', ['input', 'barrierId']);
      }
      const decisions = await tx.getRepository(DecisionEntity).findBy({ changeId: In(changes.map((c) => c.id)) });
      const organisation = await tx.getRepository(OrganisationEntity).findOneByOrFail({ id: barrier.organisationId });
      const contract = await tx.getRepository(ContractVersionEntity).findOne({ where: { pairId: pair.id }, order: { version: 'DESC' } });

      const snapshot = snapshotCase(barrier, changes, decisions);
      const sharedCase = await tx.getRepository(SharedCaseEntity).save(
        tx.getRepository(SharedCaseEntity).create({
          organisationId: barrier.organisationId,
          sourceBarrierId: barrier.id,
          sourceChangeIds: changes.map((c) => c.id),
          pairId: pair.id,
          requestedById: this.viewer.personId,
          ...snapshot,
          sector: organisation.sector,
          category: barrier.category,
          affectedGroups: barrier.affectedGroups,
          // The pair's contract topics hint at who wrote it, so an anonymous barrier's case does without them.
          tags: normaliseTags([...(input.tags ?? []), ...(barrier.attribution === Attribution.NAMED ? topicsAbout(contract?.focusTopics ?? [], snapshot) : [])]),
          status: SharedCaseStatus.REDACTING,
        }),
      );
      await this.textChanged(tx, sharedCase, pair);
      return sharedCase;
    });
  }

  /** The authors edit the text before publication. */
  async edit(caseId: string, patch: CaseTextPatch): Promise<SharedCaseEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase, pair } = await this.lockCase(tx, caseId);
      if (!libraryPolicy.canEdit(this.viewer, sharedCase, pair)) {
        if (libraryPolicy.isAuthor(this.viewer, pair)) {
          if (sharedCase.status === SharedCaseStatus.DECLINED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'A declined case cannot be edited.', caseField);
          throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'A published case cannot be edited; ask a manager to unpublish it first.', caseField);
        }
        throw forbidden('Only the co-learners who wrote a case can edit it.');
      }
      if (patch.title != null) sharedCase.title = patch.title.trim();
      if (patch.summary != null) sharedCase.summary = patch.summary.trim();
      if (patch.whatChanged != null) sharedCase.whatChanged = patch.whatChanged.trim();
      if (patch.outcomeSummary != null) sharedCase.outcomeSummary = patch.outcomeSummary.trim();
      if (patch.tags != null) sharedCase.tags = normaliseTags(patch.tags);
      if (patch.measures != null) {
        sharedCase.measures = patch.measures.map((m) => ({ metric: m.metric.trim(), unit: m.unit ?? null, baseline: m.baseline, target: m.target, current: m.current ?? null }));
      }
      await this.textChanged(tx, sharedCase, pair);
      return sharedCase;
    });
  }

  /** Accept the assistant's proposal, put in one's own words, or dismiss a flag as not personal data. */
  async resolveRedaction(redactionId: string, action: RedactionAction, replacement?: string | null) {
    return this.ctx.db.transaction(async (tx) => {
      const flag = await tx.getRepository(CaseRedactionEntity).findOneBy({ id: redactionId });
      if (!flag) throw notFound('That flagged item');
      const { sharedCase, pair } = await this.lockCase(tx, flag.caseId);
      const current = await tx.getRepository(CaseRedactionEntity).findOneByOrFail({ id: redactionId });
      if (!libraryPolicy.canEdit(this.viewer, sharedCase, pair)) throw forbidden('Only the co-learners who wrote a case resolve its flagged items.');
      if (current.status !== RedactionStatus.OPEN) {
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This item has already been resolved.', ['input', 'redactionId']);
      }
      if (action === RedactionAction.EDIT && replacement == null) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Give your replacement text.', ['input', 'replacement']);
      }
      const text = caseText(sharedCase, current.field, current.measureIndex);
      if (text == null || text.slice(current.startOffset, current.endOffset) !== current.found) {
        throw new DomainError(UserErrorCode.CONFLICT, 'The text has changed since this item was flagged; reload the case.', ['input', 'redactionId']);
      }
      current.resolvedById = this.viewer.personId;
      current.resolvedAt = new Date();
      if (action === RedactionAction.DISMISS) {
        current.status = RedactionStatus.DISMISSED;
      } else {
        current.status = action === RedactionAction.ACCEPT ? RedactionStatus.ACCEPTED : RedactionStatus.EDITED;
        current.appliedReplacement = action === RedactionAction.ACCEPT ? current.proposedReplacement : replacement!.trim();
        setCaseText(sharedCase, current.field, current.measureIndex, applyReplacement(text, current.startOffset, current.endOffset, current.appliedReplacement));
      }
      await tx.getRepository(CaseRedactionEntity).save(current);
      await this.textChanged(tx, sharedCase, pair);
      return { sharedCase, redaction: current };
    });
  }

  /** A co-learner consents to the text as it stands, or withdraws consent (which takes a published case down). */
  async consent(caseId: string, consent: boolean): Promise<SharedCaseEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase, pair } = await this.lockCase(tx, caseId);
      const before = sharedCase.status;
      if (!libraryPolicy.isAuthor(this.viewer, pair)) throw forbidden('Only the two co-learners of a case consent to it.');
      const consents = tx.getRepository(CaseConsentEntity);
      if (consent) {
        if (sharedCase.status === SharedCaseStatus.DECLINED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This case was declined.', caseField);
        if (!libraryPolicy.canConsent(this.viewer, sharedCase, pair)) {
          throw new DomainError(UserErrorCode.UNRESOLVED_REDACTIONS, 'Resolve every flagged item before consenting.', caseField);
        }
        await consents.createQueryBuilder().insert().values({ caseId: sharedCase.id, personId: this.viewer.personId }).orIgnore().execute();
      } else {
        await consents.delete({ caseId: sharedCase.id, personId: this.viewer.personId });
        if (sharedCase.status === SharedCaseStatus.PUBLISHED) {
          Object.assign(sharedCase, { status: SharedCaseStatus.UNPUBLISHED, unpublishedAt: new Date(), unpublishedReason: 'A co-learner withdrew consent.' });
        }
      }
      await this.refreshStatus(tx, sharedCase, pair);
      const saved = await tx.getRepository(SharedCaseEntity).save(sharedCase);
      await announceCaseStatus(tx, this.viewer.personId, saved, pair, before);
      return saved;
    });
  }

  /**
   * A programme manager publishes a case both co-learners consented to, naming the organisation or
   * not. The text is read once more first, with what the assistant knows now: a case with an
   * unresolved flag is never published.
   */
  async approve(caseId: string, showOrganisationName: boolean): Promise<SharedCaseEntity> {
    await this.ctx.db.transaction(async (tx) => {
      const { sharedCase, pair } = await this.lockCase(tx, caseId);
      if (libraryPolicy.isManager(this.viewer, sharedCase)) await this.reread(tx, sharedCase, pair);
    });
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase, pair } = await this.lockCase(tx, caseId);
      const before = sharedCase.status;
      if (!libraryPolicy.isManager(this.viewer, sharedCase)) throw forbidden("Only a programme manager of the case's organisation approves it.");
      const complete = (await this.consentCount(tx, sharedCase, pair)) >= 2;
      const open = await tx.getRepository(CaseRedactionEntity).countBy({ caseId: sharedCase.id, status: RedactionStatus.OPEN });
      if (open > 0 || !libraryPolicy.canApprove(this.viewer, sharedCase, complete)) {
        if (sharedCase.status === SharedCaseStatus.PUBLISHED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This case is already published.', caseField);
        if (sharedCase.status === SharedCaseStatus.DECLINED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This case was declined.', caseField);
        if (open > 0) throw new DomainError(UserErrorCode.UNRESOLVED_REDACTIONS, 'Flagged personal data is not resolved yet.', caseField);
        throw new DomainError(UserErrorCode.CONSENT_MISSING, 'Both co-learners must consent before the case is published.', caseField);
      }
      Object.assign(sharedCase, {
        status: SharedCaseStatus.PUBLISHED,
        showOrganisationName,
        approvedById: this.viewer.personId,
        publishedAt: new Date(),
        unpublishedAt: null,
        unpublishedReason: null,
      });
      const saved = await tx.getRepository(SharedCaseEntity).save(sharedCase);
      await announceCaseStatus(tx, this.viewer.personId, saved, pair, before);
      return saved;
    });
  }

  /**
   * A programme manager sends a case back to its co-learners with what to change, or declines it
   * with why; either way the co-learners are told. Sending back asks both for consent again.
   */
  async review(caseId: string, verdict: SharedCaseStatus.SENT_BACK | SharedCaseStatus.DECLINED, reason: string): Promise<SharedCaseEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase, pair } = await this.lockCase(tx, caseId);
      const before = sharedCase.status;
      if (!libraryPolicy.isManager(this.viewer, sharedCase)) throw forbidden("Only a programme manager of the case's organisation reviews it.");
      const allowed = verdict === SharedCaseStatus.SENT_BACK ? libraryPolicy.canSendBack(this.viewer, sharedCase) : libraryPolicy.canDecline(this.viewer, sharedCase);
      if (!allowed) {
        const what = verdict === SharedCaseStatus.SENT_BACK ? 'sent back' : 'declined';
        throw new DomainError(UserErrorCode.INVALID_TRANSITION, `A case that is ${before.toLowerCase().replace(/_/g, ' ')} cannot be ${what}.`, caseField);
      }
      if (verdict === SharedCaseStatus.SENT_BACK) await tx.getRepository(CaseConsentEntity).delete({ caseId: sharedCase.id });
      Object.assign(sharedCase, { status: verdict, reviewNote: reason.trim(), reviewedById: this.viewer.personId, reviewedAt: new Date() });
      const saved = await tx.getRepository(SharedCaseEntity).save(sharedCase);
      await announceCaseStatus(tx, this.viewer.personId, saved, pair, before);
      return saved;
    });
  }

  async unpublish(caseId: string, reason: string): Promise<SharedCaseEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase, pair } = await this.lockCase(tx, caseId);
      const before = sharedCase.status;
      if (!libraryPolicy.isManager(this.viewer, sharedCase) && !this.viewer.isPlatformAdmin) {
        throw forbidden("Only a programme manager of the case's organisation can unpublish it.");
      }
      if (!libraryPolicy.canUnpublish(this.viewer, sharedCase)) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'This case is not published.', caseField);
      Object.assign(sharedCase, { status: SharedCaseStatus.UNPUBLISHED, unpublishedAt: new Date(), unpublishedReason: reason.trim() });
      const saved = await tx.getRepository(SharedCaseEntity).save(sharedCase);
      await announceCaseStatus(tx, this.viewer.personId, saved, pair, before);
      return saved;
    });
  }

  /** Once per person; members of the case's own organisation do not endorse it. */
  async endorse(caseId: string): Promise<SharedCaseEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase } = await this.lockCase(tx, caseId);
      const organisationId = libraryPolicy.organisationToEndorseFor(this.viewer, sharedCase);
      if (!organisationId) throw forbidden('Members of other organisations in the community endorse a published case.');
      const inserted = await tx
        .getRepository(CaseEndorsementEntity)
        .createQueryBuilder()
        .insert()
        .values({ caseId: sharedCase.id, personId: this.viewer.personId, organisationId })
        .orIgnore()
        .execute();
      if (!inserted.identifiers.length || !inserted.identifiers[0]) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'You have already endorsed this case.', caseField);
      }
      return sharedCase;
    });
  }

  async withdrawEndorsement(caseId: string): Promise<SharedCaseEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase } = await this.lockCase(tx, caseId);
      const removed = await tx.getRepository(CaseEndorsementEntity).delete({ caseId: sharedCase.id, personId: this.viewer.personId });
      if (!removed.affected) throw new DomainError(UserErrorCode.NOT_FOUND, 'You have not endorsed this case.', caseField);
      return sharedCase;
    });
  }

  /** Creates, in the viewer's organisation and for a pair there, a barrier and a DRAFT change prefilled from the case. */
  async adapt(input: AdaptCaseInput): Promise<{ sharedCase: SharedCaseEntity; adaptation: CaseAdaptationEntity; barrier: BarrierEntity; change: ChangeEntity }> {
    const caseId = idOf(input.caseId, 'SharedCase');
    const pairId = idOf(input.pairId, 'Pair');
    const ownerId = idOf(input.ownerId, 'Person');
    return this.ctx.db.transaction(async (tx) => {
      const { sharedCase } = await this.lockCase(tx, caseId);
      const pair = await tx.getRepository(PairEntity).findOneBy({ id: pairId });
      if (!pair || !this.viewer.isMemberOf(pair.organisationId)) throw notFound('That pair');
      if (pair.organisationId === sharedCase.organisationId) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'This case comes from your own organisation; adapt cases from others.', ['input', 'pairId']);
      }
      if (!libraryPolicy.canAdaptInto(this.viewer, sharedCase, pair)) {
        if (sharedCase.status !== SharedCaseStatus.PUBLISHED) throw new DomainError(UserErrorCode.INVALID_TRANSITION, 'Only published cases can be adapted.', caseField);
        throw forbidden('Community members and co-learners of an organisation adapt cases into it.');
      }
      if (pair.status === PairStatus.COMPLETED || pair.status === PairStatus.ENDED) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose a pair that is still working together.', ['input', 'pairId']);
      }
      const [owner] = await shareLockMemberships(tx, pair.organisationId, [ownerId]);
      if (!owner?.roles.includes(Role.OWNER)) {
        throw new DomainError(UserErrorCode.INVALID_INPUT, 'Choose an owner who holds the OWNER role in your organisation.', ['input', 'ownerId']);
      }
      if (await tx.getRepository(CaseAdaptationEntity).existsBy({ caseId: sharedCase.id, pairId: pair.id })) {
        throw new DomainError(UserErrorCode.ALREADY_EXISTS, 'This pair has already adapted this case.', ['input', 'pairId']);
      }

      // The barrier and change services write the records and their history; this service has authorised the viewer.
      // The adapter raises the barrier (the pair takes it forward); the change's expected impact is
      // the adapter's own words, and the case's outcome and figures stay on the case, shown beside
      // the change as reference (see adaptedFrom), never copied in as if they were this organisation's.
      const barrier = await new BarrierService(this.ctx).createInTransaction(tx, {
        organisationId: pair.organisationId,
        pairId: pair.id,
        raisedById: this.viewer.personId,
        title: input.title?.trim() || sharedCase.title,
        description: `Adapted from a case in the community library.\n\n${sharedCase.summary}`,
        category: sharedCase.category,
        affectedGroups: sharedCase.affectedGroups,
        evidence: referenceFigures(sharedCase.measures),
        attribution: Attribution.NAMED,
      });
      const change = await new ChangeService(this.ctx).createDraftInTransaction(tx, {
        organisationId: pair.organisationId,
        barrierId: barrier.id,
        pairId: pair.id,
        proposedById: this.viewer.personId,
        ownerId,
        title: input.changeTitle?.trim() || adaptedChangeTitle(barrier.title),
        whatChanges: sharedCase.whatChanged,
        expectedImpact: input.expectedImpact.trim(),
        targetDate: input.targetDate ?? new Date(Date.now() + SIX_MONTHS_MS).toISOString().slice(0, 10),
        successMeasures: [],
      });
      const adaptation = await tx.getRepository(CaseAdaptationEntity).save(
        tx.getRepository(CaseAdaptationEntity).create({
          caseId: sharedCase.id,
          organisationId: pair.organisationId,
          pairId: pair.id,
          barrierId: barrier.id,
          changeId: change.id,
          adaptedById: this.viewer.personId,
          shareProgress: input.shareProgress,
        }),
      );
      return { sharedCase, adaptation, barrier, change };
    });
  }

  async setAdaptationSharing(adaptationId: string, shareProgress: boolean): Promise<CaseAdaptationEntity> {
    return this.ctx.db.transaction(async (tx) => {
      const adaptation = await tx.getRepository(CaseAdaptationEntity).findOneBy({ id: adaptationId });
      if (!adaptation || !this.viewer.isMemberOf(adaptation.organisationId)) throw notFound('That adaptation');
      if (!libraryPolicy.canSetAdaptationSharing(this.viewer, adaptation)) throw forbidden('Whoever adapted the case, or a programme manager there, decides this.');
      adaptation.shareProgress = shareProgress;
      return tx.getRepository(CaseAdaptationEntity).save(adaptation);
    });
  }

  /**
   * An organisation's cases at every stage: all of them for its programme managers, their own
   * pairs' cases for co-learners.
   */
  async organisationCases(organisationId: string, statuses: SharedCaseStatus[] | null | undefined, args: ConnectionArgs) {
    if (!this.viewer.isMemberOf(organisationId)) throw notFound('That organisation');
    const query = this.ctx.db.getRepository(SharedCaseEntity).createQueryBuilder('c').where('c.organisation_id = :organisationId', { organisationId });
    if (!this.viewer.hasRole(organisationId, Role.PROGRAMME_MANAGER)) {
      query.andWhere('c.pair_id IN (SELECT p.id FROM pair p WHERE p.senior_id = :me OR p.junior_id = :me)', { me: this.viewer.personId });
    }
    if (statuses?.length) query.andWhere('c.status IN (:...statuses)', { statuses });
    return paginate(
      query,
      { name: 'requested', direction: 'DESC', keys: [{ sql: 'c.created_at', value: (c) => c.createdAt }, { sql: 'c.id', value: (c) => c.id }] },
      args,
      SharedCase.from,
    );
  }

  /** The barriers of the viewer's pairs that have a change worth sharing and no case yet. */
  async candidates(args: ConnectionArgs) {
    const organisationIds = this.viewer.organisationIds;
    const query = this.ctx.db
      .getRepository(BarrierEntity)
      .createQueryBuilder('b')
      .where(organisationIds.length ? 'b.organisation_id IN (:...organisationIds)' : '1 = 0', { organisationIds })
      .andWhere('b.pair_id IN (SELECT p.id FROM pair p WHERE p.senior_id = :me OR p.junior_id = :me)', { me: this.viewer.personId })
      .andWhere('NOT EXISTS (SELECT 1 FROM shared_case sc WHERE sc.source_barrier_id = b.id)')
      .andWhere('EXISTS (SELECT 1 FROM change_proposal ch WHERE ch.barrier_id = b.id AND ch.status IN (:...shareable))', { shareable: SHAREABLE_CHANGE_STATUSES });
    const page = await paginate(
      query,
      { name: 'barrier-created', direction: 'DESC', keys: [{ sql: 'b.created_at', value: (b) => b.createdAt }, { sql: 'b.id', value: (b) => b.id }] },
      args,
      (barrier) => barrier,
    );
    const counts = await this.changeCounts(page.nodes.map((b) => b.id));
    const toCandidate = (b: BarrierEntity) => Object.assign(new CasePublicationCandidate(), { barrier: Barrier.from(b), changeCount: counts.get(b.id) ?? 0 });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toCandidate(e.node) })), nodes: page.nodes.map(toCandidate) };
  }

  private async changeCounts(barrierIds: string[]): Promise<Map<string, number>> {
    if (!barrierIds.length) return new Map();
    const rows: { barrierId: string; count: string }[] = await this.ctx.db
      .getRepository(ChangeEntity)
      .createQueryBuilder('ch')
      .select('ch.barrier_id', 'barrierId')
      .addSelect('count(*)', 'count')
      .where('ch.barrier_id IN (:...barrierIds)', { barrierIds })
      .andWhere('ch.status IN (:...shareable)', { shareable: SHAREABLE_CHANGE_STATUSES })
      .groupBy('ch.barrier_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.barrierId, Number(r.count)]));
  }
}
