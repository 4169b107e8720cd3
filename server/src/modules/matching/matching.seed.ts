import type { DataSource } from 'typeorm';
import { MembershipAuditKind } from '../membership-audit/membership-audit.entity';
import { recordMembershipAudit } from '../membership-audit/membership-audit.service';
import { MembershipEntity, Role } from '../person/membership.entity';
import { PersonEntity, personWithSecrets } from '../person/person.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { Cadence, ProgrammeEntity, ProgrammeStatus } from '../programme/programme.entity';
import { addDays } from '../../common/dates';
import { addMonths, copyTemplate } from '../programme-template/programme-template.service';
import { ProgrammeTemplateKey, templateOf } from '../programme-template/templates';
import { Availability, MatchingProfileEntity } from './matching.entity';

interface DemoMember {
  email: string;
  name: string;
  jobTitle: string;
  division: string;
  grade: number;
  manager: string | null;
  topics?: string[];
  availability?: Availability[];
  hopes?: string;
  volunteered?: string[];
  useForMatching?: boolean;
}

/**
 * Riverside's board-led reverse mentoring programme, ready for its manager (Ria) to run the matching
 * assistant: the council's people with grades and a reporting line, a planned programme, and
 * opt-in profiles; two staff volunteered lived experience for matching, one volunteered it without
 * ticking the box (so it is never used). Nobody is paired until Ria confirms.
 */
export async function seedDemoMatching(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    const riverside = await tx.getRepository(OrganisationEntity).findOneByOrFail({ slug: 'riverside' });
    const members: DemoMember[] = [
      { email: 'morgan.owner@riverside.example', name: 'Morgan Owner', jobTitle: 'Head of HR', division: 'Corporate Services', grade: 15, manager: null },
      { email: 'ria.manager@riverside.example', name: 'Ria Manager', jobTitle: 'Organisational Development Lead', division: 'Corporate Services', grade: 10, manager: 'morgan.owner@riverside.example' },
      { email: 'casey.member@riverside.example', name: 'Casey Member', jobTitle: 'Equality Officer', division: 'Corporate Services', grade: 6, manager: 'ria.manager@riverside.example' },
      { email: 'ash.senior@riverside.example', name: 'Ash Senior', jobTitle: 'Head of Housing', division: 'Housing', grade: 13, manager: 'priya.director@riverside.example' },
      { email: 'bo.junior@riverside.example', name: 'Bo Junior', jobTitle: 'Housing Officer', division: 'Housing', grade: 4, manager: 'ash.senior@riverside.example' },
      { email: 'jordan.chair@riverside.example', name: 'Jordan Chair', jobTitle: 'Chair of the Board', division: 'Board', grade: 19, manager: null, topics: ['recruitment', 'flexible working'], availability: [Availability.WEEKDAY_MORNINGS, Availability.IN_PERSON], hopes: 'What it is like to start a career here now.' },
      { email: 'priya.director@riverside.example', name: 'Priya Director', jobTitle: 'Director of Place', division: 'Place', grade: 17, manager: null, topics: ['promotion panels', 'flexible working'], availability: [Availability.ONLINE], hopes: 'Why so few people apply for our senior roles.' },
      { email: 'tom.director@riverside.example', name: 'Tom Director', jobTitle: 'Director of Resources', division: 'Resources', grade: 17, manager: null, topics: ['pay', 'recruitment'], availability: [Availability.WEEKDAY_AFTERNOONS, Availability.ONLINE], hopes: 'How our pay bands are seen from the front line.' },
      { email: 'amara.adviser@riverside.example', name: 'Amara Adviser', jobTitle: 'Customer Services Adviser', division: 'Resources', grade: 3, manager: 'lin.lead@riverside.example', topics: ['flexible working', 'recruitment'], availability: [Availability.WEEKDAY_MORNINGS, Availability.ONLINE], hopes: 'How decisions about rotas are made.', volunteered: ['RACE'], useForMatching: true },
      { email: 'lin.lead@riverside.example', name: 'Lin Lead', jobTitle: 'Finance Team Leader', division: 'Resources', grade: 6, manager: 'tom.director@riverside.example', topics: ['pay'], availability: [Availability.ONLINE], hopes: 'To understand the budget round.', volunteered: ['SEX'], useForMatching: false },
      { email: 'dev.planner@riverside.example', name: 'Dev Planner', jobTitle: 'Planning Officer', division: 'Place', grade: 5, manager: 'priya.director@riverside.example', topics: ['promotion panels'], availability: [Availability.ONLINE, Availability.IN_PERSON], hopes: 'How to be heard in the directorate.', volunteered: ['DISABILITY'], useForMatching: true },
    ];

    const people = tx.getRepository(PersonEntity);
    const memberships = tx.getRepository(MembershipEntity);
    const casey = (await personWithSecrets(tx, { email: 'casey.member@riverside.example' }))!;
    const byEmail = new Map<string, MembershipEntity>();
    for (const member of members) {
      let person = await people.findOneBy({ email: member.email });
      if (!person) {
        person = await people.save({ email: member.email, displayName: member.name, passwordHash: casey.passwordHash });
        const joined = await memberships.save({ personId: person.id, organisationId: riverside.id, roles: [Role.CO_LEARNER], jobTitle: member.jobTitle, division: member.division });
        await recordMembershipAudit(tx, { organisationId: riverside.id, kind: MembershipAuditKind.JOINED, actorId: person.id, subject: person, rolesAfter: joined.roles });
      }
      const membership = await memberships.findOneByOrFail({ personId: person.id, organisationId: riverside.id });
      membership.grade = member.grade;
      byEmail.set(member.email, await memberships.save(membership));
    }
    for (const member of members) {
      if (member.manager) await memberships.update(byEmail.get(member.email)!.id, { lineManagerId: byEmail.get(member.manager)!.id });
    }

    // Made from the board-led template, as a manager would: six months, its wording, training and questionnaire.
    const template = templateOf(ProgrammeTemplateKey.BOARD_REVERSE_6_MONTH)!;
    const programme = await tx.getRepository(ProgrammeEntity).save({
      organisationId: riverside.id,
      name: 'Board reverse mentoring 2027',
      description: 'Board members matched with staff from groups under-represented in senior roles. Run the matching assistant with the reverse mentoring focus.',
      startsOn: '2027-01-04',
      endsOn: addDays(addMonths('2027-01-04', template.lengthMonths), -1),
      sessionCadence: Cadence.MONTHLY,
      status: ProgrammeStatus.PLANNED,
    });
    await copyTemplate(tx, programme, template);
    await tx.getRepository(MatchingProfileEntity).insert(
      members
        .filter((m) => m.topics)
        .map((m) => ({
          programmeId: programme.id,
          organisationId: riverside.id,
          personId: byEmail.get(m.email)!.personId,
          topics: m.topics!,
          availability: m.availability ?? [],
          hopes: m.hopes ?? '',
          volunteeredCharacteristics: m.volunteered ?? [],
          useCharacteristics: m.useForMatching ?? false,
        })),
    );
  });
}
