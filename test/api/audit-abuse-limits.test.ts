import { apiSuite } from '../helpers/suite';
import { Api } from '../helpers/api';
import { gid } from '../helpers/factories';
import { LoginAttemptEntity } from '../../server/src/modules/auth/login-attempt.entity';
import { PASSWORD } from '../helpers/factories';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLScalarType,
  type GraphQLSchema,
  type NamedTypeNode,
  type OperationDefinitionNode,
} from 'graphql';
import * as clientDocuments from '../../client/src/gql/graphql';
import { estimateComplexity, MAX_COMPLEXITY } from '../../server/src/common/limits';
import { createSchema } from '../../server/src/schema';

/**
 * Audit: abuse limits. A login burst sent in parallel must not get more guesses than the rate
 * limit allows; a hand-made cursor is bad input, never a 500; page sizes of nested connections
 * multiply in the complexity estimate.
 */
const t = apiSuite();

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { token userErrors { code } } }`;

describe('login rate limit', () => {
  it('holds against a burst of parallel guesses: at most 5 passwords are tried', async () => {
    const { person } = await t.make.person();
    try {
      const payloads = await Promise.all(
        Array.from({ length: 20 }, (_, i) => t.api.mutation(LOGIN, { email: person.email, password: `guess number ${i}` })),
      );
      const codes = payloads.map((p: { userErrors: { code: string }[] }) => p.userErrors[0].code);
      const tried = codes.filter((c) => c === 'INVALID_CREDENTIALS').length;
      expect(tried).toBeLessThanOrEqual(5);
      expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(15);
      // Racing attempts count one another, so fewer than 5 may have been tried; try the rest one by one.
      for (let i = tried; i < 5; i++) {
        expect((await t.api.mutation(LOGIN, { email: person.email, password: `one more guess ${i}` })).userErrors[0].code).toBe('INVALID_CREDENTIALS');
      }
      const right = await t.api.mutation(LOGIN, { email: person.email, password: PASSWORD });
      expect(right).toMatchObject({ token: null, userErrors: [{ code: 'TOO_MANY_ATTEMPTS' }] });
    } finally {
      // the attempts come from 127.0.0.1, like every test's: leave the per-address count as it was
      await t.server.db.getRepository(LoginAttemptEntity).delete({ email: person.email });
    }
  });

  it('a successful sign-in is not counted as a failure', async () => {
    const { person } = await t.make.person();
    for (let i = 0; i < 3; i++) expect((await t.api.mutation(LOGIN, { email: person.email, password: PASSWORD })).userErrors).toEqual([]);
    expect(await t.server.db.getRepository(LoginAttemptEntity).countBy({ email: person.email })).toBe(0);
  });
});

describe('cursors', () => {
  const forged = (ordering: string, values: unknown[]) => Buffer.from(JSON.stringify({ o: ordering, v: values })).toString('base64url');

  it('a cursor of the right shape with values the database cannot read is BAD_USER_INPUT, not a 500', async () => {
    const organisation = await t.make.organisation();
    const { token } = await t.make.person({ organisation });
    const cases: [string, string][] = [
      [`query ($a: String) { barriers(after: $a) { totalCount } }`, forged('newest', ['not a time', 'not a uuid'])],
      [`query ($a: String) { changes(after: $a) { totalCount } }`, forged('target', ['2026-13-45', 'x'])],
      [`query ($a: String) { pairs(after: $a) { totalCount } }`, forged('created', [12, 'x'])],
      [`query ($a: String) { notifications(after: $a) { totalCount } }`, forged('newest', ['yesterday', 'x'])],
      [`query ($a: String) { sharedCases(after: $a) { nodes { id } } }`, forged('published', ['not a time', 'x'])],
    ];
    for (const [query, after] of cases) {
      const response = await t.api.as(token).request(query, { a: after });
      expect({ query, codes: Api.codes(response) }).toEqual({ query, codes: ['BAD_USER_INPUT'] });
    }
  });
});

describe('complexity', () => {
  it('multiplies the page sizes of nested connections', async () => {
    const organisation = await t.make.organisation();
    const { token } = await t.make.person({ organisation });
    const wide = `query ($id: ID!) { nodes(ids: [$id]) { ... on Organisation { members(first: 100) { nodes { person { id } } } } }
      programmes(first: 100) { nodes { pairs(first: 100) { nodes { id } } } } }`;
    const response = await t.api.as(token).request(wide, { id: gid('Organisation', organisation.id) });
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/too expensive/);
  });

  it('estimates the same query text afresh for each set of variables, and refuses it every time it is too expensive', async () => {
    const organisation = await t.make.organisation();
    const { token } = await t.make.person({ organisation });
    const sized = `query ($n: Int!) { programmes(first: $n) { nodes { pairs(first: $n) { nodes { id } } } } }`;
    for (const n of [10, 100, 10, 100]) {
      const response = await t.api.as(token).request(sized, { n });
      if (n === 10) expect(response.errors).toBeUndefined();
      else expect(response.errors![0].message).toMatch(/too expensive/);
    }
  });

  it('counts an unpaged list (comments, history, a barrier\'s changes) as many items, so nesting them under a page is refused', async () => {
    const organisation = await t.make.organisation();
    const { token } = await t.make.person({ organisation });
    const nested = `{ barriers(first: 100) { nodes { comments { author { id } } history { actorName }
      changes { comments { author { id } } history { actorName } } } } }`;
    const response = await t.api.as(token).request(nested);
    expect(Api.codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].message).toMatch(/too expensive/);
  });

  it('lets every operation the web client sends through, with pages of 100', async () => {
    const schema = await createSchema();
    const tooExpensive: string[] = [];
    for (const [name, document] of Object.entries(clientDocuments)) {
      if (!name.endsWith('Document')) continue;
      const operation = (document as DocumentNode).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, sampleValue(schema, typeFromAST(schema, v.type as NamedTypeNode) as GraphQLInputType, v.variable.name.value)]),
      );
      const complexity = estimateComplexity(schema, document as DocumentNode, operation.name?.value, variables);
      if (complexity > MAX_COMPLEXITY) tooExpensive.push(`${name}: ${complexity}`);
    }
    expect(tooExpensive).toEqual([]);
  });
});

/** A value of `type` that passes variable coercion: required input fields filled, page sizes at 100. */
function sampleValue(schema: GraphQLSchema, type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sampleValue(schema, type.ofType, name);
  if (isListType(type)) return [sampleValue(schema, type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type));
    return Object.fromEntries(fields.map((field) => [field.name, sampleValue(schema, field.type, field.name)]));
  }
  switch ((type as GraphQLScalarType).name) {
    case 'Int':
      return name === 'first' ? 100 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return 'x';
  }
}
