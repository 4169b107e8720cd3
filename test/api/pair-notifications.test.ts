import { PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const INBOX = `{ notifications(first: 5) { nodes { kind message pair { id } } } }`;
const CREATE_PAIR = `mutation ($input: CreatePairInput!) { createPair(input: $input) { pair { id } userErrors { code message } } }`;
const PROPOSE = `mutation ($input: ProposeContractInput!) { proposeContract(input: $input) { pair { id } userErrors { code message } } }`;
const LOG = `mutation ($input: LogSessionInput!) { logSession(input: $input) { session { id } userErrors { code message } } }`;
const contract = (pairId: string) => ({
  pairId,
  focusTopics: ['Shortlisting'],
  cadence: 'MONTHLY',
  groundRules: 'We listen first and speak plainly.',
  confidentiality: 'What we say stays between us unless we agree otherwise.',
});

describe('co-learners hear about their pair', () => {
  it('when a manager matches them into a pair, and when their partner proposes a contract version', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
    const senior = await t.make.person({ organisation, name: 'Sam Senior' });
    const junior = await t.make.person({ organisation, name: 'Jo Junior' });
    const programme = await t.make.programme(organisation);
    const created = await t.api.as(manager.token).mutation(CREATE_PAIR, { programmeId: gid('Programme', programme.id), seniorId: senior.globalId, juniorId: junior.globalId });
    expect(created.userErrors).toEqual([]);
    const pairId = created.pair.id;
    for (const person of [senior, junior]) {
      expect((await t.api.as(person.token).ok(INBOX)).notifications.nodes).toEqual([
        { kind: 'PAIR_MATCHED', message: 'Pat Manager matched you into a co-learning pair: agree your contract together to start.', pair: { id: pairId } },
      ]);
    }

    expect((await t.api.as(junior.token).mutation(PROPOSE, contract(pairId))).userErrors).toEqual([]);
    const [toSenior] = (await t.api.as(senior.token).ok(INBOX)).notifications.nodes;
    expect(toSenior).toEqual({ kind: 'CONTRACT_AWAITING_AGREEMENT', message: "Jo Junior proposed version 1 of your pair's contract: read it and agree it.", pair: { id: pairId } });
    expect((await t.api.as(junior.token).ok(INBOX)).notifications.nodes.map((n: { kind: string }) => n.kind)).toEqual(['PAIR_MATCHED']);
    expect((await t.api.as(manager.token).ok(INBOX)).notifications.nodes).toEqual([]);

    // "Needs your attention" reads the contract awaiting them from viewerCanAgreeContract.
    const mine = `{ pairs(mine: true, first: 5) { nodes { id viewerCanAgreeContract contract { version } } } }`;
    expect((await t.api.as(senior.token).ok(mine)).pairs.nodes).toEqual([{ id: pairId, viewerCanAgreeContract: true, contract: { version: 1 } }]);
    expect((await t.api.as(junior.token).ok(mine)).pairs.nodes).toEqual([{ id: pairId, viewerCanAgreeContract: false, contract: { version: 1 } }]);
  });

  it('when their partner logs a session: its date, never its notes or topics', async () => {
    const organisation = await t.make.organisation();
    const { senior, junior, id } = await t.make.pair(organisation, { status: PairStatus.ACTIVE });
    const logged = await t.api.as(junior.token).mutation(LOG, { pairId: id, heldOn: '2026-11-03', topics: ['Night rotas'], privateNotes: 'I was scared to say it.' });
    expect(logged.userErrors).toEqual([]);
    const [notice] = (await t.api.as(senior.token).ok(INBOX)).notifications.nodes;
    expect(notice).toEqual({ kind: 'SESSION_LOGGED', message: 'Junior logged your session of 3 November 2026.', pair: { id } });
    expect(JSON.stringify(notice)).not.toMatch(/scared|Night rotas/);
    expect((await t.api.as(junior.token).ok(INBOX)).notifications.nodes).toEqual([]);
  });
});
