import { BarrierCorroborationEntity } from '../../server/src/modules/barrier/barrier.entity';
import { PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const CREATE_PAIR = `mutation ($input: CreatePairInput!) { createPair(input: $input) { pair { id } userErrors { field code message } } }`;
const CORROBORATE = `mutation ($input: CorroborateBarrierInput!) { corroborateBarrier(input: $input) { barrier { corroboratingPairCount } userErrors { field code message } } }`;
const CAN = `query ($id: ID!) { node(id: $id) { ... on Barrier { viewerCanCorroborate } } }`;

describe('matching: a person is in at most one active pair per programme', () => {
  it('on either side, and two managers matching the same person at once get one pair', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const programme = await t.make.programme(organisation);
    const [ana, ben, cy, dee] = await Promise.all(['Ana', 'Ben', 'Cy', 'Dee'].map((name) => t.make.person({ organisation, roles: [Role.CO_LEARNER], name })));
    const programmeId = gid('Programme', programme.id);
    const as = t.api.as(manager.token);
    expect((await as.mutation(CREATE_PAIR, { programmeId, seniorId: ana.globalId, juniorId: ben.globalId })).userErrors).toEqual([]);
    // Ben is a junior already: not a senior in another pair of the same programme.
    const asSenior = await as.mutation(CREATE_PAIR, { programmeId, seniorId: ben.globalId, juniorId: cy.globalId });
    expect(asSenior.userErrors).toEqual([{ field: ['input', 'seniorId'], code: 'ALREADY_EXISTS', message: 'This person is already in an active pair in this programme.' }]);

    const results = await Promise.all([
      as.mutation(CREATE_PAIR, { programmeId, seniorId: cy.globalId, juniorId: dee.globalId }),
      t.api.as(manager.token).mutation(CREATE_PAIR, { programmeId, seniorId: dee.globalId, juniorId: cy.globalId }),
    ]);
    expect(results.filter((r) => r.pair).length).toBe(1);
    expect(results.flatMap((r) => r.userErrors.map((e: { code: string }) => e.code))).toEqual(['ALREADY_EXISTS']);
    const open = await t.server.db.getRepository(PairEntity).findBy({ programmeId: programme.id });
    for (const person of [ana, ben, cy, dee]) {
      expect(open.filter((p) => p.status !== PairStatus.ENDED && (p.seniorId === person.person.id || p.juniorId === person.person.id)).length).toBe(1);
    }
    // In another programme, the same people may be matched again.
    const next = await t.make.programme(organisation);
    expect((await as.mutation(CREATE_PAIR, { programmeId: gid('Programme', next.id), seniorId: ben.globalId, juniorId: ana.globalId })).userErrors).toEqual([]);
  });
});

describe('corroboration: nobody corroborates a barrier raised by a pair they are in', () => {
  it('not through another pair of theirs, nor through a pair that shares a person with the raising pair', async () => {
    const organisation = await t.make.organisation();
    const raising = await t.make.pair(organisation);
    const barrier = await t.make.barrier(raising.pair);
    const id = gid('Barrier', barrier.id);
    // The raising pair's senior is also in a pair of another programme, with someone else.
    const later = await t.make.programme(organisation);
    const partner = await t.make.person({ organisation, roles: [Role.CO_LEARNER], name: 'Partner' });
    const second = await t.server.db
      .getRepository(PairEntity)
      .save({ programmeId: later.id, organisationId: organisation.id, seniorId: raising.senior.person.id, juniorId: partner.person.id, status: PairStatus.ACTIVE });

    expect((await t.api.as(raising.senior.token).ok(CAN, { id })).node.viewerCanCorroborate).toBe(false);
    const viaOtherPair = await t.api.as(raising.senior.token).mutation(CORROBORATE, { barrierId: id, pairId: gid('Pair', second.id) });
    expect(viaOtherPair.userErrors).toEqual([
      { field: ['input', 'pairId'], code: 'INVALID_INPUT', message: 'A pair you are in raised this barrier; another pair must corroborate it.' },
    ]);
    const byDefault = await t.api.as(raising.senior.token).mutation(CORROBORATE, { barrierId: id });
    expect(byDefault.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    // Their partner in that second pair is not in the raising pair, but the pair shares a person with it.
    expect((await t.api.as(partner.token).ok(CAN, { id })).node.viewerCanCorroborate).toBe(false);
    expect((await t.api.as(partner.token).mutation(CORROBORATE, { barrierId: id })).userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_INPUT']);
    // Even once the raising pair has ended, its members do not corroborate their own barrier.
    await t.server.db.getRepository(PairEntity).update(raising.pair.id, { status: PairStatus.ENDED });
    expect((await t.api.as(raising.junior.token).ok(CAN, { id })).node.viewerCanCorroborate).toBe(false);
    expect(await t.server.db.getRepository(BarrierCorroborationEntity).countBy({ barrierId: barrier.id })).toBe(0);

    // A truly other pair still may.
    const other = await t.make.pair(organisation);
    expect((await t.api.as(other.senior.token).ok(CAN, { id })).node.viewerCanCorroborate).toBe(true);
    expect((await t.api.as(other.senior.token).mutation(CORROBORATE, { barrierId: id })).barrier.corroboratingPairCount).toBe(1);
  });
});
