import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { ChangeEntity, ChangeStatus, DecisionEntity } from '../../server/src/modules/change/change.entity';
import { CommentEntity } from '../../server/src/modules/comment/comment.entity';

/**
 * Issue 9: what a hostile or clumsy caller gets back over HTTP. Every error is JSON with a code and
 * no stack, whatever NODE_ENV says (these servers run with NODE_ENV=test, where Express's own
 * handler would print the stack); refusals are 400; invalid text never reaches PostgreSQL; the
 * schema is not spelt out to strangers.
 */
const t = apiSuite();

/** No stack frames, file paths or HTML in what a client is sent. */
function expectNoLeak(body: string) {
  expect(body).not.toMatch(/\bat .+\(.+:\d+:\d+\)|node_modules|\/work\/|<html|<pre>|SyntaxError|PayloadTooLargeError|URIError/i);
}

async function raw(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const body = await response.text();
  expectNoLeak(body);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body, json: () => JSON.parse(body) };
}

const postJson = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('HTTP errors are JSON with a code, never a stack', () => {
  it('answers a truncated JSON body with 400 BAD_USER_INPUT', async () => {
    const response = await raw(`${t.server.url}/graphql`, postJson('{"query": "{ viewer'));
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/application\/json/);
    expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a body over 1 MB with 413', async () => {
    const big = JSON.stringify({ query: `{ viewer { email } } #${'x'.repeat(1_100_000)}` });
    const response = await raw(`${t.server.url}/graphql`, postJson(big));
    expect(response.status).toBe(413);
    expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a body that is not JSON at all (text/plain) with a coded 400, not a 500', async () => {
    const response = await raw(`${t.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers unknown routes, malformed paths and bad download requests with JSON codes', async () => {
    const unknown = await raw(`${t.server.url}/no-such-route`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(unknown.json().error.code).toBe('NOT_FOUND');

    const malformed = await raw(`${t.server.url}/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(malformed.json().error.code).toBe('BAD_USER_INPUT');

    const { token } = await t.make.person();
    const forged = await raw(`${t.server.url}/exports/changes.csv?organisationId=%00`, { headers: { authorization: `Bearer ${token}` } });
    expect(forged.status).toBe(400);
    expect(forged.json().error.code).toBe('BAD_USER_INPUT');
  });
});

describe('refusals are 400', () => {
  it('answers a query refused as too expensive with 400, not 500', async () => {
    const { token } = await t.make.person();
    const nested = `{ barriers(first: 100) { nodes { comments { author { id } } history { actorName }
      changes { comments { author { id } } history { actorName } } } } }`;
    const response = await t.api.as(token).request(nested);
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.status).toBe(400);
  });

  it('answers a query nested too deep with 400', async () => {
    const { token } = await t.make.person();
    const segment = ['memberships', 'organisation', 'members(first: 1)', 'nodes', 'person'];
    const fields = ['viewer', ...segment, ...segment, ...segment];
    const response = await t.api.as(token).request(`{ ${fields.join(' { ')} { id ${' }'.repeat(fields.length)} }`);
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/nested/);
    expect(response.status).toBe(400);
  });
});

describe('invalid text', () => {
  it('refuses a NUL byte with BAD_USER_INPUT before any SQL, and writes nothing', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const before = await t.server.db.getRepository(DecisionEntity).countBy({ changeId: s.change.id });
    const response = await t.api.as(s.owner.token).request(
      `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { userErrors { code } } }`,
      { input: { changeId: s.id, expectedVersion: s.change.version, outcome: 'APPROVE', rationale: 'Good evidence\u0000 and a clear plan' } },
    );
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/NUL/);
    expect(await t.server.db.getRepository(DecisionEntity).countBy({ changeId: s.change.id })).toBe(before);
    expect((await t.server.db.getRepository(ChangeEntity).findOneByOrFail({ id: s.change.id })).status).toBe(ChangeStatus.SUBMITTED);
  });

  it('refuses lone surrogates and control characters, in nested inputs and query arguments too', async () => {
    const s = await changeScenario(t.make);
    const comment = await t.api.as(s.senior.token).request(
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { userErrors { code } } }`,
      { input: { subjectId: s.id, body: 'half an emoji \ud83d here' } },
    );
    expect(Api.codes(comment)).toEqual(['BAD_USER_INPUT']);
    expect(await t.server.db.getRepository(CommentEntity).countBy({ changeId: s.change.id })).toBe(0);
    const search = await t.api.as(s.senior.token).request(`query ($s: String) { sharedCases(search: $s) { totalCount } }`, { s: 'bell\u0007' });
    expect(Api.codes(search)).toEqual(['BAD_USER_INPUT']);
  });

  it('trims before validating: a rationale of eleven spaces is refused, not stored empty', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const payload = await t.api.as(s.owner.token).mutation(
      `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { change { status } userErrors { field code } } }`,
      { changeId: s.id, expectedVersion: s.change.version, outcome: 'REJECT', rationale: ' '.repeat(11) },
    );
    expect(payload).toEqual({ change: null, userErrors: [{ field: ['input', 'rationale'], code: 'INVALID_INPUT' }] });
    expect(await t.server.db.getRepository(DecisionEntity).countBy({ changeId: s.change.id })).toBe(0);
  });

  it('stores text trimmed', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const payload = await t.api.as(s.owner.token).mutation(
      `mutation ($input: DecideChangeInput!) { decideChange(input: $input) { change { status } userErrors { code } } }`,
      { changeId: s.id, expectedVersion: s.change.version, outcome: 'APPROVE', rationale: '\n   Clear evidence, a sound plan.  \t ' },
    );
    expect(payload.userErrors).toEqual([]);
    const decision = await t.server.db.getRepository(DecisionEntity).findOneByOrFail({ changeId: s.change.id });
    expect(decision.rationale).toBe('Clear evidence, a sound plan.');
  });

  it('keeps passwords exactly as typed (a password may end in a space)', async () => {
    const { person, token } = await t.make.person();
    const change = await t.api.as(token).mutation(
      `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { code } } }`,
      { currentPassword: 'correct horse battery', newPassword: '  spaced out password  ' },
    );
    expect(change.userErrors).toEqual([]);
    const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;
    expect((await t.api.mutation(LOGIN, { email: person.email, password: 'spaced out password' })).userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect((await t.api.mutation(LOGIN, { email: ` ${person.email} `, password: '  spaced out password  ' })).userErrors).toEqual([]);
  });
});

describe('the schema is not spelt out to strangers', () => {
  const INTROSPECT = `{ __schema { queryType { name } } }`;
  const TYPE = `{ __type(name: "Change") { fields { name } } }`;

  it('refuses introspection to a caller who is not signed in, with 400', async () => {
    for (const query of [INTROSPECT, TYPE, `query { ...F } fragment F on Query { __schema { types { name } } }`]) {
      const response = await t.api.request(query);
      expect({ query, codes: Api.codes(response), status: response.status }).toEqual({ query, codes: ['BAD_USER_INPUT'], status: 400 });
    }
    expect((await t.api.ok(`{ __typename }`)).__typename).toBe('Query');
  });

  it('drops "Did you mean" suggestions for a caller who is not signed in', async () => {
    const field = await t.api.request(`{ viewr { email } }`);
    expect(Api.codes(field)).toEqual(['BAD_USER_INPUT']);
    expect(field.errors![0].message).not.toMatch(/Did you mean|viewer/);
    const value = await t.api.request(`mutation ($input: LoginInput!) { login(input: $input) { token } }`, { input: { emial: 'a@b.example', password: 'x' } });
    expect(Api.codes(value)).toEqual(['BAD_USER_INPUT']);
    expect(value.errors![0].message).not.toMatch(/Did you mean/);
  });

  it('lets a signed-in developer introspect outside production', async () => {
    const { token } = await t.make.person();
    expect((await t.api.as(token).ok(INTROSPECT)).__schema.queryType.name).toBe('Query');
    expect((await t.api.as(token).request(`{ viewr { email } }`)).errors![0].message).toMatch(/Did you mean "viewer"/);
  });

  describe('in production', () => {
    let production: TestServer;
    beforeAll(async () => {
      production = await startTestServer({ NODE_ENV: 'production' });
    });
    afterAll(() => production.close());

    it('refuses introspection and suggestions to everyone, signed in or not', async () => {
      const { token } = await t.make.person();
      const api = new Api(production.url, token);
      const response = await api.request(INTROSPECT);
      expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.status).toBe(400);
      const enumValue = await api.request(`mutation ($input: DecideChangeInput!) { decideChange(input: $input) { userErrors { code } } }`, {
        input: { changeId: gid('Change', '00000000-0000-0000-0000-000000000000'), expectedVersion: 1, outcome: 'APPROVED', rationale: 'because it works' },
      });
      expect(Api.codes(enumValue)).toEqual(['BAD_USER_INPUT']);
      expect(enumValue.errors![0].message).not.toMatch(/Did you mean/);
    });
  });
});
