import fc from 'fast-check';
import { getNamedType, type GraphQLInterfaceType, type GraphQLObjectType, isInterfaceType, isNonNullType, isObjectType, isUnionType } from 'graphql';
import { Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeStatus, DecisionEntity, DecisionOutcome } from '../../server/src/modules/change/change.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { createSchema } from '../../server/src/schema';
import { Api, type GraphQLResponse } from '../helpers/api';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { startTestServer, type TestServer } from '../helpers/server';
import { apiSuite } from '../helpers/suite';

/**
 * Queries run compiled (graphql-jit) from their second request, graphql-js before (see
 * common/compiled-execution.ts); the test server compiles from the first. Both must answer alike:
 * the same data, the same nulls where a policy hides something, the same errors with the same
 * codes and paths. Here a server that never compiles answers beside it, and queries are generated
 * from the schema itself (random fields of Change and what hangs off it, aliases, fragments,
 * @include and @skip) and asked as several viewers of both.
 */
const t = apiSuite();
let plain: TestServer;
beforeAll(async () => {
  plain = await startTestServer({ COMPILE_QUERIES_AFTER: '0' });
});
afterAll(() => plain.close());

type Composite = GraphQLObjectType | GraphQLInterfaceType;

/** A random selection of `type`'s fields that need no arguments, `depth` levels deep. */
function selection(g: fc.GeneratorValue, type: Composite, depth: number): string {
  // Names, not the fields themselves: fast-check compares a generator's arguments, and schema objects are cyclic.
  const names = Object.values(type.getFields()).filter((field) => field.args.every((arg) => !isNonNullType(arg.type))).map((field) => field.name);
  const picked = g(fc.subarray, names, { minLength: Math.min(1, names.length), maxLength: Math.min(5, names.length) }).map((name) => type.getFields()[name]);
  const parts = ['__typename'];
  for (const [at, field] of picked.entries()) {
    const named = getNamedType(field.type);
    let sub = '';
    if (isObjectType(named) || isInterfaceType(named)) {
      if (depth === 0) continue;
      sub = ` { ${selection(g, named, depth - 1)} }`;
    } else if (isUnionType(named)) {
      sub = ' { __typename }';
    }
    const alias = g(fc.boolean) ? `a${at}: ` : '';
    const directive = g(fc.constantFrom, '', '', ' @include(if: $yes)', ' @skip(if: $yes)', ' @include(if: $no)');
    parts.push(`${alias}${field.name}${directive}${sub}`);
  }
  const text = parts.join(' ');
  return g(fc.boolean) ? `... on ${type.name} { ${text} }` : text;
}

const answer = (response: GraphQLResponse) => ({
  status: response.status,
  data: response.data,
  errors: response.errors?.map((error) => ({ message: error.message, path: error.path, code: error.extensions?.code })),
});

/**
 * The same answer: status, data and error codes alike, and every error graphql-js reports reported
 * too. Where a non-null field fails and its parent becomes null, graphql-js stops at the first such
 * error, while a compiled query also reports its siblings' errors (both as the specification allows).
 */
function expectSameAnswer(compiled: GraphQLResponse, plainResponse: GraphQLResponse): void {
  const [mine, theirs] = [answer(compiled), answer(plainResponse)];
  expect({ ...mine, errors: undefined }).toEqual({ ...theirs, errors: undefined });
  const codes = (errors: typeof mine.errors) => [...new Set((errors ?? []).map((error) => error.code))].sort();
  expect(codes(mine.errors)).toEqual(codes(theirs.errors));
  for (const error of theirs.errors ?? []) expect(mine.errors).toContainEqual(error);
}

describe('compiled queries', () => {
  it('answer exactly as graphql-js does, for any selection and any viewer', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const other = await t.make.pair(s.organisation);
    const anonymous = await t.make.barrier(other.pair, { attribution: Attribution.ANONYMOUS });
    for (let i = 0; i < 6; i++) {
      const change = await t.make.change(i % 2 ? s.barrier : anonymous, s.owner.person.id, { status: ChangeStatus.SUBMITTED });
      if (i % 3 === 0) await t.server.db.getRepository(DecisionEntity).save({ changeId: change.id, deciderId: s.owner.person.id, outcome: DecisionOutcome.REQUEST_CHANGES, rationale: `Not yet ${i}` });
    }
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const viewers = [s.owner.token, manager.token, s.senior.token, other.junior.token, undefined];
    const schema = await createSchema();
    const change = schema.getType('Change') as GraphQLObjectType;
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(fc.gen(), fc.constantFrom(...viewers), fc.boolean(), async (g, token, yes) => {
        const query = `query Q($yes: Boolean!, $no: Boolean!, $id: ID!) {
          changes(first: 5) { totalCount nodes { ${selection(g, change, 2)} } }
          node(id: $id) { id ... on Change { ${selection(g, change, 1)} } }
        }`;
        const variables = { yes, no: !yes, id: gid('Change', s.change.id) };
        const compiled = await t.api.as(token).request(query, variables);
        expectSameAnswer(compiled, await new Api(plain.url, token).request(query, variables));
        if (compiled.data) compared++;
      }),
      { numRuns: Number(process.env.COMPILED_RUNS ?? 40), seed: Number(process.env.FUZZ_SEED ?? 20261203) },
    );
    // Most answers had data to compare, not only the same refusal.
    expect(compared).toBeGreaterThan(20);
  });

  it('refuse bad variables with the same coded errors, and resolve errors with the same codes and paths', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const cases: [string, Record<string, unknown>][] = [
      ['query Q($n: Int!) { changes(first: $n) { nodes { id } } }', { n: 'ten' }],
      ['query Q($n: Int!) { changes(first: $n) { nodes { id } } }', {}],
      ['query Q($n: Int!) { changes(first: $n) { nodes { id } } }', { n: 100000 }],
      ['query Q($id: ID!) { node(id: $id) { id } }', { id: 'garbage' }],
      ['query Q($id: ID!) { node(id: $id) { id } }', { id: gid('Change', '7d8e3a52-1f0b-4c61-9d2e-5a4b3c2d1e0f') }],
      ['query Q($id: ID!) { a: node(id: $id) { id } b: node(id: "nonsense") { id } }', { id: gid('Change', s.change.id) }],
      ['query Q { changes(first: 2, filter: { status: [NOT_A_STATUS] }) { nodes { id } } }', {}],
    ];
    for (const token of [s.owner.token, undefined]) {
      for (const [query, variables] of cases) {
        const compiled = await t.api.as(token).request(query, variables);
        expectSameAnswer(compiled, await new Api(plain.url, token).request(query, variables));
        expect(Api.codes(compiled)).not.toContain('INTERNAL_SERVER_ERROR');
      }
    }
  });
});
