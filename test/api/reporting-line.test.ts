import { apiSuite } from '../helpers/suite';
import { gid } from '../helpers/factories';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';

const t = apiSuite();

const UPDATE = `mutation ($input: UpdateMembershipInput!) { updateMembership(input: $input) {
  membership { id grade lineManager { id person { displayName } } } userErrors { field code message } } }`;
const IMPORT = `mutation ($input: ImportMembersInput!) { importMembers(input: $input) { rows { line problems { column message } } userErrors { message } } }`;

describe('grade and line manager on a membership', () => {
  it('a manager sets them; a line manager from another organisation or one that closes a circle is refused', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const as = t.api.as(manager.token);
    const ann = await t.make.person({ organisation, name: 'Ann' });
    const bo = await t.make.person({ organisation, name: 'Bo' });
    const cy = await t.make.person({ organisation, name: 'Cy' });
    const m = (p: typeof ann) => gid('Membership', p.membership!.id);

    const set = await as.mutation(UPDATE, { membershipId: m(bo), roles: ['CO_LEARNER'], grade: 5, lineManagerId: m(ann) });
    expect(set).toEqual({ membership: { id: m(bo), grade: 5, lineManager: { id: m(ann), person: { displayName: 'Ann' } } }, userErrors: [] });
    await as.mutation(UPDATE, { membershipId: m(cy), roles: ['CO_LEARNER'], lineManagerId: m(bo) });

    const circle = await as.mutation(UPDATE, { membershipId: m(ann), roles: ['CO_LEARNER'], lineManagerId: m(cy) });
    expect(circle.userErrors).toEqual([{ field: ['input', 'lineManagerId'], code: 'INVALID_INPUT', message: 'That would make line management go round in a circle: they report to this person already.' }]);
    const self = await as.mutation(UPDATE, { membershipId: m(ann), roles: ['CO_LEARNER'], lineManagerId: m(ann) });
    expect(self.userErrors[0].field).toEqual(['input', 'lineManagerId']);
    const stranger = await t.make.person({ name: 'Stranger' });
    const elsewhere = await as.mutation(UPDATE, { membershipId: m(ann), roles: ['CO_LEARNER'], lineManagerId: m(stranger) });
    expect(elsewhere.userErrors[0].message).toBe('Choose a line manager who is a member of this organisation.');
    const badGrade = await as.mutation(UPDATE, { membershipId: m(ann), roles: ['CO_LEARNER'], grade: 21 });
    expect(badGrade.userErrors[0]).toMatchObject({ field: ['input', 'grade'], code: 'INVALID_INPUT' });
    // Leaving them out keeps them.
    const kept = await as.mutation(UPDATE, { membershipId: m(bo), roles: ['CO_LEARNER', 'OWNER'] });
    expect(kept.membership).toMatchObject({ grade: 5, lineManager: { id: m(ann) } });
    expect((await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ id: ann.membership!.id })).lineManagerId).toBeNull();

    // An import that would close a circle through existing members is refused on its row.
    const csv = `email,name,grade,line manager email,roles\n${ann.person.email},Ann,9,${cy.person.email},CO_LEARNER`;
    const imported = await as.mutation(IMPORT, { organisationId: gid('Organisation', organisation.id), csv, dryRun: true });
    expect(imported.rows[0].problems).toEqual([
      { column: 'lineManagerEmail', message: `Line management would go round in a circle: ${ann.person.email} → ${cy.person.email} → ${bo.person.email} → ${ann.person.email}.` },
    ]);
  });

  it('serves the template CSV, which imports cleanly', async () => {
    const response = await fetch(`${t.server.url}/templates/member-import.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv = await response.text();
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const checked = await t.api.as(manager.token).mutation(IMPORT, { organisationId: gid('Organisation', organisation.id), csv, dryRun: true });
    expect(checked.userErrors).toEqual([]);
    expect(checked.rows).toEqual([
      { line: 2, problems: [] },
      { line: 3, problems: [] },
    ]);
  });
});
