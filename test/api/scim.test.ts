import crypto from 'node:crypto';
import { MembershipAuditEntity } from '../../server/src/modules/membership-audit/membership-audit.entity';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';
import { personWithSecrets } from '../../server/src/modules/person/person.entity';
import { ScimTokenEntity } from '../../server/src/modules/scim/scim-token.entity';
import { gid } from '../helpers/factories';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const CREATE_TOKEN = `mutation ($input: ScimTokenInput!) { createScimToken(input: $input) { token provisioning { baseUrl hasToken } userErrors { code } } }`;
const REVOKE_TOKEN = `mutation ($input: ScimTokenInput!) { revokeScimToken(input: $input) { provisioning { hasToken } userErrors { code } } }`;
const VIEWER = `{ viewer { organisation { id } roles } }`;

const unique = () => crypto.randomBytes(4).toString('hex');

async function provisionedOrganisation() {
  const organisation = await t.make.organisation();
  const manager = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  const organisationId = gid('Organisation', organisation.id);
  const created = await t.api.as(manager.token).mutation(CREATE_TOKEN, { organisationId });
  expect(created.userErrors).toEqual([]);
  return { organisation, organisationId, manager, token: created.token as string };
}

async function scim(token: string | undefined, method: string, path: string, body?: unknown, raw?: string) {
  const response = await fetch(`${t.server.url}/scim/v2${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined || raw ? { 'content-type': 'application/scim+json' } : {}) },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), body: text ? JSON.parse(text) : null };
}

const replace = (path: string, value: unknown) => ({ schemas: [PATCH], Operations: [{ op: 'Replace', path, value }] });

describe('SCIM 2.0 provisioning at /scim/v2', () => {
  it('answers the discovery endpoints: ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const { token } = await provisionedOrganisation();
    const config = await scim(token, 'GET', '/ServiceProviderConfig');
    expect(config.status).toBe(200);
    expect(config.type).toMatch(/application\/scim\+json/);
    expect(config.body).toMatchObject({ patch: { supported: true }, filter: { supported: true, maxResults: 100 }, bulk: { supported: false }, authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })] });
    const types = await scim(token, 'GET', '/ResourceTypes');
    expect(types.body.Resources).toEqual([expect.objectContaining({ id: 'User', endpoint: '/Users', schema: USER })]);
    const schemas = await scim(token, 'GET', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER, ENTERPRISE]);
    expect((await scim(token, 'GET', `/Schemas/${USER}`)).body.attributes.map((a: { name: string }) => a.name)).toContain('userName');
  });

  it('creates, reads, filters, replaces and patches Users as in RFC 7644 (3.3, 3.4.1, 3.4.2, 3.5.1, 3.5.2)', async () => {
    const { token, organisation } = await provisionedOrganisation();
    // RFC 7644 §3.3's example, whose userName is not an address: refused clearly.
    const rfc = { schemas: [USER], userName: 'bjensen', externalId: 'bjensen', name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' } };
    const refused = await scim(token, 'POST', '/Users', rfc);
    expect(refused).toMatchObject({ status: 400, body: { schemas: [ERROR], status: '400', scimType: 'invalidValue' } });

    const userName = `bjensen.${unique()}@example.com`;
    const created = await scim(token, 'POST', '/Users', { ...rfc, userName });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ schemas: [USER, ENTERPRISE], userName, externalId: 'bjensen', displayName: 'Ms. Barbara J Jensen III', active: true, meta: { resourceType: 'User', location: `${t.server.url}/scim/v2/Users/${created.body.id}` } });
    const membership = await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ id: created.body.id });
    expect(membership).toMatchObject({ organisationId: organisation.id, roles: [Role.COMMUNITY_MEMBER] });
    expect((await scim(token, 'POST', '/Users', { ...rfc, userName })).body).toMatchObject({ status: '409', scimType: 'uniqueness' });

    expect((await scim(token, 'GET', `/Users/${created.body.id}`)).body).toEqual(created.body);
    const found = await scim(token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(found.body).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'], totalResults: 1, Resources: [expect.objectContaining({ id: created.body.id })] });
    expect((await scim(token, 'GET', `/Users?filter=${encodeURIComponent('name.familyName co "O\'Malley"')}`)).body).toMatchObject({ status: '400', scimType: 'invalidFilter' });

    // §3.5.1 PUT: the User as sent.
    const put = await scim(token, 'PUT', `/Users/${created.body.id}`, { schemas: [USER, ENTERPRISE], userName, externalId: 'bjensen', name: { formatted: 'Barbara Jensen' }, title: 'Tour Guide', [ENTERPRISE]: { department: 'Tours' } });
    expect(put.body).toMatchObject({ title: 'Tour Guide', displayName: 'Barbara Jensen', [ENTERPRISE]: { department: 'Tours' } });
    // §3.5.2: an operation without a path, and a remove.
    const patched = await scim(token, 'PATCH', `/Users/${created.body.id}`, { schemas: [PATCH], Operations: [{ op: 'replace', value: { title: 'Senior Tour Guide', displayName: 'Babs Jensen' } }, { op: 'remove', path: `${ENTERPRISE}:department` }] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Senior Tour Guide', displayName: 'Babs Jensen', [ENTERPRISE]: {} });
    expect(await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ id: created.body.id })).toMatchObject({ jobTitle: 'Senior Tour Guide', division: null });
    expect((await scim(token, 'PATCH', `/Users/${created.body.id}`, { schemas: [PATCH], Operations: [{ op: 'move', path: 'title' }] })).body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect((await scim(token, 'POST', '/Users', undefined, '{"userName": '))).toMatchObject({ status: 400, body: { schemas: [ERROR], scimType: 'invalidSyntax' } });
  });

  it("follows Entra's provisioning sequence: probe, create, patch attributes, active: false (access gone at once), reactivate, delete", async () => {
    const { token, organisation, manager } = await provisionedOrganisation();
    const probe = await scim(token, 'GET', `/Users?filter=${encodeURIComponent('userName eq "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1"')}`);
    expect(probe).toMatchObject({ status: 200, body: { totalResults: 0, Resources: [] } });

    const userName = `Grace.Hopper.${unique()}@northshore.example`;
    const created = await scim(token, 'POST', '/Users', {
      schemas: [USER, ENTERPRISE],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName,
      active: true,
      emails: [{ primary: true, type: 'work', value: userName }],
      meta: { resourceType: 'User' },
      name: { formatted: 'Grace Hopper', familyName: 'Hopper', givenName: 'Grace' },
      roles: [],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const person = (await personWithSecrets(t.server.db, { email: userName.toLowerCase() }))!;
    expect(person.passwordHash).toBeNull();

    const attributes = await scim(token, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'title', value: 'Nurse Consultant' },
        { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Maternity' },
        { op: 'Add', path: 'name.givenName', value: 'Grace' },
        { op: 'Replace', path: 'phoneNumbers[type eq "work"].value', value: '+44 20 7946 0000' },
      ],
    });
    expect(attributes.body).toMatchObject({ title: 'Nurse Consultant', [ENTERPRISE]: { department: 'Maternity' } });
    expect(JSON.stringify(attributes.body)).not.toContain('7946'); // attributes we do not keep are not stored
    expect(await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ id })).toMatchObject({ jobTitle: 'Nurse Consultant', division: 'Maternity' });

    const session = await t.make.signIn(person);
    expect((await t.api.as(session).ok(VIEWER)).viewer.organisation).toEqual({ id: gid('Organisation', organisation.id) });
    const off = await scim(token, 'PATCH', `/Users/${id}`, replace('active', 'False'));
    expect(off.body.active).toBe(false);
    expect((await t.api.as(session).ok(VIEWER)).viewer).toEqual({ organisation: null, roles: [] });

    // A manager gives them another role while they are away; reactivation keeps the manager's roles.
    await t.server.db.getRepository(MembershipEntity).update(id, { roles: [Role.CO_LEARNER] });
    const on = await scim(token, 'PATCH', `/Users/${id}`, replace('active', true));
    expect(on.body.active).toBe(true);
    expect((await t.api.as(session).ok(VIEWER)).viewer).toEqual({ organisation: { id: gid('Organisation', organisation.id) }, roles: ['CO_LEARNER'] });

    expect((await scim(token, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect(await scim(token, 'GET', `/Users/${id}`)).toMatchObject({ status: 404, body: { schemas: [ERROR], status: '404' } });
    expect((await t.api.as(session).ok(VIEWER)).viewer.organisation).toBeNull();

    const history = await t.server.db.getRepository(MembershipAuditEntity).find({ where: { organisationId: organisation.id, subjectEmail: userName.toLowerCase() }, order: { createdAt: 'ASC' } });
    expect(history.map((entry) => [entry.kind, entry.via, entry.actorId])).toEqual([
      ['JOINED', 'PROVISIONING', null],
      ['DETAILS_CHANGED', 'PROVISIONING', null],
      ['DEACTIVATED', 'PROVISIONING', null],
      ['REACTIVATED', 'PROVISIONING', null],
      ['REMOVED', 'PROVISIONING', null],
    ]);
    const audit = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Organisation { membershipAudit(first: 1) { nodes { kind via actorName } } } } }`, { id: gid('Organisation', organisation.id) });
    expect(audit.node.membershipAudit.nodes).toEqual([{ kind: 'REMOVED', via: 'PROVISIONING', actorName: "The organisation's provisioning service" }]);
  });

  it('refuses to deactivate or delete someone it would strand, as a manager is refused, and changes nothing', async () => {
    const { token, organisation, manager } = await provisionedOrganisation();
    const lastManager = (await scim(token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${manager.person.email}"`)}`)).body.Resources[0];
    const refused = await scim(token, 'PATCH', `/Users/${lastManager.id}`, replace('active', false));
    expect(refused).toMatchObject({ status: 409, body: { schemas: [ERROR], status: '409', detail: expect.stringContaining('needs a programme manager') } });
    expect((await scim(token, 'DELETE', `/Users/${lastManager.id}`)).status).toBe(409);

    const { pair } = await t.make.pair(organisation);
    const senior = await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ personId: pair.seniorId, organisationId: organisation.id });
    expect((await scim(token, 'PATCH', `/Users/${senior.id}`, replace('active', false))).body.detail).toContain('pair');
    expect(await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ id: senior.id })).toMatchObject({ deactivatedAt: null });
    expect(await t.server.db.getRepository(MembershipAuditEntity).countBy({ organisationId: organisation.id, via: 'PROVISIONING' as never })).toBe(0);
  });

  it("reads and changes nothing in another organisation with one organisation's token", async () => {
    const mine = await provisionedOrganisation();
    const theirs = await provisionedOrganisation();
    const theirMember = (await scim(theirs.token, 'GET', '/Users')).body.Resources[0];
    expect((await scim(mine.token, 'GET', '/Users')).body.Resources.map((u: { userName: string }) => u.userName)).toEqual([mine.manager.person.email]);
    expect((await scim(mine.token, 'GET', `/Users?filter=${encodeURIComponent(`userName eq "${theirs.manager.person.email}"`)}`)).body.totalResults).toBe(0);
    for (const [method, body] of [['GET'], ['PUT', { schemas: [USER], userName: 'x@y.example' }], ['PATCH', replace('title', 'Taken over')], ['DELETE']] as const) {
      expect((await scim(mine.token, method, `/Users/${theirMember.id}`, body)).status).toBe(404);
    }
    expect(await t.server.db.getRepository(MembershipEntity).findOneByOrFail({ id: theirMember.id })).toMatchObject({ jobTitle: null, deactivatedAt: null });
  });

  it('needs a live token: shown once, stored hashed, replaced by a new one, revocable; refusals are SCIM 401s', async () => {
    const { token, organisationId, manager, organisation } = await provisionedOrganisation();
    expect((await scim(undefined, 'GET', '/Users')).body).toMatchObject({ schemas: [ERROR], status: '401' });
    expect((await scim('scim_not-a-token', 'GET', '/Users')).status).toBe(401);
    const stored = await t.server.db.getRepository(ScimTokenEntity).findBy({ organisationId: organisation.id });
    expect(JSON.stringify(stored)).not.toContain(token.slice(5));
    const shown = await t.api.as(manager.token).ok(`query ($id: ID!) { node(id: $id) { ... on Organisation { provisioning { baseUrl hasToken tokenCreatedAt } } } }`, { id: organisationId });
    expect(shown.node.provisioning).toMatchObject({ baseUrl: `${t.server.url}/scim/v2`, hasToken: true });
    expect(JSON.stringify(shown)).not.toContain(token);

    const next = (await t.api.as(manager.token).mutation(CREATE_TOKEN, { organisationId })).token;
    expect((await scim(token, 'GET', '/Users')).status).toBe(401);
    expect((await scim(next, 'GET', '/Users')).status).toBe(200);
    expect((await t.api.as(manager.token).mutation(REVOKE_TOKEN, { organisationId })).provisioning.hasToken).toBe(false);
    expect((await scim(next, 'GET', '/Users')).status).toBe(401);

    const coLearner = await t.make.person({ organisation });
    const forbidden = await t.api.as(coLearner.token).request(CREATE_TOKEN, { input: { organisationId } });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
