import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLScalarType,
} from 'graphql';
import { MoreThan } from 'typeorm';
import { apiSuite } from '../helpers/suite';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { ChangeStatus } from '../../server/src/modules/change/change.entity';
import { LoginAttemptEntity } from '../../server/src/modules/auth/login-attempt.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import { createSchema } from '../../server/src/schema';

/**
 * Issue 9: a property test over every mutation and every query with arguments in the schema,
 * generated from the schema itself, so mutations added later are covered without touching this
 * file. Arguments are hostile: unicode, NUL and control characters, 1 MB strings, numbers out of
 * range, malformed and foreign ids and cursors, wrong enum values, wrong shapes. Every answer must
 * be data or a coded error: never INTERNAL_SERVER_ERROR, never a 500, never a stack; and a mutation
 * that answers with an error must leave the database as it was (no partial write).
 *
 * Bounded: RUNS_PER_FIELD cases for each root field (FUZZ_RUNS overrides), about a minute here.
 */
const RUNS_PER_FIELD = Number(process.env.FUZZ_RUNS ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);
const UUID = '7d8e3a52-1f0b-4c61-9d2e-5a4b3c2d1e0f';

const t = apiSuite();

interface Pools {
  ids: string[];
  tokens: (string | undefined)[];
}

function textArbitrary(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' '.repeat(11), '\u0000', 'x\u0000y', '\ud800', '\u202e\u0007', "'; DROP TABLE change; --", '%00', '😀'.repeat(500)) },
    { weight: 1, arbitrary: fc.constantFrom('a'.repeat(1_000_000), 'é'.repeat(300_000)) },
  );
}

function idArbitrary(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...pools.ids) },
    { weight: 1, arbitrary: fc.constantFrom('', 'garbage', gid('Change', 'not-a-uuid'), gid('NoSuchType', UUID), gid('Organisation', UUID), gid('Change', UUID)) },
    { weight: 1, arbitrary: textArbitrary() },
  );
}

function cursorArbitrary(): fc.Arbitrary<string> {
  const forged = fc
    .tuple(fc.constantFrom('newest', 'oldest', 'target', 'created', 'published', 'other'), fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }))
    .map(([o, v]) => Buffer.from(JSON.stringify({ o, v })).toString('base64url'));
  return fc.oneof(forged, textArbitrary());
}

/** A value for a GraphQL input type: mostly well-shaped with hostile leaves, sometimes the wrong shape altogether. */
function valueFor(type: GraphQLInputType, name: string, pools: Pools, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof({ weight: 12, arbitrary: valueFor(type.ofType, name, pools, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  const nullable = (arbitrary: fc.Arbitrary<unknown>) => fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) {
    return nullable(fc.array(valueFor(type.ofType, name, pools, depth + 1), { maxLength: depth > 1 ? 1 : 4 }));
  }
  if (isEnumType(type)) {
    return nullable(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', 'approve', 1) }));
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, field.name, pools, depth + 1)])),
      { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
    );
    return nullable(fc.oneof({ weight: 8, arbitrary: record }, { weight: 1, arbitrary: fc.constantFrom('not an object', 42, [], { unknownField: 1 }) }));
  }
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
      return nullable(fc.oneof(fc.integer({ min: -5, max: 120 }), fc.constantFrom(-1, 0, 101, 2_147_483_647, -2_147_483_648, 2 ** 40, 1.5, '7')));
    case 'Float':
      return nullable(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 1e-320, 0, -0, '1')));
    case 'Boolean':
      return nullable(fc.oneof({ weight: 5, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 0) }));
    case 'ID':
      return nullable(idArbitrary(pools));
    case 'DateTimeISO':
      return nullable(fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('not a date', '9999-99-99T99:99:99Z', '')));
    default:
      if (/after|before|cursor/i.test(name)) return nullable(cursorArbitrary());
      if (/date|on$|from/i.test(name)) return nullable(fc.oneof(fc.constantFrom('2026-09-30', '2026-02-30', '0000-00-00', '99999-01-01'), textArbitrary()));
      return nullable(textArbitrary());
  }
}

/**
 * One well-shaped value with a NUL in every text leaf: the first case tried for every field, so the
 * class of bug the probe found (NUL reaching PostgreSQL) is always exercised, whatever the seed.
 */
function nulExample(type: GraphQLInputType, pools: Pools): unknown {
  if (isNonNullType(type)) return nulExample(type.ofType, pools);
  if (isListType(type)) return [nulExample(type.ofType, pools)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, nulExample(f.type, pools)]));
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'ID':
      return pools.ids[0];
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return 'text with a NUL \u0000 inside';
  }
}

/** The smallest selection that runs the field: a payload's userErrors, or just __typename. */
function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isObjectType(named) && named.getFields().userErrors) return '{ __typename userErrors { code field message } }';
  if (isObjectType(named) || isInterfaceType(named) || isUnionType(named)) return '{ __typename }';
  return '';
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selectionFor(field.type)} }`;
}

/** Rows and row versions of every table people write to: changes when anything is inserted, updated or deleted. */
async function fingerprint(): Promise<string> {
  const tables: { table_name: string }[] = await t.server.db.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('migrations', 'login_attempt', 'auth_session')
      ORDER BY table_name`,
  );
  const parts = tables.map(({ table_name }) => `(SELECT '${table_name}:' || count(*) || ':' || coalesce(sum(hashtext(x::text)), 0) FROM "${table_name}" x)`);
  const [row] = await t.server.db.query(`SELECT concat_ws(' ', ${parts.join(', ')}) AS print`);
  return row.print;
}

let schemaFields: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[];
let pools: Pools;
const startedAt = new Date();

beforeAll(async () => {
  const schema = await createSchema();
  schemaFields = [
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ kind: 'mutation' as const, field })),
    ...Object.values(schema.getQueryType()!.getFields())
      .filter((field) => field.args.length > 0)
      .map((field) => ({ kind: 'query' as const, field })),
  ];
  // logout ends the sessions the other fields are called with: it goes last.
  schemaFields.sort((a, b) => Number(a.field.name === 'logout') - Number(b.field.name === 'logout'));
  const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
  const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
  const admin = await t.make.admin();
  const programme = await t.make.programme(s.organisation);
  pools = {
    ids: [
      s.id,
      s.barrierId,
      gid('Pair', s.pair.id),
      gid('Organisation', s.organisation.id),
      gid('Programme', programme.id),
      s.senior.globalId,
      s.owner.globalId,
      manager.globalId,
    ],
    tokens: [undefined, s.senior.token, s.junior.token, s.owner.token, manager.token, admin.token],
  };
});

describe('hostile arguments to every root field', () => {
  afterAll(async () => {
    // Failed sign-ins from the fuzzing would count against 127.0.0.1 for the suites that follow.
    await t.server.db.getRepository(LoginAttemptEntity).delete({ at: MoreThan(startedAt) });
  });

  it('covers every mutation and every query that takes arguments', () => {
    const names = schemaFields.map(({ field }) => field.name);
    expect(names).toEqual(expect.arrayContaining(['decideChange', 'raiseBarrier', 'login', 'changes', 'node', 'sharedCases']));
    expect(schemaFields.filter(({ kind }) => kind === 'mutation').length).toBeGreaterThan(30);
  });

  it('answers data or a coded error, never a 500 or a stack, and writes nothing when it refuses', async () => {
    const failures: string[] = [];
    for (const { kind, field } of schemaFields) {
      const query = operationFor(kind, field);
      const variables = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, valueFor(arg.type, arg.name, pools)])));
      await fc.assert(
        fc.asyncProperty(variables, fc.constantFrom(...pools.tokens), async (vars, token) => {
          const before = kind === 'mutation' ? await fingerprint() : '';
          const response = await fetch(`${t.server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body: JSON.stringify({ query, variables: vars }),
          });
          const text = await response.text();
          const problem = (what: string) => `${field.name}: ${what}; variables ${JSON.stringify(vars).slice(0, 300)}; answer ${text.slice(0, 300)}`;
          if (response.status >= 500) throw new Error(problem(`status ${response.status}`));
          if (/\bat .+:\d+:\d+|node_modules|stacktrace|<html/i.test(text)) throw new Error(problem('a stack or an HTML page'));
          const body = JSON.parse(text) as { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };
          for (const error of body.errors ?? []) {
            if (!CODES.has(String(error.extensions?.code))) throw new Error(problem(`code ${error.extensions?.code}`));
          }
          const payload = body.data?.[field.name];
          const refused = Boolean(body.errors?.length) || (payload && Array.isArray(payload.userErrors) && payload.userErrors.length > 0);
          if (kind === 'mutation' && refused && field.name !== 'logout') {
            const after = await fingerprint();
            if (after !== before) throw new Error(problem('a refused mutation changed the database'));
          }
        }),
        {
          numRuns: RUNS_PER_FIELD,
          seed: SEED,
          endOnFailure: true,
          examples: [[Object.fromEntries(field.args.map((arg) => [arg.name, nulExample(arg.type, pools)])), pools.tokens[3]]],
        },
      ).catch((error: Error) => failures.push(error.message.split('\n').slice(0, 6).join('\n')));
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
