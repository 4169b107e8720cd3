import type { DataSource } from 'typeorm';
import { AffectedGroup, Attribution, BarrierCategory, BarrierCorroborationEntity, BarrierEntity } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';
import { EventEntity, EventKind } from '../../server/src/modules/history/event.entity';
import type { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../../server/src/modules/programme/programme.entity';
import { ContractVersionEntity, MentoringSessionEntity, PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import type { PersonEntity } from '../../server/src/modules/person/person.entity';

const DAY = 86_400_000;
/** A moment `n` whole days before now (negative: after). */
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
/** The UTC calendar date `n` days before today (negative: after). */
export const dateDaysAgo = (n: number) => daysAgo(n).toISOString().slice(0, 10);

/**
 * Co-learning rows written straight through TypeORM repositories, with the timestamps a test
 * needs: the services that would normally write them are not what these tests are about.
 */
export function coLearning(db: DataSource) {
  const f = {
    programme(organisation: OrganisationEntity, overrides: Partial<ProgrammeEntity> = {}): Promise<ProgrammeEntity> {
      return db.getRepository(ProgrammeEntity).save({
        organisationId: organisation.id,
        name: `Cohort ${Math.random().toString(36).slice(2, 7)}`,
        description: null,
        startsOn: dateDaysAgo(200),
        endsOn: dateDaysAgo(-100),
        sessionCadence: Cadence.MONTHLY,
        status: ProgrammeStatus.ACTIVE,
        ...overrides,
      });
    },

    async pair(programme: ProgrammeEntity, senior: PersonEntity, junior: PersonEntity, overrides: Partial<PairEntity> = {}): Promise<PairEntity> {
      const repository = db.getRepository(PairEntity);
      const { identifiers } = await repository.insert({
        programmeId: programme.id,
        organisationId: programme.organisationId,
        seniorId: senior.id,
        juniorId: junior.id,
        status: PairStatus.ACTIVE,
        createdAt: daysAgo(150),
        ...overrides,
      });
      return repository.findOneByOrFail({ id: identifiers[0].id });
    },

    /** A contract version; `agreedDaysAgo` null leaves it agreed by the senior only. */
    contract(pair: PairEntity, version: number, cadence: Cadence, agreedDaysAgo: number | null): Promise<ContractVersionEntity> {
      return db.getRepository(ContractVersionEntity).save({
        pairId: pair.id,
        version,
        focusTopics: ['shortlisting'],
        cadence,
        groundRules: 'Chatham House',
        confidentiality: 'What is said stays with us.',
        proposedById: pair.seniorId,
        seniorAgreedAt: daysAgo(agreedDaysAgo ?? 1),
        juniorAgreedAt: agreedDaysAgo === null ? null : daysAgo(agreedDaysAgo),
      });
    },

    session(pair: PairEntity, heldDaysAgo: number): Promise<MentoringSessionEntity> {
      return db.getRepository(MentoringSessionEntity).save({
        pairId: pair.id,
        heldOn: dateDaysAgo(heldDaysAgo),
        topics: ['rota patterns'],
        privateNotesCipher: 'PRIVATE-NOTES-CIPHERTEXT',
        sharedTakeaways: null,
        loggedById: pair.seniorId,
      });
    },

    async barrier(pair: PairEntity, overrides: Partial<BarrierEntity> = {}): Promise<BarrierEntity> {
      const repository = db.getRepository(BarrierEntity);
      const { identifiers } = await repository.insert({
        organisationId: pair.organisationId,
        pairId: pair.id,
        raisedById: pair.seniorId,
        title: 'Shortlisting panels are all white',
        description: 'Panels for band 7 posts had no ethnic minority members last year.',
        category: BarrierCategory.RECRUITMENT,
        affectedGroups: [AffectedGroup.RACE],
        evidence: [],
        attribution: Attribution.NAMED,
        createdAt: daysAgo(120),
        ...overrides,
      });
      return repository.findOneByOrFail({ id: identifiers[0].id });
    },

    corroborate(barrier: BarrierEntity, pair: PairEntity, divisions: string[]): Promise<BarrierCorroborationEntity> {
      return db.getRepository(BarrierCorroborationEntity).save({ barrierId: barrier.id, pairId: pair.id, personId: pair.juniorId, divisions, note: null, evidence: [] });
    },

    /** A change; timestamps are given in days ago (null: not reached). */
    async change(
      barrier: BarrierEntity,
      pair: PairEntity,
      owner: PersonEntity,
      status: ChangeStatus,
      days: { created: number; submitted?: number; decided?: number; started?: number; adopted?: number; target: number },
      overrides: Partial<ChangeEntity> = {},
    ): Promise<ChangeEntity> {
      const repository = db.getRepository(ChangeEntity);
      const at = (n: number | undefined) => (n === undefined ? null : daysAgo(n));
      const { identifiers } = await repository.insert({
        organisationId: barrier.organisationId,
        barrierId: barrier.id,
        pairId: pair.id,
        proposedById: pair.juniorId,
        ownerId: owner.id,
        title: `Change ${Math.random().toString(36).slice(2, 7)}`,
        whatChanges: 'Every shortlisting panel includes a trained member from outside the team.',
        expectedImpact: 'More diverse shortlists.',
        targetDate: dateDaysAgo(days.target),
        status,
        progress: status === ChangeStatus.ADOPTED ? 100 : 0,
        successMeasures: [],
        adoptionEvidence: null,
        createdAt: daysAgo(days.created),
        submittedAt: at(days.submitted),
        decidedAt: at(days.decided),
        startedAt: at(days.started),
        adoptedAt: at(days.adopted),
        version: 1,
        ...overrides,
      });
      return repository.findOneByOrFail({ id: identifiers[0].id });
    },

    event(change: ChangeEntity, kind: EventKind, fromStatus: string, toStatus: string): Promise<EventEntity> {
      return db.getRepository(EventEntity).save({
        organisationId: change.organisationId,
        kind,
        barrierId: change.barrierId,
        changeId: change.id,
        actorId: change.ownerId,
        fromStatus,
        toStatus,
        detail: {},
      });
    },
  };
  return f;
}
