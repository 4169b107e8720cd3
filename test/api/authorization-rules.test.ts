import { getMetadataStorage } from 'type-graphql';
import { AUTHORIZED } from '../../server/src/common/auth-checker';
import { createSchema } from '../../server/src/schema';

/**
 * Deny by default: a root field or a field resolver without an @Authorized rule (ours, from
 * common/auth-checker.ts, which checks synchronously) fails this test. Public fields say so with
 * @Authorized(PUBLIC). type-graphql's own @Authorized leaves no such rule, so it fails here too.
 */
describe('every field that exposes data has an authorization rule', () => {
  beforeAll(() => createSchema());

  const storage = () => getMetadataStorage();
  const hasRule = (meta: { extensions?: Record<string, unknown> }) => Array.isArray(meta.extensions?.[AUTHORIZED]);

  it('covers every query and mutation', () => {
    const roots = [...storage().queries, ...storage().mutations];
    expect(roots.length).toBeGreaterThan(5);
    const missing = roots.filter((r) => !hasRule(r)).map((r) => `${r.target.name}.${r.methodName}`);
    expect(missing).toEqual([]);
  });

  // A getter on an object type (kind "internal") reads only the object it is on, as a property does.
  const resolvers = () => storage().fieldResolvers.filter((r) => r.kind === 'external');

  it('covers every field resolver', () => {
    const fields = resolvers();
    expect(fields.length).toBeGreaterThan(3);
    const missing = fields.filter((r) => !hasRule(r)).map((r) => `${r.target.name}.${r.methodName}`);
    expect(missing).toEqual([]);
  });

  it('never has a getter shadow a field resolver of the same name, which would skip its rule and its logic', () => {
    const getters = new Set(storage().fieldResolvers.filter((r) => r.kind === 'internal').map((r) => `${r.target.name}.${r.methodName}`));
    expect(resolvers().map((r) => `${r.getObjectType!().name}.${r.methodName}`).filter((name) => getters.has(name))).toEqual([]);
  });

  it('is not type-graphql\'s own, asynchronous rule', () => {
    expect(storage().authorizedFields.map((a) => `${a.target.name}.${a.fieldName}`)).toEqual([]);
  });
});
