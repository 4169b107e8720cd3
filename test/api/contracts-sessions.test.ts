import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { PairStatus } from '../../server/src/modules/pair/pair.entity';

const t = apiSuite();

const PROPOSE = `mutation ($input: ProposeContractInput!) { proposeContract(input: $input) { pair { status contract { version isAgreed seniorAgreedAt juniorAgreedAt } contractInEffect { version } } userErrors { field code message } } }`;
const AGREE = `mutation ($input: AgreeContractInput!) { agreeContract(input: $input) { pair { status contract { version isAgreed } contractInEffect { version focusTopics } } userErrors { field code message } } }`;
const LOG = `mutation ($input: LogSessionInput!) { logSession(input: $input) { session { id heldOn topics privateNotes sharedTakeaways } userErrors { field code message } } }`;
const SESSIONS = `query ($id: ID!) { node(id: $id) { ... on Pair { sessions { totalCount nodes { id topics privateNotes sharedTakeaways } } } } }`;

const contract = (topics: string[]) => ({
  focusTopics: topics,
  cadence: 'MONTHLY',
  groundRules: 'We meet monthly and come prepared.',
  confidentiality: 'Notes stay between us.',
});

describe('contracts', () => {
  it('takes effect only when both co-learners agreed the same version', async () => {
    const organisation = await t.make.organisation();
    const { senior, junior, id: pairId } = await t.make.pair(organisation, { status: PairStatus.PROPOSED });
    const proposed = await t.api.as(senior.token).mutation(PROPOSE, { pairId, ...contract(['Promotion panels']) });
    expect(proposed.pair.status).toBe('PROPOSED');
    expect(proposed.pair.contract).toMatchObject({ version: 1, isAgreed: false, juniorAgreedAt: null });
    expect(proposed.pair.contractInEffect).toBeNull();

    // The senior changes it before the junior agrees: the junior's agreement to version 1 is stale.
    await t.api.as(senior.token).mutation(PROPOSE, { pairId, ...contract(['Promotion panels', 'Rotas']) });
    const stale = await t.api.as(junior.token).mutation(AGREE, { pairId, version: 1 });
    expect(stale.userErrors).toEqual([{ field: ['input', 'version'], code: 'CONFLICT', message: 'The contract changed since you read it: read version 2 and agree that.' }]);

    const agreed = await t.api.as(junior.token).mutation(AGREE, { pairId, version: 2 });
    expect(agreed.userErrors).toEqual([]);
    expect(agreed.pair).toMatchObject({ status: 'ACTIVE', contract: { version: 2, isAgreed: true }, contractInEffect: { version: 2, focusTopics: ['Promotion panels', 'Rotas'] } });
    expect((await t.api.as(junior.token).mutation(AGREE, { pairId, version: 2 })).userErrors[0].code).toBe('INVALID_TRANSITION');

    // A change by one asks the other to agree again; version 2 stays in effect meanwhile.
    const changed = await t.api.as(junior.token).mutation(PROPOSE, { pairId, ...contract(['Rotas']) });
    expect(changed.pair).toMatchObject({ contract: { version: 3, isAgreed: false }, contractInEffect: { version: 2 } });
    const pending = await t.api.as(senior.token).ok(`query ($id: ID!) { node(id: $id) { ... on Pair { viewerCanAgreeContract } } }`, { id: pairId });
    expect(pending.node.viewerCanAgreeContract).toBe(true);
  });

  it('is proposed and agreed by the two co-learners only', async () => {
    const organisation = await t.make.organisation();
    const { id: pairId } = await t.make.pair(organisation, { status: PairStatus.PROPOSED });
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER, Role.CO_LEARNER] });
    const response = await t.api.as(manager.token).request(PROPOSE, { input: { pairId, ...contract(['X topic']) } });
    expect(Api.codes(response)).toEqual(['FORBIDDEN']);
    const outsider = await t.make.person({ roles: [Role.CO_LEARNER] });
    expect(Api.codes(await t.api.as(outsider.token).request(PROPOSE, { input: { pairId, ...contract(['X topic']) } }))).toEqual(['NOT_FOUND']);
  });
});

describe('sessions and private notes', () => {
  it('are logged by an active pair; notes are readable by the two co-learners alone', async () => {
    const organisation = await t.make.organisation();
    const { senior, junior, id: pairId, pair } = await t.make.pair(organisation);
    const notes = 'Jo described being passed over for the band 6 panel twice.';
    const logged = await t.api.as(junior.token).mutation(LOG, {
      pairId, heldOn: '2026-03-02', topics: ['Promotion panels'], privateNotes: notes, sharedTakeaways: 'Panels need a diverse member.',
    });
    expect(logged.userErrors).toEqual([]);
    expect(logged.session.privateNotes).toBe(notes);

    for (const member of [senior, junior]) {
      const data = await t.api.as(member.token).ok(SESSIONS, { id: pairId });
      expect(data.node.sessions.nodes[0].privateNotes).toBe(notes);
    }
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const asManager = await t.api.as(manager.token).ok(SESSIONS, { id: pairId });
    expect(asManager.node.sessions.nodes[0]).toMatchObject({ privateNotes: null, sharedTakeaways: 'Panels need a diverse member.' });
    const last = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Pair { lastSessionOn } } }`, { id: pairId });
    expect(last.node.lastSessionOn).toBe('2026-03-02');
    const byNode = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on MentoringSession { privateNotes topics } } }`, { id: logged.session.id });
    expect(byNode.node).toEqual({ privateNotes: null, topics: ['Promotion panels'] });

    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    expect(Api.codes(await t.api.as(owner.token).request(SESSIONS, { id: pairId }))).toEqual(['FORBIDDEN']);
    const admin = await t.make.admin();
    expect((await t.api.as(admin.token).ok(SESSIONS, { id: pairId })).node).toBeNull();

    // Not in the database in the clear either.
    const raw = await t.server.db.query(`SELECT row_to_json(s)::text AS row FROM mentoring_session s WHERE pair_id = $1`, [pair.id]);
    expect(raw[0].row).not.toContain('band 6');
    expect(raw[0].row).toContain('Panels need a diverse member.');
  });

  it('refuses sessions before the contract is agreed, in the future, or by others', async () => {
    const organisation = await t.make.organisation();
    const proposed = await t.make.pair(organisation, { status: PairStatus.PROPOSED });
    const early = await t.api.as(proposed.senior.token).mutation(LOG, { pairId: proposed.id, heldOn: '2026-01-10', topics: ['Intro'] });
    expect(early.userErrors[0].code).toBe('INVALID_TRANSITION');

    const active = await t.make.pair(organisation);
    const future = await t.api.as(active.senior.token).mutation(LOG, { pairId: active.id, heldOn: '2999-01-01', topics: ['Time travel'] });
    expect(future.userErrors[0]).toMatchObject({ code: 'INVALID_INPUT', field: ['input', 'heldOn'] });
    const other = await t.api.as(proposed.senior.token).request(LOG, { input: { pairId: active.id, heldOn: '2026-01-10', topics: ['Intro'] } });
    expect(Api.codes(other)).toEqual(['FORBIDDEN']);
    expect(gid('Pair', active.pair.id)).toBe(active.id);
  });
});

describe('contract privacy', () => {
  it('shows the contract to the pair and its programme managers only', async () => {
    const organisation = await t.make.organisation();
    const { senior, id: pairId } = await t.make.pair(organisation);
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    const otherPair = await t.make.pair(organisation);
    const Q = `query ($id: ID!) { node(id: $id) { ... on Pair { contract { version groundRules } contractInEffect { version } } } }`;
    for (const viewer of [senior, manager]) {
      expect((await t.api.as(viewer.token).ok(Q, { id: pairId })).node).toMatchObject({ contract: { version: 1 }, contractInEffect: { version: 1 } });
    }
    for (const viewer of [owner, otherPair.junior]) {
      expect((await t.api.as(viewer.token).ok(Q, { id: pairId })).node).toEqual({ contract: null, contractInEffect: null });
    }
  });
});

describe('session prompts', () => {
  it("show the pair the contract's topics and their open changes, and no one else", async () => {
    const organisation = await t.make.organisation();
    const { senior, id: pairId, pair } = await t.make.pair(organisation);
    const owner = await t.make.person({ organisation, roles: [Role.OWNER] });
    const barrier = await t.make.barrier(pair);
    const open = await t.make.change(barrier, owner.person.id, { status: 'IN_PROGRESS' as never });
    await t.make.change(barrier, owner.person.id, { status: 'ADOPTED' as never });
    const Q = `query ($id: ID!) { node(id: $id) { ... on Pair { sessionPrompts { focusTopics openChanges { id } } } } }`;
    expect((await t.api.as(senior.token).ok(Q, { id: pairId })).node.sessionPrompts).toEqual({
      focusTopics: ['Shortlisting', 'Flexible rotas'],
      openChanges: [{ id: gid('Change', open.id) }],
    });
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    expect((await t.api.as(manager.token).ok(Q, { id: pairId })).node.sessionPrompts).toBeNull();
  });
});
