import { ChangeEntity, ChangeStatus } from '../../server/src/modules/change/change.entity';
import { NotificationEntity, NotificationKind } from '../../server/src/modules/notification/notification.entity';
import { PairEntity, PairStatus } from '../../server/src/modules/pair/pair.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { Api, type GraphQLResponse } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { gid, type TestPerson } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const UPDATE = `mutation ($input: UpdateMembershipInput!) { updateMembership(input: $input) {
  membership { id roles jobTitle division viewerCanManage } userErrors { field code message } } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { removedMembershipId userErrors { field code message } } }`;
const VIEWER = `{ viewer { roles organisation { id } } }`;

const membershipId = (member: TestPerson) => gid('Membership', member.membership!.id);
const rolesOf = async (member: TestPerson) => (await t.server.db.getRepository(MembershipEntity).findOneBy({ id: member.membership!.id }))?.roles ?? null;

describe('updateMembership', () => {
  it("lets a programme manager change a member's roles, job title and division; the member's next request has the new roles", async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const member = await t.make.person({ organisation, roles: [Role.CO_LEARNER], jobTitle: 'Staff nurse' });

    const payload = await t.api.as(manager.token).mutation(UPDATE, {
      membershipId: membershipId(member),
      roles: [Role.OWNER, Role.CO_LEARNER, Role.OWNER],
      jobTitle: '  Ward manager ',
      division: 'Nursing',
    });
    expect(payload).toEqual({
      membership: { id: membershipId(member), roles: [Role.CO_LEARNER, Role.OWNER], jobTitle: 'Ward manager', division: 'Nursing', viewerCanManage: true },
      userErrors: [],
    });
    expect((await t.api.as(member.token).ok(VIEWER)).viewer.roles.sort()).toEqual([Role.CO_LEARNER, Role.OWNER]);

    const cleared = await t.api.as(manager.token).mutation(UPDATE, { membershipId: membershipId(member), roles: [Role.OWNER], jobTitle: '', division: null });
    expect(cleared.membership).toMatchObject({ jobTitle: null, division: null });
  });

  it('is refused to anyone but a programme manager of that organisation, and changes nothing', async () => {
    const organisation = await t.make.organisation();
    const member = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const colleague = await t.make.person({ organisation, roles: [Role.CO_LEARNER, Role.OWNER] });
    const otherManager = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const admin = await t.make.admin();
    const input = { membershipId: membershipId(member), roles: [Role.PROGRAMME_MANAGER] };

    expect(Api.codes(await t.api.as(colleague.token).request(UPDATE, { input }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(otherManager.token).request(UPDATE, { input }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(admin.token).request(UPDATE, { input }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.request(UPDATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(await rolesOf(member)).toEqual([Role.CO_LEARNER]);

    const members = await t.api.as(colleague.token).ok(`query ($id: ID!) { node(id: $id) { ... on Organisation { members(first: 10) { nodes { viewerCanManage } } } } }`, {
      id: gid('Organisation', organisation.id),
    });
    expect(members.node.members.nodes.map((m: { viewerCanManage: boolean }) => m.viewerCanManage)).toEqual([false, false]);
  });

  it('refuses bad input with coded userErrors and writes nothing', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const member = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const empty = await t.api.as(manager.token).mutation(UPDATE, { membershipId: membershipId(member), roles: [] });
    expect(empty.userErrors).toEqual([{ field: ['input', 'roles'], code: 'INVALID_INPUT', message: 'Choose at least one role.' }]);
    expect(Api.codes(await t.api.as(manager.token).request(UPDATE, { input: { membershipId: 'not-an-id', roles: [Role.OWNER] } }))).toEqual(['BAD_USER_INPUT']);
    expect(Api.codes(await t.api.as(manager.token).request(UPDATE, { input: { membershipId: gid('Change', member.membership!.id), roles: [Role.OWNER] } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(await rolesOf(member)).toEqual([Role.CO_LEARNER]);
  });

  it('never leaves an organisation without a programme manager, even when two demote each other at once', async () => {
    const organisation = await t.make.organisation();
    const only = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER, Role.OWNER] });
    const alone = await t.api.as(only.token).mutation(UPDATE, { membershipId: membershipId(only), roles: [Role.OWNER] });
    expect(alone.userErrors).toMatchObject([{ code: 'LAST_PROGRAMME_MANAGER', field: ['input', 'roles'] }]);
    expect((await t.api.as(only.token).mutation(REMOVE, { membershipId: membershipId(only) })).userErrors).toMatchObject([{ code: 'LAST_PROGRAMME_MANAGER' }]);

    const second = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const outcome = (response: GraphQLResponse) => Api.codes(response)[0] ?? response.data.updateMembership.userErrors[0]?.code ?? 'OK';
    const results = await Promise.all([
      t.api.as(only.token).request(UPDATE, { input: { membershipId: membershipId(second), roles: [Role.CO_LEARNER] } }),
      t.api.as(second.token).request(UPDATE, { input: { membershipId: membershipId(only), roles: [Role.OWNER] } }),
    ]);
    // One demotion wins; the other then runs for someone who is no longer a manager.
    expect(results.map(outcome).sort()).toEqual(['FORBIDDEN', 'OK']);
    const managers = await t.server.db
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .where('m.organisation_id = :id AND :role = ANY(m.roles)', { id: organisation.id, role: Role.PROGRAMME_MANAGER })
      .getCount();
    expect(managers).toBe(1);
  });

  it("keeps a co-learner's role while their pair is open, and an owner's while a change of theirs is unfinished", async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const api = t.api.as(manager.token);

    const paired = await api.mutation(UPDATE, { membershipId: membershipId(s.junior), roles: [Role.COMMUNITY_MEMBER] });
    expect(paired.userErrors).toMatchObject([{ code: 'IN_CURRENT_PAIR' }]);
    expect((await api.mutation(REMOVE, { membershipId: membershipId(s.junior) })).userErrors).toMatchObject([{ code: 'IN_CURRENT_PAIR' }]);
    const owning = await api.mutation(UPDATE, { membershipId: membershipId(s.owner), roles: [Role.CO_LEARNER] });
    expect(owning.userErrors).toEqual([
      { field: ['input', 'roles'], code: 'OWNS_UNFINISHED_CHANGES', message: "They own a change not yet adopted, rejected or withdrawn: hand it to another owner from the change's page first." },
    ]);
    // Adding a role is always fine.
    expect((await api.mutation(UPDATE, { membershipId: membershipId(s.owner), roles: [Role.OWNER, Role.COMMUNITY_MEMBER] })).userErrors).toEqual([]);

    await t.server.db.getRepository(PairEntity).update({ id: s.pair.id }, { status: PairStatus.ENDED });
    await t.server.db.getRepository(ChangeEntity).update({ id: s.change.id }, { status: ChangeStatus.WITHDRAWN });
    expect((await api.mutation(UPDATE, { membershipId: membershipId(s.junior), roles: [Role.COMMUNITY_MEMBER] })).userErrors).toEqual([]);
    expect((await api.mutation(UPDATE, { membershipId: membershipId(s.owner), roles: [Role.COMMUNITY_MEMBER] })).userErrors).toEqual([]);
  });
});

describe('removeMember', () => {
  it('takes away access at once, notifications included, and keeps what the person wrote', async () => {
    const s = await changeScenario(t.make, ChangeStatus.ADOPTED);
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    await t.server.db.getRepository(NotificationEntity).insert({
      recipientId: s.owner.person.id,
      organisationId: s.organisation.id,
      kind: NotificationKind.COMMENT_ADDED,
      actorId: s.junior.person.id,
      changeId: s.change.id,
      detail: {},
    });
    const before = await t.api.as(s.owner.token).ok(`{ viewer { unreadNotificationCount } changes(first: 5) { totalCount } }`);
    expect(before).toEqual({ viewer: { unreadNotificationCount: 1 }, changes: { totalCount: 1 } });

    const payload = await t.api.as(manager.token).mutation(REMOVE, { membershipId: membershipId(s.owner) });
    expect(payload).toEqual({ removedMembershipId: membershipId(s.owner), userErrors: [] });

    const after = await t.api.as(s.owner.token).ok(`query ($id: ID!) { viewer { organisation { id } roles unreadNotificationCount } notifications(first: 5) { totalCount } node(id: $id) { id } }`, {
      id: s.id,
    });
    expect(after).toMatchObject({ viewer: { organisation: null, roles: [], unreadNotificationCount: 0 }, notifications: { totalCount: 0 }, node: null });
    // The change they owned is still there for the organisation, with its owner's name.
    const change = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Change { status owner { displayName } } } }`, { id: s.id });
    expect(change.node).toEqual({ status: 'ADOPTED', owner: { displayName: 'Olu Owner' } });
    const members = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Organisation { members(first: 10) { totalCount } } } }`, {
      id: gid('Organisation', s.organisation.id),
    });
    expect(members.node.members.totalCount).toBe(3);
  });

  it('is refused to a co-learner and to another organisation\'s manager', async () => {
    const organisation = await t.make.organisation();
    const member = await t.make.person({ organisation, roles: [Role.COMMUNITY_MEMBER] });
    const colleague = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const otherManager = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect(Api.codes(await t.api.as(colleague.token).request(REMOVE, { input: { membershipId: membershipId(member) } }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(otherManager.token).request(REMOVE, { input: { membershipId: membershipId(member) } }))).toEqual(['NOT_FOUND']);
    expect(await rolesOf(member)).toEqual([Role.COMMUNITY_MEMBER]);
  });
});
