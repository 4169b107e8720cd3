import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { Role } from '../../server/src/modules/person/membership.entity';
import { InvitationEntity } from '../../server/src/modules/invitation/invitation.entity';
import { OrganisationEntity } from '../../server/src/modules/organisation/organisation.entity';

/**
 * Audit: a platform admin creates organisations and grants programme managers, and must not read
 * private notes, sessions, anonymous barriers' pairs or questionnaire answers. So an admin may not
 * grant themselves a way in: no invitation to their own email, no roles other than manager.
 * And an invitation to an organisation that does not exist is refused cleanly, not with a 500.
 */
const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { issued { acceptUrl invitation { email roles } } userErrors { field code } } }`;
const CREATE = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } managerInvitation { acceptUrl } userErrors { field code } } }`;

const t = apiSuite();

const invitationsTo = (organisationId: string) => t.server.db.getRepository(InvitationEntity).countBy({ organisationId });

describe('a platform admin grants programme managers, and nothing to themselves', () => {
  it('may not invite themselves into an organisation, with any role; nothing is written', async () => {
    const admin = await t.make.admin();
    const organisation = await t.make.organisation();
    const organisationId = gid('Organisation', organisation.id);
    for (const roles of [[Role.PROGRAMME_MANAGER], [Role.CO_LEARNER], [Role.OWNER, Role.COMMUNITY_MEMBER]]) {
      const response = await t.api.as(admin.token).request(INVITE, {
        input: { organisationId, email: admin.person.email.toUpperCase(), displayName: 'Me', roles },
      });
      expect(Api.codes(response)).toEqual(['FORBIDDEN']);
    }
    expect(await invitationsTo(organisation.id)).toBe(0);
  });

  it('grants the programme manager role only: co-learners, owners and members are invited by the managers', async () => {
    const admin = await t.make.admin();
    const organisation = await t.make.organisation();
    const organisationId = gid('Organisation', organisation.id);
    const refused = await t.api.as(admin.token).request(INVITE, {
      input: { organisationId, email: `someone.${Date.now()}@test.example`, displayName: 'Someone', roles: [Role.PROGRAMME_MANAGER, Role.CO_LEARNER] },
    });
    expect(Api.codes(refused)).toEqual(['FORBIDDEN']);
    expect(await invitationsTo(organisation.id)).toBe(0);

    const granted = await t.api.as(admin.token).mutation(INVITE, {
      organisationId, email: `manager.${Date.now()}@test.example`, displayName: 'New Manager', roles: [Role.PROGRAMME_MANAGER],
    });
    expect(granted.userErrors).toEqual([]);
    expect(granted.issued.invitation.roles).toEqual([Role.PROGRAMME_MANAGER]);

    // The organisation's own managers still invite anyone with any roles.
    const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
    const byManager = await t.api.as(manager.token).mutation(INVITE, {
      organisationId, email: `colearner.${Date.now()}@test.example`, displayName: 'Co Learner', roles: [Role.CO_LEARNER, Role.OWNER],
    });
    expect(byManager.userErrors).toEqual([]);
  });

  it('may not name themselves the first manager of a new organisation; nothing is written', async () => {
    const admin = await t.make.admin();
    const slug = `self-${Date.now()}`;
    const payload = await t.api.as(admin.token).mutation(CREATE, {
      name: 'Self Granted Trust', slug, sector: 'HEALTH', country: 'GB', firstManager: { email: admin.person.email, displayName: 'Me' },
    });
    expect(payload).toMatchObject({ organisation: null, managerInvitation: null, userErrors: [{ field: ['input', 'firstManager', 'email'], code: 'INVALID_INPUT' }] });
    expect(await t.server.db.getRepository(OrganisationEntity).existsBy({ slug })).toBe(false);
  });

  it('an invitation to an organisation that does not exist is NOT_FOUND, not a server error', async () => {
    const admin = await t.make.admin();
    const organisationId = gid('Organisation', '8e0b1a8e-0000-4000-8000-000000000000');
    const response = await t.api.as(admin.token).request(INVITE, {
      input: { organisationId, email: `ghost.${Date.now()}@test.example`, displayName: 'Ghost', roles: [Role.PROGRAMME_MANAGER] },
    });
    expect(Api.codes(response)).toEqual(['NOT_FOUND']);
    const wrongType = await t.api.as(admin.token).request(INVITE, {
      input: { organisationId: gid('Person', admin.person.id), email: `ghost2.${Date.now()}@test.example`, displayName: 'Ghost', roles: [Role.PROGRAMME_MANAGER] },
    });
    expect(Api.codes(wrongType)).toEqual(['BAD_USER_INPUT']);
  });
});
