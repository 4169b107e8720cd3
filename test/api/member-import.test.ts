import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { cohort, cohortCsv } from '../helpers/cohort-csv';
import { Role, MembershipEntity } from '../../server/src/modules/person/membership.entity';
import { InvitationEntity } from '../../server/src/modules/invitation/invitation.entity';
import { MailMessageEntity } from '../../server/src/modules/mail/mail.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';

const t = apiSuite();

const IMPORT = `mutation ($input: ImportMembersInput!) { importMembers(input: $input) {
  imported created updated
  rows { line email name jobTitle division grade lineManagerEmail roles action problems { column message } }
  userErrors { field code message } } }`;

async function managed() {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  return { organisation, manager, as: t.api.as(manager.token), organisationId: gid('Organisation', organisation.id) };
}

const HEADER = 'email,name,job title,division,grade,line manager email,roles';

describe('importing people from a CSV', () => {
  it('a dry run shows every row with its own problems and writes nothing', async () => {
    const { as, organisationId, organisation } = await managed();
    const existing = await t.make.person({ organisation, roles: [Role.CO_LEARNER], division: 'Estates' });
    const csv = [
      HEADER,
      'ana@dry.example,Ana,"Matron, Ward 7",Nursing,9,,co-learner',
      'ana@dry.example,Ana Again,,,3,,CO_LEARNER',
      'not-an-email,Bo,,,3,,CO_LEARNER',
      'cy@dry.example,Cy,,,twelve,ana@dry.example,WIZARD',
      'di@dry.example,Di,,,4,nobody@dry.example,CO_LEARNER',
      'ed@dry.example,Ed,,,5,fay@dry.example,CO_LEARNER',
      'fay@dry.example,Fay,,,6,ed@dry.example,CO_LEARNER',
      `${existing.person.email},Existing,,Finance,8,,OWNER`,
    ].join('\r\n');
    const result = await as.mutation(IMPORT, { organisationId, csv, dryRun: true });
    expect(result.userErrors).toEqual([]);
    expect(result.imported).toBe(false);
    const byLine = Object.fromEntries(result.rows.map((r: any) => [r.line, r]));
    expect(byLine[2]).toMatchObject({ jobTitle: 'Matron, Ward 7', roles: ['CO_LEARNER'], action: 'CREATE' });
    expect(byLine[2].problems).toEqual([{ column: 'email', message: 'ana@dry.example appears more than once, on lines 2, 3: keep one row per person.' }]);
    expect(byLine[4].problems).toEqual([{ column: 'email', message: '"not-an-email" is not a valid email address.' }]);
    expect(byLine[5].problems.map((p: any) => p.column)).toEqual(['grade', 'roles']);
    expect(byLine[5].problems[1].message).toMatch(/Unknown role "WIZARD"/);
    expect(byLine[6].problems).toEqual([{ column: 'lineManagerEmail', message: expect.stringMatching(/No one with nobody@dry.example is in the file/) }]);
    expect(byLine[7].problems).toEqual([{ column: 'lineManagerEmail', message: 'Line management would go round in a circle: ed@dry.example → fay@dry.example → ed@dry.example.' }]);
    expect(byLine[9]).toMatchObject({ action: 'UPDATE', problems: [] });
    expect(await t.server.db.getRepository(InvitationEntity).countBy({ organisationId: organisation.id })).toBe(0);
    expect(await t.server.db.getRepository(MembershipEntity).countBy({ organisationId: organisation.id })).toBe(2);

    // The real run of the same file refuses it whole: nothing is written.
    const real = await as.mutation(IMPORT, { organisationId, csv, dryRun: false });
    expect(real.imported).toBe(false);
    expect(real.userErrors).toEqual([{ field: ['input', 'csv'], code: 'INVALID_INPUT', message: '7 of 8 rows have problems: nothing was imported.' }]);
    expect(await t.server.db.getRepository(PersonEntity).countBy({ email: 'cy@dry.example' })).toBe(0);
    expect(await t.server.db.getRepository(MembershipEntity).countBy({ organisationId: organisation.id })).toBe(2);
  });

  it('refuses a file it cannot read, with a clear message', async () => {
    const { as, organisationId } = await managed();
    const wrongColumn = await as.mutation(IMPORT, { organisationId, csv: 'email,name,shoe size,roles\na@b.example,A,9,CO_LEARNER', dryRun: true });
    expect(wrongColumn.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'csv'], message: expect.stringMatching(/Column "shoe size"/) });
    const missing = await as.mutation(IMPORT, { organisationId, csv: 'email,name\na@b.example,A', dryRun: true });
    expect(missing.userErrors[0].message).toBe('The file needs the column "roles".');
    const unclosed = await as.mutation(IMPORT, { organisationId, csv: `${HEADER}\n"a@b.example,A`, dryRun: true });
    expect(unclosed.userErrors[0].message).toMatch(/not valid CSV/);
    const huge = await as.request(IMPORT, { input: { organisationId, csv: 'x'.repeat(400_001), dryRun: true } });
    expect(huge.data.importMembers.userErrors[0].message).toMatch(/too large/);
  });

  it('imports all rows at once: members with grade and line manager, each invited by email, existing members updated', async () => {
    const { as, organisationId, organisation } = await managed();
    const existing = await t.make.person({ organisation, roles: [Role.CO_LEARNER], division: 'Estates', jobTitle: 'Porter' });
    const csv = [HEADER, `lee@real.example,Lee Lead,Director,Finance,14,,CO_LEARNER;OWNER`, `max@real.example,Max,Clerk,Finance,3,lee@real.example,CO_LEARNER`, `${existing.person.email},,,,7,lee@real.example,OWNER`].join('\n');
    const result = await as.mutation(IMPORT, { organisationId, csv: csv.replace(`${existing.person.email},,`, `${existing.person.email},Existing,`), dryRun: false });
    expect(result.userErrors).toEqual([]);
    expect(result).toMatchObject({ imported: true, created: 2, updated: 1 });
    const memberships = t.server.db.getRepository(MembershipEntity);
    const lee = await memberships.findOneOrFail({ where: { organisationId: organisation.id, person: { email: 'lee@real.example' } }, relations: { person: true } });
    const max = await memberships.findOneOrFail({ where: { organisationId: organisation.id, person: { email: 'max@real.example' } }, relations: { person: true } });
    expect(lee).toMatchObject({ grade: 14, division: 'Finance', jobTitle: 'Director', roles: [Role.CO_LEARNER, Role.OWNER], lineManagerId: null });
    expect(max).toMatchObject({ grade: 3, lineManagerId: lee.id });
    const updated = await memberships.findOneByOrFail({ id: existing.membership!.id });
    expect(updated).toMatchObject({ grade: 7, jobTitle: 'Porter', division: 'Estates', roles: [Role.CO_LEARNER, Role.OWNER], lineManagerId: lee.id });
    const invitations = await t.server.db.getRepository(InvitationEntity).findBy({ organisationId: organisation.id });
    expect(invitations.map((i) => i.email).sort()).toEqual(['lee@real.example', 'max@real.example']);
    const mails = await t.server.db.getRepository(MailMessageEntity).findBy({ organisationId: organisation.id });
    expect(mails.filter((m) => m.kind === 'INVITATION').map((m) => m.toAddress).sort()).toEqual(['lee@real.example', 'max@real.example']);

    // The members page shows the reporting line.
    const members = await as.ok(`query ($id: ID!) { node(id: $id) { ... on Membership { grade lineManager { person { displayName } } } } }`, { id: gid('Membership', max.id) });
    expect(members.node).toEqual({ grade: 3, lineManager: { person: { displayName: 'Lee Lead' } } });
  });

  it('a newcomer who has not taken up their invitation can be invited again from the Members page; a member who has cannot', async () => {
    const { as, organisationId, organisation } = await managed();
    const result = await as.mutation(IMPORT, { organisationId, csv: `${HEADER}\nnia@again.example,Nia,,,4,,CO_LEARNER`, dryRun: false });
    expect(result.imported).toBe(true);
    const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { issued { acceptUrl } userErrors { code } } }`;
    const again = await as.mutation(INVITE, { organisationId, email: 'nia@again.example', displayName: 'Nia', roles: ['CO_LEARNER'] });
    expect(again.userErrors).toEqual([]);
    const invitations = await t.server.db.getRepository(InvitationEntity).findBy({ organisationId: organisation.id, email: 'nia@again.example' });
    expect(invitations).toHaveLength(2);
    expect(invitations.filter((i) => i.expiresAt > new Date())).toHaveLength(1); // the first one lapsed
    // Nia accepts the new one: she keeps the imported membership, grade and all.
    const token = new URL(again.issued.acceptUrl).searchParams.get('token');
    const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token userErrors { code } } }`;
    expect((await t.api.mutation(ACCEPT, { token, password: 'a long enough password' })).userErrors).toEqual([]);
    const nia = await t.server.db.getRepository(MembershipEntity).findOneOrFail({ where: { organisationId: organisation.id, person: { email: 'nia@again.example' } }, relations: { person: true } });
    expect(nia.grade).toBe(4);
    expect((await as.mutation(INVITE, { organisationId, email: 'nia@again.example', displayName: 'Nia', roles: ['CO_LEARNER'] })).userErrors).toEqual([{ code: 'ALREADY_EXISTS' }]);
  });

  it('imports 300 people from an HR export (BOM, CRLF, quoted commas) in seconds', async () => {
    const { as, organisationId, organisation } = await managed();
    const people = cohort(300, 'bulk');
    const started = Date.now();
    const result = await as.mutation(IMPORT, { organisationId, csv: cohortCsv(people), dryRun: false });
    const took = Date.now() - started;
    expect(result.userErrors).toEqual([]);
    expect(result.created).toBe(300);
    expect(result.rows[0]).toMatchObject({ line: 2, jobTitle: 'Officer, Nursing' });
    expect(took).toBeLessThan(5_000);
    expect(await t.server.db.getRepository(MembershipEntity).countBy({ organisationId: organisation.id })).toBe(301);
    expect(await t.server.db.getRepository(InvitationEntity).countBy({ organisationId: organisation.id })).toBe(300);
  });

  it('only the organisation’s programme managers import; other organisations see nothing', async () => {
    const { organisation, organisationId } = await managed();
    const coLearner = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const input = { organisationId, csv: `${HEADER}\nz@z.example,Z,,,3,,CO_LEARNER`, dryRun: true };
    expect(Api.codes(await t.api.as(coLearner.token).request(IMPORT, { input }))).toEqual(['FORBIDDEN']);
    const outsider = await managed();
    expect(Api.codes(await outsider.as.request(IMPORT, { input }))).toEqual(['NOT_FOUND']);
  });
});
