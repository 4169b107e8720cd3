import { ProgrammeEntity, ProgrammeStatus } from '../../server/src/modules/programme/programme.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const UPDATE = `mutation ($input: UpdateProgrammeInput!) { updateProgramme(input: $input) {
  programme { id name description startsOn endsOn sessionCadence status viewerCanEdit } userErrors { field code message } } }`;

async function setUp(status: ProgrammeStatus) {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const programme = await t.make.programme(organisation, { status, name: 'Cohort one', startsOn: '2026-01-01', endsOn: '2026-12-31' });
  return { organisation, manager, programme, id: gid('Programme', programme.id) };
}

describe('updateProgramme', () => {
  it('lets a manager correct a planned or running programme, keeping what is left out', async () => {
    for (const status of [ProgrammeStatus.PLANNED, ProgrammeStatus.ACTIVE]) {
      const s = await setUp(status);
      const payload = await t.api.as(s.manager.token).mutation(UPDATE, { programmeId: s.id, name: 'Cohort one (2026)', endsOn: '2027-03-31', sessionCadence: 'FORTNIGHTLY' });
      expect(payload.userErrors).toEqual([]);
      expect(payload.programme).toMatchObject({
        name: 'Cohort one (2026)',
        startsOn: '2026-01-01',
        endsOn: '2027-03-31',
        sessionCadence: 'FORTNIGHTLY',
        status,
        viewerCanEdit: true,
      });
    }
  });

  it('refuses a closed programme, bad dates and people who do not manage it, changing nothing', async () => {
    const closed = await setUp(ProgrammeStatus.CLOSED);
    const late = await t.api.as(closed.manager.token).mutation(UPDATE, { programmeId: closed.id, name: 'Renamed' });
    expect(late.userErrors).toMatchObject([{ code: 'INVALID_TRANSITION' }]);

    const s = await setUp(ProgrammeStatus.PLANNED);
    const backwards = await t.api.as(s.manager.token).mutation(UPDATE, { programmeId: s.id, name: 'Renamed', endsOn: '2025-12-31' });
    expect(backwards.userErrors).toMatchObject([{ code: 'INVALID_INPUT', field: ['input', 'endsOn'] }]);
    const colearner = await t.make.person({ organisation: s.organisation, roles: [Role.CO_LEARNER] });
    expect(Api.codes(await t.api.as(colearner.token).request(UPDATE, { input: { programmeId: s.id, name: 'Renamed' } }))).toEqual(['FORBIDDEN']);
    const stranger = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect(Api.codes(await t.api.as(stranger.token).request(UPDATE, { input: { programmeId: s.id, name: 'Renamed' } }))).toEqual(['NOT_FOUND']);
    for (const p of [closed, s]) expect((await t.server.db.getRepository(ProgrammeEntity).findOneByOrFail({ id: p.programme.id })).name).toBe('Cohort one');
  });
});
