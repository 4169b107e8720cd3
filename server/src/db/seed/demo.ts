import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../../modules/auth/tokens';
import { OrganisationEntity, Sector } from '../../modules/organisation/organisation.entity';
import { MembershipAuditKind } from '../../modules/membership-audit/membership-audit.entity';
import { recordMembershipAudit } from '../../modules/membership-audit/membership-audit.service';
import { MembershipEntity, Role } from '../../modules/person/membership.entity';
import { PersonEntity } from '../../modules/person/person.entity';
import { seedDemoInsight } from '../../modules/evaluation/evaluation.seed';
import { IdentifierKind, normaliseIdentifier, OrganisationIdentifierEntity } from '../../modules/identifier/identifier.entity';
import { seedDemoLibrary } from '../../modules/library/library.seed';
import { seedDemoMail } from '../../modules/mail/mail.seed';
import { seedDemoProgrammeDesign } from '../../modules/programme-template/programme-template.seed';
import { seedDemoMatching } from '../../modules/matching/matching.seed';
import { seedDemoSustainment } from '../../modules/sustainment/sustainment.seed';
import { seedStory } from './demo-story';
import { seedDemoScheduling } from '../../modules/scheduling/scheduling.seed';

export const DEMO_PASSWORD = 'commonground';

/** The demo accounts the README lists; all share DEMO_PASSWORD. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@commonground.example', role: 'platform admin' },
  { email: 'pat.manager@northshore.example', role: 'programme manager, Northshore Health NHS Trust' },
  { email: 'sam.senior@northshore.example', role: 'senior co-learner (paired with Jo), Northshore' },
  { email: 'jo.junior@northshore.example', role: 'junior co-learner (paired with Sam), Northshore' },
  { email: 'olu.owner@northshore.example', role: 'owner (Director of People), Northshore' },
  { email: 'dee.owner@northshore.example', role: 'owner (Chief Nurse), Northshore' },
  { email: 'sid.sponsor@northshore.example', role: 'sponsor (non-executive director: confirms adoptions where an owner has a conflict of interest), Northshore' },
  { email: 'kit.junior@northshore.example', role: 'junior co-learner (paired with Rae; gone quiet), Northshore' },
  { email: 'casey.member@riverside.example', role: 'community-of-practice member, Riverside Council' },
  { email: 'ria.manager@riverside.example', role: 'programme manager, Riverside Council (a board-led reverse programme ready to match)' },
];

interface DemoPerson {
  email: string;
  name: string;
  roles: Role[];
  jobTitle?: string;
  division?: string;
  admin?: boolean;
}

async function addPeople(tx: EntityManager, organisationId: string | null, people: DemoPerson[], passwordHash: string) {
  const byEmail: Record<string, PersonEntity> = {};
  for (const p of people) {
    const person = await tx.getRepository(PersonEntity).save({
      email: p.email,
      displayName: p.name,
      passwordHash,
      isPlatformAdmin: p.admin ?? false,
    });
    if (organisationId && p.roles.length) {
      await tx.getRepository(MembershipEntity).save({
        personId: person.id,
        organisationId,
        roles: p.roles,
        jobTitle: p.jobTitle ?? null,
        division: p.division ?? null,
      });
      // As if each had accepted an invitation: the Members page's history starts with them joining.
      await recordMembershipAudit(tx, { organisationId, kind: MembershipAuditKind.JOINED, actorId: person.id, subject: person, rolesAfter: p.roles });
    }
    byEmail[p.email] = person;
  }
  return byEmail;
}

/** True when the database holds no organisation yet (a fresh embedded database). */
export async function isEmpty(db: DataSource): Promise<boolean> {
  return (await db.getRepository(OrganisationEntity).count()) === 0;
}

/**
 * Seeds the two demo organisations with a realistic story, in one transaction. `notesKey`
 * encrypts the demo pair's private session notes, as the server would.
 */
export async function seedDemo(db: DataSource, notesKey: Buffer): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const organisations = tx.getRepository(OrganisationEntity);
    const northshore = await organisations.save({ name: 'Northshore Health NHS Trust', slug: 'northshore', sector: Sector.HEALTH, country: 'GB' });
    const riverside = await organisations.save({ name: 'Riverside Council', slug: 'riverside', sector: Sector.LOCAL_GOVERNMENT, country: 'GB' });

    await addPeople(tx, null, [{ email: 'admin@commonground.example', name: 'Alex Admin', roles: [], admin: true }], passwordHash);
    const north = await addPeople(
      tx,
      northshore.id,
      [
        { email: 'pat.manager@northshore.example', name: 'Pat Manager', roles: [Role.PROGRAMME_MANAGER, Role.COMMUNITY_MEMBER], jobTitle: 'Inclusion Programme Lead', division: 'People Directorate' },
        { email: 'sam.senior@northshore.example', name: 'Sam Senior', roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER], jobTitle: 'Clinical Director', division: 'Surgery' },
        { email: 'jo.junior@northshore.example', name: 'Jo Junior', roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER], jobTitle: 'Staff Nurse', division: 'Surgery' },
        { email: 'olu.owner@northshore.example', name: 'Olu Owner', roles: [Role.OWNER], jobTitle: 'Director of People', division: 'People Directorate' },
        { email: 'rae.senior@northshore.example', name: 'Rae Senior', roles: [Role.CO_LEARNER], jobTitle: 'Head of Estates', division: 'Estates and Facilities' },
        { email: 'kit.junior@northshore.example', name: 'Kit Junior', roles: [Role.CO_LEARNER], jobTitle: 'Porter', division: 'Estates and Facilities' },
        { email: 'dee.owner@northshore.example', name: 'Dee Owner', roles: [Role.OWNER], jobTitle: 'Chief Nurse', division: 'Nursing' },
      ],
      passwordHash,
    );
    const river = await addPeople(
      tx,
      riverside.id,
      [
        { email: 'casey.member@riverside.example', name: 'Casey Member', roles: [Role.COMMUNITY_MEMBER], jobTitle: 'Equality Officer', division: 'Corporate Services' },
        { email: 'ria.manager@riverside.example', name: 'Ria Manager', roles: [Role.PROGRAMME_MANAGER, Role.COMMUNITY_MEMBER], jobTitle: 'Organisational Development Lead', division: 'Corporate Services' },
        { email: 'ash.senior@riverside.example', name: 'Ash Senior', roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER], jobTitle: 'Head of Housing', division: 'Housing' },
        { email: 'bo.junior@riverside.example', name: 'Bo Junior', roles: [Role.CO_LEARNER, Role.COMMUNITY_MEMBER], jobTitle: 'Housing Officer', division: 'Housing' },
        { email: 'morgan.owner@riverside.example', name: 'Morgan Owner', roles: [Role.OWNER], jobTitle: 'Head of HR', division: 'Corporate Services' },
      ],
      passwordHash,
    );
    const id = (people: Record<string, PersonEntity>, email: string) => people[email].id;
    // What identifies Northshore besides its name: the redaction assistant flags these in its cases.
    const pat = id(north, 'pat.manager@northshore.example');
    await tx.getRepository(OrganisationIdentifierEntity).save(
      (
        [
          [IdentifierKind.SHORT_FORM, 'NHT'],
          [IdentifierKind.ALIAS, 'Northshore General'],
          [IdentifierKind.SITE, "St Brigid's Hospital"],
          [IdentifierKind.WARD, 'Maple Ward'],
          [IdentifierKind.DEPARTMENT, 'Harbour Wing Theatres'],
        ] as const
      ).map(([kind, value]) => ({ organisationId: northshore.id, kind, value, normalised: normaliseIdentifier(value), addedById: pat })),
    );
    await seedStory(
      tx,
      { northshore: northshore.id, riverside: riverside.id },
      {
        sam: id(north, 'sam.senior@northshore.example'),
        jo: id(north, 'jo.junior@northshore.example'),
        rae: id(north, 'rae.senior@northshore.example'),
        kit: id(north, 'kit.junior@northshore.example'),
        olu: id(north, 'olu.owner@northshore.example'),
        dee: id(north, 'dee.owner@northshore.example'),
        ash: id(river, 'ash.senior@riverside.example'),
        bo: id(river, 'bo.junior@riverside.example'),
        morgan: id(river, 'morgan.owner@riverside.example'),
      },
      notesKey,
    );
  });
  // The library is published through the library's own rules (redaction, consent, approval).
  await seedDemoLibrary(db);
  await seedDemoInsight(db);
  await seedDemoSustainment(db);
  await seedDemoMail(db);
  await seedDemoProgrammeDesign(db);
  await seedDemoMatching(db);
  await seedDemoScheduling(db, notesKey);
}
