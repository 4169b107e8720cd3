import { MembershipAuditEntity } from '../../server/src/modules/membership-audit/membership-audit.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const AUDIT = `query ($id: ID!, $first: Int) { node(id: $id) { ... on Organisation {
  membershipAudit(first: $first) { totalCount nodes { kind actorName subjectName subjectEmail rolesBefore rolesAfter } } } } }`;
const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { issued { acceptUrl invitation { id } } userErrors { code } } }`;
const ACCEPT = `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { viewer { person { id } } userErrors { code } } }`;
const UPDATE = `mutation ($input: UpdateMembershipInput!) { updateMembership(input: $input) { membership { id } userErrors { code } } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userErrors { code } } }`;
const REVOKE = `mutation ($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { userErrors { code } } }`;

describe('the membership audit', () => {
  it('records who invited, let in, changed and removed whom, newest first, for programme managers only', async () => {
    const organisation = await t.make.organisation();
    const orgId = gid('Organisation', organisation.id);
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER], name: 'Pat Manager' });
    const api = t.api.as(manager.token);
    const email = `nia.${Date.now()}@test.example`;

    const invited = await api.mutation(INVITE, { organisationId: orgId, email, displayName: 'Nia New', roles: ['CO_LEARNER'] });
    const token = new URL(invited.issued.acceptUrl).searchParams.get('token');
    await t.api.mutation(ACCEPT, { token, password: 'a long new password' });
    const stray = await api.mutation(INVITE, { organisationId: orgId, email: `stray.${Date.now()}@test.example`, displayName: 'Stray Address', roles: ['OWNER'] });
    await api.mutation(REVOKE, { invitationId: stray.issued.invitation.id });
    const membership = (await api.ok(`query ($id: ID!) { node(id: $id) { ... on Organisation { members(first: 10) { nodes { id person { displayName } } } } } }`, { id: orgId }))
      .node.members.nodes.find((m: { person: { displayName: string } }) => m.person.displayName === 'Nia New');
    await api.mutation(UPDATE, { membershipId: membership.id, roles: ['CO_LEARNER', 'OWNER'] });
    await api.mutation(REMOVE, { membershipId: membership.id });

    const audit = (await api.ok(AUDIT, { id: orgId, first: 10 })).node.membershipAudit;
    expect(audit.totalCount).toBe(6);
    expect(audit.nodes).toEqual([
      { kind: 'REMOVED', actorName: 'Pat Manager', subjectName: 'Nia New', subjectEmail: email, rolesBefore: ['CO_LEARNER', 'OWNER'], rolesAfter: null },
      { kind: 'DETAILS_CHANGED', actorName: 'Pat Manager', subjectName: 'Nia New', subjectEmail: email, rolesBefore: ['CO_LEARNER'], rolesAfter: ['CO_LEARNER', 'OWNER'] },
      expect.objectContaining({ kind: 'INVITATION_WITHDRAWN', actorName: 'Pat Manager', subjectName: 'Stray Address', rolesBefore: ['OWNER'], rolesAfter: null }),
      expect.objectContaining({ kind: 'INVITED', actorName: 'Pat Manager', subjectName: 'Stray Address', rolesAfter: ['OWNER'] }),
      { kind: 'JOINED', actorName: 'Nia New', subjectName: 'Nia New', subjectEmail: email, rolesBefore: null, rolesAfter: ['CO_LEARNER'] },
      { kind: 'INVITED', actorName: 'Pat Manager', subjectName: 'Nia New', subjectEmail: email, rolesBefore: null, rolesAfter: ['CO_LEARNER'] },
    ]);

    // Others in the organisation, and managers elsewhere, cannot read it.
    const colleague = await t.make.person({ organisation, roles: [Role.CO_LEARNER, Role.OWNER] });
    const elsewhere = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    expect(Api.codes(await t.api.as(colleague.token).request(AUDIT, { id: orgId }))).toEqual(['FORBIDDEN']);
    expect((await t.api.as(elsewhere.token).request(AUDIT, { id: orgId })).data.node).toBeNull();
  });

  it('cannot be edited or deleted, even straight in the database', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const member = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    await t.api.as(manager.token).mutation(UPDATE, { membershipId: gid('Membership', member.membership!.id), roles: ['OWNER'] });
    const entries = t.server.db.getRepository(MembershipAuditEntity);
    expect(await entries.countBy({ organisationId: organisation.id })).toBe(1);
    await expect(entries.update({ organisationId: organisation.id }, { subjectName: 'Someone else' })).rejects.toThrow(/append-only/);
    await expect(entries.delete({ organisationId: organisation.id })).rejects.toThrow(/append-only/);
  });

  it('records nothing when nothing changed', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const member = await t.make.person({ organisation, roles: [Role.OWNER, Role.CO_LEARNER], jobTitle: 'Head of Estates' });
    const same = await t.api.as(manager.token).mutation(UPDATE, { membershipId: gid('Membership', member.membership!.id), roles: ['CO_LEARNER', 'OWNER'], jobTitle: ' Head of Estates ' });
    expect(same.userErrors).toEqual([]);
    expect(await t.server.db.getRepository(MembershipAuditEntity).countBy({ organisationId: organisation.id })).toBe(0);
  });

  it('records nothing when the change is refused', async () => {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const refused = await t.api.as(manager.token).mutation(UPDATE, { membershipId: gid('Membership', manager.membership!.id), roles: ['OWNER'] });
    expect(refused.userErrors).toEqual([{ code: 'LAST_PROGRAMME_MANAGER' }]);
    expect(await t.server.db.getRepository(MembershipAuditEntity).countBy({ organisationId: organisation.id })).toBe(0);
  });
});
