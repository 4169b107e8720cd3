import { apiSuite } from '../helpers/suite';
import { gid } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Cadence } from '../../server/src/modules/programme/programme.entity';

/** Agreeing a new contract version keeps the pair's history: expected sessions count from the pair's start. */
const t = apiSuite();

const PROPOSE = `mutation ($input: ProposeContractInput!) { proposeContract(input: $input) { userErrors { code } } }`;
const AGREE = `mutation ($input: AgreeContractInput!) { agreeContract(input: $input) { userErrors { code } } }`;
const ACTIVITY = `query ($id: ID!) { programmeDashboard(programmeId: $id) { pairActivity { sessionsExpected pairs { pairId sessionsExpected quiet } } } }`;

describe('a new contract version', () => {
  it('keeps the sessions a pair was expected to hold since it started, each version at its own cadence', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const programme = await t.co.programme(organisation, { startsOn: '2025-01-01' });
    const senior = await t.make.person({ organisation });
    const junior = await t.make.person({ organisation });
    const pair = await t.co.pair(programme, senior.person, junior.person);
    await t.co.contract(pair, 1, Cadence.MONTHLY, 300); // 300 days at one a month: 10 sessions expected
    const before = await t.api.as(manager.token).ok(ACTIVITY, { id: gid('Programme', programme.id) });
    expect(before.programmeDashboard.pairActivity.pairs[0].sessionsExpected).toBe(10);

    // today both agree version 2, now fortnightly
    const input = { pairId: gid('Pair', pair.id), focusTopics: ['Rotas'], cadence: 'FORTNIGHTLY', groundRules: 'We meet and listen.', confidentiality: 'It stays with us.' };
    expect((await t.api.as(senior.token).mutation(PROPOSE, input)).userErrors).toEqual([]);
    expect((await t.api.as(junior.token).mutation(AGREE, { pairId: input.pairId, version: 2 })).userErrors).toEqual([]);

    const after = await t.api.as(manager.token).ok(ACTIVITY, { id: gid('Programme', programme.id) });
    expect(after.programmeDashboard.pairActivity.pairs[0]).toMatchObject({ sessionsExpected: 10, quiet: true }); // not reset to 0
    expect(after.programmeDashboard.pairActivity.sessionsExpected).toBe(10);
  });

  it('counts a later, faster cadence only from when it was agreed', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const programme = await t.co.programme(organisation);
    const pair = await t.co.pair(programme, (await t.make.person({ organisation })).person, (await t.make.person({ organisation })).person);
    await t.co.contract(pair, 1, Cadence.MONTHLY, 120); // 60 days monthly: 2
    await t.co.contract(pair, 2, Cadence.WEEKLY, 60); // 60 days weekly: 8.57
    const { programmeDashboard } = await t.api.as(manager.token).ok(ACTIVITY, { id: gid('Programme', programme.id) });
    expect(programmeDashboard.pairActivity.pairs[0].sessionsExpected).toBe(10); // floor(2 + 8.57)
  });
});
