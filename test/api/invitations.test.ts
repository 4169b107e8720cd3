import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid, PASSWORD } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { InvitationEntity } from '../../server/src/modules/invitation/invitation.entity';
import { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';

const CREATE_ORGANISATION = `mutation Create($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) {
    organisation { id name slug sector country }
    managerInvitation { acceptUrl invitation { email roles status } }
    userErrors { field message code }
  }
}`;
const INVITE = `mutation Invite($input: InviteMemberInput!) {
  inviteMember(input: $input) { issued { acceptUrl invitation { id email roles status } } userErrors { field message code } }
}`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { token viewer { email roles person { displayName } organisation { name } } userErrors { field message code } }
}`;

const REVOKE = `mutation Revoke($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { invitation { id status } userErrors { field message code } } }`;

const tokenOf = (acceptUrl: string) => new URL(acceptUrl).searchParams.get('token')!;

const t = apiSuite();

describe('createOrganisation', () => {
  it('lets a platform admin create an organisation and invite its first programme manager, who signs in', async () => {
    const admin = await t.make.admin();
    const payload = await t.api.as(admin.token).mutation(CREATE_ORGANISATION, {
      name: 'Quayside Credit Union',
      slug: `harbour-${Date.now()}`,
      sector: 'FINANCE',
      country: 'gb',
      firstManager: { email: `Morgan.${Date.now()}@harbour.example`, displayName: 'Morgan Manager' },
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.organisation).toMatchObject({ name: 'Quayside Credit Union', sector: 'FINANCE', country: 'GB' });
    expect(payload.managerInvitation.invitation).toMatchObject({ roles: ['PROGRAMME_MANAGER'], status: 'PENDING' });

    const accepted = await t.api.mutation(ACCEPT, { token: tokenOf(payload.managerInvitation.acceptUrl), password: 'a long new password' });
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.viewer).toMatchObject({ roles: ['PROGRAMME_MANAGER'], organisation: { name: 'Quayside Credit Union' }, person: { displayName: 'Morgan Manager' } });
  });

  it('is refused to anyone but a platform admin, and writes nothing', async () => {
    const { token } = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const slug = `refused-${Date.now()}`;
    const response = await t.api.as(token).request(CREATE_ORGANISATION, {
      input: { name: 'Nope', slug, sector: 'HEALTH', country: 'GB', firstManager: { email: 'x@test.example', displayName: 'X' } },
    });
    expect(Api.codes(response)).toEqual(['FORBIDDEN']);
    expect(await t.server.db.getRepository(OrganisationEntity).existsBy({ slug })).toBe(false);
  });

  it('reports invalid input and a taken slug as userErrors', async () => {
    const admin = await t.make.admin();
    const taken = await t.make.organisation();
    const invalid = await t.api.as(admin.token).mutation(CREATE_ORGANISATION, {
      name: 'Bad', slug: 'Has Spaces', sector: 'HEALTH', country: 'GBR', firstManager: { email: 'nope', displayName: 'X' },
    });
    expect(invalid.organisation).toBeNull();
    expect(invalid.userErrors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(
      ['input.country', 'input.firstManager.email', 'input.slug'],
    );
    const duplicate = await t.api.as(admin.token).mutation(CREATE_ORGANISATION, {
      name: 'Dup', slug: taken.slug, sector: 'HEALTH', country: 'GB', firstManager: { email: 'dup@test.example', displayName: 'Dup' },
    });
    expect(duplicate.userErrors).toEqual([{ field: ['input', 'slug'], code: 'ALREADY_EXISTS', message: `The slug "${taken.slug}" is taken.` }]);
  });
});

describe('inviteMember and acceptInvitation', () => {
  async function managerOf() {
    const organisation = await t.make.organisation();
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    return { organisation, manager, orgId: gid('Organisation', organisation.id) };
  }

  it('lets a programme manager invite; the invitee sets a password, joins with the roles and is signed in', async () => {
    const { organisation, manager, orgId } = await managerOf();
    const email = `new.${Date.now()}@test.example`;
    const invite = await t.api.as(manager.token).mutation(INVITE, {
      organisationId: orgId, email, displayName: 'Nia New', roles: ['CO_LEARNER', 'OWNER'], jobTitle: 'Head of Pharmacy', division: 'Pharmacy',
    });
    expect(invite.userErrors).toEqual([]);
    expect(invite.issued.acceptUrl).toMatch(/\/accept-invitation\?token=/);

    const preview = await t.api.ok(`query ($t: String!) { invitation(token: $t) { organisationName email roles status hasAccount } }`, {
      t: tokenOf(invite.issued.acceptUrl),
    });
    expect(preview.invitation).toEqual({ organisationName: organisation.name, email, roles: ['CO_LEARNER', 'OWNER'], status: 'PENDING', hasAccount: false });

    const accepted = await t.api.mutation(ACCEPT, { token: tokenOf(invite.issued.acceptUrl), password: 'my new password', displayName: 'Nia' });
    expect(accepted.viewer).toMatchObject({ email, roles: ['CO_LEARNER', 'OWNER'], person: { displayName: 'Nia' } });
    const login = await t.api.mutation(`mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`, {
      email, password: 'my new password',
    });
    expect(login.userErrors).toEqual([]);
  });

  it('works once: a reused invitation is refused', async () => {
    const { manager, orgId } = await managerOf();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: `once.${Date.now()}@test.example`, displayName: 'Once', roles: ['CO_LEARNER'] });
    const token = tokenOf(invite.issued.acceptUrl);
    expect((await t.api.mutation(ACCEPT, { token, password: 'first password' })).userErrors).toEqual([]);
    const again = await t.api.mutation(ACCEPT, { token, password: 'second password' });
    expect(again.viewer).toBeNull();
    expect(again.userErrors[0].code).toBe('ALREADY_USED');
  });

  it('exactly one of two concurrent acceptances succeeds', async () => {
    const { manager, orgId } = await managerOf();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: `race.${Date.now()}@test.example`, displayName: 'Race', roles: ['CO_LEARNER'] });
    const token = tokenOf(invite.issued.acceptUrl);
    const results = await Promise.all([
      t.api.mutation(ACCEPT, { token, password: 'password number one' }),
      t.api.mutation(ACCEPT, { token, password: 'password number two' }),
    ]);
    expect(results.map((r) => (r.userErrors[0]?.code ?? 'OK')).sort()).toEqual(['ALREADY_USED', 'OK']);
  });

  it('refuses an expired invitation and an unknown link', async () => {
    const { manager, orgId } = await managerOf();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: `late.${Date.now()}@test.example`, displayName: 'Late', roles: ['CO_LEARNER'] });
    await t.server.db.getRepository(InvitationEntity).update(idFrom(invite.issued.invitation.id), { expiresAt: new Date(Date.now() - 1000) });
    const expired = await t.api.mutation(ACCEPT, { token: tokenOf(invite.issued.acceptUrl), password: 'too late password' });
    expect(expired.userErrors[0].code).toBe('EXPIRED');
    const unknown = await t.api.mutation(ACCEPT, { token: 'x'.repeat(43), password: 'whatever password' });
    expect(unknown.userErrors[0].code).toBe('NOT_FOUND');
  });

  it('can be withdrawn by a programme manager of the organisation: the link stops working and the list drops it', async () => {
    const { organisation, manager, orgId } = await managerOf();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: `wrong.${Date.now()}@test.example`, displayName: 'Wrong Address', roles: ['CO_LEARNER'] });
    const invitationId = invite.issued.invitation.id;
    const outsider = await t.make.person({ roles: [Role.PROGRAMME_MANAGER] });
    const colleague = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    expect(Api.codes(await t.api.as(outsider.token).request(REVOKE, { input: { invitationId } }))).toEqual(['NOT_FOUND']);
    expect(Api.codes(await t.api.as(colleague.token).request(REVOKE, { input: { invitationId } }))).toEqual(['FORBIDDEN']);

    const revoked = await t.api.as(manager.token).mutation(REVOKE, { invitationId });
    expect(revoked).toEqual({ invitation: { id: invitationId, status: 'REVOKED' }, userErrors: [] });
    const accepted = await t.api.mutation(ACCEPT, { token: tokenOf(invite.issued.acceptUrl), password: 'a long new password' });
    expect(accepted).toMatchObject({ viewer: null, userErrors: [{ code: 'REVOKED', field: ['input', 'token'] }] });
    const preview = await t.api.ok(`query ($t: String!) { invitation(token: $t) { status } }`, { t: tokenOf(invite.issued.acceptUrl) });
    expect(preview.invitation.status).toBe('REVOKED');
    const pending = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Organisation { pendingInvitations { id } } } }`, { id: orgId });
    expect(pending.node.pendingInvitations).toEqual([]);
  });

  it("can be withdrawn by a platform admin only if they issued it (an organisation's first manager)", async () => {
    const admin = await t.make.admin();
    const created = await t.api.as(admin.token).mutation(CREATE_ORGANISATION, {
      name: 'Withdrawal Trust', slug: `withdrawal-${Date.now()}`, sector: 'HEALTH', country: 'GB',
      firstManager: { email: `first.${Date.now()}@withdrawal.example`, displayName: 'First Manager' },
    });
    const { manager, orgId } = await managerOf();
    const byManager = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: `theirs.${Date.now()}@test.example`, displayName: 'Theirs', roles: ['CO_LEARNER'] });
    expect(Api.codes(await t.api.as(admin.token).request(REVOKE, { input: { invitationId: byManager.issued.invitation.id } }))).toEqual(['NOT_FOUND']);
    const issuedByAdmin = await t.server.db.getRepository(InvitationEntity).findOneByOrFail({ email: created.managerInvitation.invitation.email });
    const revoked = await t.api.as(admin.token).mutation(REVOKE, { invitationId: gid('Invitation', issuedByAdmin.id) });
    expect(revoked).toMatchObject({ invitation: { status: 'REVOKED' }, userErrors: [] });
  });

  it('cannot be withdrawn once accepted', async () => {
    const { manager, orgId } = await managerOf();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: `joined.${Date.now()}@test.example`, displayName: 'Joined', roles: ['CO_LEARNER'] });
    await t.api.mutation(ACCEPT, { token: tokenOf(invite.issued.acceptUrl), password: 'a long new password' });
    const revoked = await t.api.as(manager.token).mutation(REVOKE, { invitationId: invite.issued.invitation.id });
    expect(revoked).toMatchObject({ invitation: null, userErrors: [{ code: 'ALREADY_USED' }] });
  });

  it('an existing account accepts with its own password and gains the membership', async () => {
    const { manager, orgId, organisation } = await managerOf();
    const existing = await t.make.person();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: existing.person.email, displayName: 'Again', roles: ['OWNER'] });
    const wrong = await t.api.mutation(ACCEPT, { token: tokenOf(invite.issued.acceptUrl), password: 'not my password' });
    expect(wrong.userErrors[0]).toMatchObject({ code: 'INVALID_CREDENTIALS', field: ['input', 'password'] });
    const right = await t.api.mutation(ACCEPT, { token: tokenOf(invite.issued.acceptUrl), password: PASSWORD });
    expect(right.userErrors).toEqual([]);
    const viewer = await t.api.as(right.token).ok(`{ viewer { memberships { roles organisation { name } } } }`);
    expect(viewer.viewer.memberships).toContainEqual({ roles: ['OWNER'], organisation: { name: organisation.name } });
  });

  it("holds password guesses on an existing account's invitation to the sign-in limit", async () => {
    const { manager, orgId } = await managerOf();
    const existing = await t.make.person();
    const invite = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: existing.person.email, displayName: 'Guessed', roles: ['OWNER'] });
    const token = tokenOf(invite.issued.acceptUrl);
    for (let i = 0; i < 5; i++) {
      expect((await t.api.mutation(ACCEPT, { token, password: `guess number ${i}` })).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const blocked = await t.api.mutation(ACCEPT, { token, password: PASSWORD });
    expect(blocked.userErrors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect(blocked.viewer).toBeNull();
  });

  it('refuses invitations from co-learners and from managers of another organisation', async () => {
    const { orgId, organisation } = await managerOf();
    const coLearner = await t.make.person({ organisation, roles: [Role.CO_LEARNER] });
    const outsider = await managerOf();
    const input = { organisationId: orgId, email: `who.${Date.now()}@test.example`, displayName: 'Who', roles: ['CO_LEARNER'] };
    expect(Api.codes(await t.api.as(coLearner.token).request(INVITE, { input }))).toEqual(['FORBIDDEN']);
    expect(Api.codes(await t.api.as(outsider.manager.token).request(INVITE, { input }))).toEqual(['FORBIDDEN']);
    expect(await t.server.db.getRepository(InvitationEntity).countBy({ email: input.email })).toBe(0);
  });

  it('refuses to invite someone who is already a member', async () => {
    const { manager, orgId, organisation } = await managerOf();
    const member = await t.make.person({ organisation });
    const payload = await t.api.as(manager.token).mutation(INVITE, { organisationId: orgId, email: member.person.email, displayName: 'M', roles: ['OWNER'] });
    expect(payload.userErrors[0]).toMatchObject({ code: 'ALREADY_EXISTS', field: ['input', 'email'] });
  });
});

function idFrom(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString().split(':')[1];
}
