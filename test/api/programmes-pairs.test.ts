import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';

const t = apiSuite();

const CREATE_PROGRAMME = `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id name status sessionCadence } userErrors { field code message } } }`;
const START = `mutation ($input: ProgrammeInput!) { startProgramme(input: $input) { programme { status } userErrors { code } } }`;
const CLOSE = `mutation ($input: ProgrammeInput!) { closeProgramme(input: $input) { programme { status } userErrors { code } } }`;
const CREATE_PAIR = `mutation ($input: CreatePairInput!) { createPair(input: $input) { pair { id status senior { displayName } junior { displayName } } userErrors { field code message } } }`;

async function managed() {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  return { organisation, manager, as: t.api.as(manager.token) };
}

describe('programmes', () => {
  it('a programme manager creates a programme and moves it PLANNED → ACTIVE → CLOSED', async () => {
    const { as } = await managed();
    const created = await as.mutation(CREATE_PROGRAMME, { name: '2026 cohort', startsOn: '2026-02-01', endsOn: '2026-11-30', sessionCadence: 'MONTHLY' });
    expect(created.userErrors).toEqual([]);
    expect(created.programme).toMatchObject({ name: '2026 cohort', status: 'PLANNED', sessionCadence: 'MONTHLY' });
    const programmeId = created.programme.id;
    expect((await as.mutation(CLOSE, { programmeId })).userErrors[0].code).toBe('INVALID_TRANSITION');
    expect((await as.mutation(START, { programmeId })).programme.status).toBe('ACTIVE');
    expect((await as.mutation(START, { programmeId })).userErrors[0].code).toBe('INVALID_TRANSITION');
    expect((await as.mutation(CLOSE, { programmeId })).programme.status).toBe('CLOSED');
  });

  it('refuses bad dates, and refuses co-learners and other organisations', async () => {
    const { as, organisation } = await managed();
    const bad = await as.mutation(CREATE_PROGRAMME, { name: 'Backwards', startsOn: '2026-05-01', endsOn: '2026-04-01' });
    expect(bad.userErrors).toEqual([{ field: ['input', 'endsOn'], code: 'INVALID_INPUT', message: 'The programme must end after it starts.' }]);
    const coLearner = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const input = { name: 'Nope', startsOn: '2026-01-01', endsOn: '2026-02-01' };
    expect(Api.codes(await t.api.as(coLearner.token).request(CREATE_PROGRAMME, { input }))).toEqual(['FORBIDDEN']);
    const programme = await t.make.programme(organisation, { status: 'PLANNED' as never });
    const outsider = await managed();
    const response = await outsider.as.request(START, { input: { programmeId: gid('Programme', programme.id) } });
    expect(Api.codes(response)).toEqual(['NOT_FOUND']);
  });

  it('closing a programme completes its open pairs', async () => {
    const { as, organisation } = await managed();
    const { pair, programme } = await t.make.pair(organisation);
    await as.mutation(CLOSE, { programmeId: gid('Programme', programme.id) });
    expect((await t.server.db.getRepository(PairEntity).findOneByOrFail({ id: pair.id })).status).toBe(PairStatus.COMPLETED);
  });
});

describe('pairs', () => {
  it('pairs a senior and a junior co-learner, once each per programme', async () => {
    const { as, organisation } = await managed();
    const programme = await t.make.programme(organisation);
    const sam = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Sam' });
    const jo = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Jo' });
    const kit = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Kit' });
    const programmeId = gid('Programme', programme.id);
    const created = await as.mutation(CREATE_PAIR, { programmeId, seniorId: sam.globalId, juniorId: jo.globalId });
    expect(created.userErrors).toEqual([]);
    expect(created.pair).toMatchObject({ status: 'PROPOSED', senior: { displayName: 'Sam' }, junior: { displayName: 'Jo' } });

    const again = await as.mutation(CREATE_PAIR, { programmeId, seniorId: kit.globalId, juniorId: jo.globalId });
    expect(again.userErrors).toEqual([{ field: ['input', 'juniorId'], code: 'ALREADY_EXISTS', message: 'This person is already in an active pair in this programme.' }]);
    const self = await as.mutation(CREATE_PAIR, { programmeId, seniorId: kit.globalId, juniorId: kit.globalId });
    expect(self.userErrors[0].code).toBe('INVALID_INPUT');
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    const notCoLearner = await as.mutation(CREATE_PAIR, { programmeId, seniorId: owner.globalId, juniorId: kit.globalId });
    expect(notCoLearner.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'seniorId'] });
    const stranger = await t.make.person({ roles: [Role.CO_LEARNER] });
    const otherOrg = await as.mutation(CREATE_PAIR, { programmeId, seniorId: stranger.globalId, juniorId: kit.globalId });
    expect(otherOrg.userErrors[0].code).toBe('INVALID_INPUT');
  });

  it('a co-learner sees their own pair with `pairs(mine: true)`', async () => {
    const organisation = await t.make.organisation();
    const { senior, id } = await t.make.pair(organisation);
    await t.make.pair(organisation);
    const data = await t.api.as(senior.token).ok(`{ pairs(mine: true) { totalCount nodes { id viewerIsMember contractInEffect { version focusTopics } } } }`);
    expect(data.pairs).toEqual({ totalCount: 1, nodes: [{ id, viewerIsMember: true, contractInEffect: { version: 1, focusTopics: ['Shortlisting', 'Flexible rotas'] } }] });
  });
});
