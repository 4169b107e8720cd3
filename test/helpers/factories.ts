import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuthSessionEntity } from '../../server/src/modules/auth/auth-session.entity';
import { hashPassword, newToken } from '../../server/src/modules/auth/tokens';
import { OrganisationEntity, Sector } from '../../server/src/modules/organisation/organisation.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { toGlobalId } from '../../server/src/common/relay';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../../server/src/modules/programme/programme.entity';
import { ContractVersionEntity, PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { AffectedGroup, Attribution, BarrierCategory, BarrierEntity } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';

/** Factories: each test builds the data it needs, with unique names, so tests run in any order. */
export const PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;
const unique = () => crypto.randomBytes(4).toString('hex');

export interface TestPerson {
  person: PersonEntity;
  membership?: MembershipEntity;
  token: string;
  globalId: string;
}

export function factories(db: DataSource) {
  const f = {
    async organisation(overrides: Partial<OrganisationEntity> = {}): Promise<OrganisationEntity> {
      const tag = unique();
      return db.getRepository(OrganisationEntity).save({
        name: `Test Trust ${tag}`,
        slug: `test-${tag}`,
        sector: Sector.HEALTH,
        country: 'GB',
        ...overrides,
      });
    },

    /** A person with a password (PASSWORD), a membership with `roles` in `organisation`, and a signed-in token. */
    async person(
      options: { organisation?: OrganisationEntity | null; roles?: Role[]; name?: string; admin?: boolean; jobTitle?: string; division?: string } = {},
    ): Promise<TestPerson> {
      passwordHash ??= hashPassword(PASSWORD);
      const tag = unique();
      const name = options.name ?? `Person ${tag}`;
      const person = await db.getRepository(PersonEntity).save({
        email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${tag}@test.example`,
        displayName: name,
        passwordHash: await passwordHash,
        isPlatformAdmin: options.admin ?? false,
      });
      const organisation = options.organisation === undefined ? await f.organisation() : options.organisation;
      const membership = organisation
        ? await db.getRepository(MembershipEntity).save({
            personId: person.id,
            organisationId: organisation.id,
            roles: options.roles ?? [Role.CO_LEARNER],
            jobTitle: options.jobTitle ?? null,
            division: options.division ?? null,
          })
        : undefined;
      return { person, membership, token: await f.signIn(person), globalId: toGlobalId('Person', person.id) };
    },

    async admin(): Promise<TestPerson> {
      return f.person({ organisation: null, admin: true, name: 'Platform Admin' });
    },

    async programme(organisation: OrganisationEntity, overrides: Partial<ProgrammeEntity> = {}): Promise<ProgrammeEntity> {
      return db.getRepository(ProgrammeEntity).save({
        organisationId: organisation.id,
        name: `Cohort ${unique()}`,
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        sessionCadence: Cadence.MONTHLY,
        status: ProgrammeStatus.ACTIVE,
        ...overrides,
      });
    },

    /**
     * An organisation's active pair with an agreed contract: a senior and a junior co-learner,
     * in a new programme unless one is given.
     */
    async pair(
      organisation: OrganisationEntity,
      options: { programme?: ProgrammeEntity; status?: PairStatus; seniorDivision?: string; juniorDivision?: string } = {},
    ) {
      const programme = options.programme ?? (await f.programme(organisation));
      const senior = await f.person({ organisation, roles: [Role.CO_LEARNER], name: 'Senior', division: options.seniorDivision });
      const junior = await f.person({ organisation, roles: [Role.CO_LEARNER], name: 'Junior', division: options.juniorDivision });
      const status = options.status ?? PairStatus.ACTIVE;
      const pair = await db.getRepository(PairEntity).save({
        programmeId: programme.id,
        organisationId: organisation.id,
        seniorId: senior.person.id,
        juniorId: junior.person.id,
        status,
      });
      if (status === PairStatus.ACTIVE) {
        await db.getRepository(ContractVersionEntity).save({
          pairId: pair.id,
          version: 1,
          focusTopics: ['Shortlisting', 'Flexible rotas'],
          cadence: Cadence.MONTHLY,
          groundRules: 'We listen first and speak plainly.',
          confidentiality: 'What we say stays between us unless we agree otherwise.',
          proposedById: senior.person.id,
          seniorAgreedAt: new Date(),
          juniorAgreedAt: new Date(),
        });
      }
      return { pair, programme, senior, junior, id: toGlobalId('Pair', pair.id) };
    },

    /** A barrier raised by `pair` (written directly; the API path is tested in barriers.test.ts). */
    async barrier(pair: PairEntity, overrides: Partial<BarrierEntity> = {}): Promise<BarrierEntity> {
      return db.getRepository(BarrierEntity).save({
        organisationId: pair.organisationId,
        pairId: pair.id,
        raisedById: pair.juniorId,
        title: `Shortlists exclude part-time applicants ${unique()}`,
        description: 'Recruitment shortlists are built from criteria that part-time staff rarely meet.',
        category: BarrierCategory.RECRUITMENT,
        affectedGroups: [AffectedGroup.SEX, AffectedGroup.PREGNANCY_AND_MATERNITY],
        evidence: [],
        attribution: Attribution.NAMED,
        ...overrides,
      });
    },

    /** A change to `barrier` proposed by its pair, owned by `ownerId`, in `status`. */
    async change(barrier: BarrierEntity, ownerId: string, overrides: Partial<ChangeEntity> = {}): Promise<ChangeEntity> {
      const status = overrides.status ?? ChangeStatus.DRAFT;
      return db.getRepository(ChangeEntity).save({
        organisationId: barrier.organisationId,
        barrierId: barrier.id,
        pairId: barrier.pairId,
        proposedById: barrier.raisedById,
        ownerId,
        title: `Blind shortlisting ${unique()}`,
        whatChanges: 'Shortlisting panels score anonymised applications against published criteria.',
        expectedImpact: 'More part-time applicants reach interview.',
        targetDate: '2030-06-30',
        successMeasures: [{ metric: 'Part-time applicants interviewed', unit: '%', baseline: 8, target: 20, current: null }],
        submittedAt: status === ChangeStatus.DRAFT ? null : new Date(),
        ...overrides,
        status,
      });
    },

    /** A session token for a person, as `login` would issue. */
    async signIn(person: PersonEntity): Promise<string> {
      const { token, hash } = newToken();
      await db.getRepository(AuthSessionEntity).save({ personId: person.id, tokenHash: hash, expiresAt: new Date(Date.now() + 86_400_000) });
      return token;
    },
  };
  return f;
}

export const gid = toGlobalId;
