import { apiSuite } from '../helpers/suite';
import { startTestServer } from '../helpers/server';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { MembershipEntity, Role } from '../../server/src/modules/person/membership.entity';

const t = apiSuite();

const MEMBERS = `query Members($id: ID!, $first: Int, $after: String) {
  node(id: $id) { ... on Organisation { members(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id roles person { displayName email memberships { roles } } organisation { name } } }
  } } }
}`;

async function organisationWith(memberCount: number) {
  const organisation = await t.make.organisation();
  const first = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER] });
  for (let i = 1; i < memberCount; i++) await t.make.person({ organisation, name: `Member ${i}` });
  return { organisation, token: first.token, id: gid('Organisation', organisation.id) };
}

describe('Relay connections', () => {
  it('pages through a list with opaque cursors, without gaps or repeats', async () => {
    const { token, id } = await organisationWith(7);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const data: any = await t.api.as(token).ok(MEMBERS, { id, first: 3, after });
      const members: any = data.node.members;
      expect(members.totalCount).toBe(7);
      seen.push(...members.edges.map((e: { node: { id: string } }) => e.node.id));
      after = members.pageInfo.hasNextPage ? members.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
  });

  it('refuses a malformed or foreign cursor, and a page larger than 100, with BAD_USER_INPUT', async () => {
    const { token, id } = await organisationWith(1);
    for (const after of ['garbage', Buffer.from(JSON.stringify({ o: 'other', v: [1, 2] })).toString('base64url')]) {
      const response = await t.api.as(token).request(MEMBERS, { id, first: 3, after });
      expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    }
    expect(Api.codes(await t.api.as(token).request(MEMBERS, { id, first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('runs the same number of SQL statements for 5 members as for 40, relations included', async () => {
    const { token, id } = await organisationWith(40);
    const small = await t.api.as(token).request(MEMBERS, { id, first: 5 });
    const large = await t.api.as(token).request(MEMBERS, { id, first: 40 });
    expect(large.data.node.members.edges).toHaveLength(40);
    expect(small.extensions?.sqlStatements).toBeGreaterThanOrEqual(4); // sign-in, page, and one per relation
    expect(large.extensions?.sqlStatements).toBe(small.extensions?.sqlStatements);
  });
});

describe('signing a request in', () => {
  it('recognises the viewer, their person and every membership in one SQL statement', async () => {
    const organisation = await t.make.organisation();
    const other = await t.make.organisation();
    const person = await t.make.person({ organisation, roles: [Role.PROGRAMME_MANAGER, Role.OWNER] });
    await t.server.db.getRepository(MembershipEntity).save({ personId: person.person.id, organisationId: other.id, roles: [Role.COMMUNITY_MEMBER] });
    const response = await t.api.as(person.token).request(`{ viewer { email isPlatformAdmin roles memberships { roles } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.viewer.memberships.map((m: { roles: string[] }) => m.roles)).toEqual([
      [Role.PROGRAMME_MANAGER, Role.OWNER],
      [Role.COMMUNITY_MEMBER],
    ]);
    expect(response.data.viewer.roles).toEqual([Role.PROGRAMME_MANAGER, Role.OWNER]);
    expect(response.extensions?.sqlStatements).toBe(1);
  });
});

describe('global ids and node', () => {
  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    const { token } = await t.make.person();
    for (const id of ['abc', Buffer.from('Organisation:not-a-uuid').toString('base64url'), Buffer.from('Spaceship:8e0b1a8e-0000-4000-8000-000000000000').toString('base64url')]) {
      const response = await t.api.as(token).request(`query ($id: ID!) { node(id: $id) { id } }`, { id });
      expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('resolves nodes of several types in one call, null for what the viewer may not see', async () => {
    const mine = await organisationWith(2);
    const other = await organisationWith(2);
    const data = await t.api.as(mine.token).ok(`query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids: [mine.id, other.id] });
    expect(data.nodes).toEqual([{ __typename: 'Organisation', id: mine.id }, null]);
  });
});

describe('tenancy', () => {
  it("a member of one organisation cannot read another organisation's members or people", async () => {
    const mine = await organisationWith(2);
    const theirs = await organisationWith(2);
    const stranger = await t.make.person({ organisation: theirs.organisation, name: 'Stranger' });
    expect((await t.api.as(mine.token).ok(MEMBERS, { id: theirs.id, first: 5 })).node).toBeNull();
    expect((await t.api.as(mine.token).ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: stranger.globalId })).node).toBeNull();
    const orgs = await t.api.as(mine.token).ok(`{ organisations { nodes { id } } }`);
    expect(orgs.organisations.nodes).toEqual([{ id: mine.id }]);
  });
});

describe('abuse limits and error masking', () => {
  it('refuses a query nested too deep', async () => {
    const { token } = await t.make.person();
    const deep = `{ viewer { memberships { organisation { members { nodes { person { memberships { organisation { members { nodes { person { memberships { roles } } } } } } } } } } } } }`;
    const response = await t.api.as(token).request(deep);
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/levels deep; the limit is 12/);
  });

  it('refuses a query that would be too expensive', async () => {
    const { token, id } = await organisationWith(1);
    const wide = `query ($id: ID!) { node(id: $id) { ... on Organisation { members(first: 100) { nodes { organisation { members(first: 100) { nodes { id roles } } } } } } } }`;
    const response = await t.api.as(token).request(wide, { id });
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/too expensive/);
  });

  it('refuses variables that do not fit the operation as BAD_USER_INPUT, naming the field, and runs nothing', async () => {
    const { token } = await organisationWith(1);
    const mutation = `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { userErrors { code } } }`;
    const cases: Record<string, unknown>[] = [
      { changeId: 'x', outcome: 'APPROVE', rationale: 'A rationale long enough.' }, // expectedVersion missing
      { changeId: 'x', expectedVersion: 'one', outcome: 'APPROVE', rationale: 'A rationale long enough.' },
      { changeId: 'x', expectedVersion: 1, outcome: 'MAYBE', rationale: 'A rationale long enough.' },
    ];
    for (const input of cases) {
      const response = await t.api.as(token).request(mutation, { input });
      expect({ input, status: response.status, codes: Api.codes(response) }).toEqual({ input, status: 400, codes: ['BAD_USER_INPUT'] });
      expect(response.errors![0].message).toMatch(/Variable "\$input" got invalid value/);
    }
  });

  it('does not accept batched requests', async () => {
    const response = await fetch(`${t.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ viewer { email } }' }, { query: '{ viewer { email } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('gives parse and validation errors the BAD_USER_INPUT code', async () => {
    expect(Api.codes(await t.api.request(`{ viewer { `))).toEqual(['BAD_USER_INPUT']);
    expect(Api.codes(await t.api.request(`{ viewer { password } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('logs and masks unexpected errors: no stack trace or SQL reaches the client', async () => {
    const broken = await startTestServer();
    const { token } = await t.make.person();
    await broken.db.destroy(); // every query now fails inside the server
    const response = await new Api(broken.url, token).request(`{ organisations { totalCount } }`);
    await broken.close().catch(() => undefined);
    const body = JSON.stringify(response.errors);
    expect(Api.codes(response)).toContain('INTERNAL_SERVER_ERROR');
    expect(body).not.toMatch(/stack|SELECT|at .*\.ts|Driver|connection/i);
  });
});
