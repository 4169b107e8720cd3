import { getMetadataStorage } from 'type-graphql';
import { createSchema } from '../../server/src/schema';

/**
 * Deny by default: a root field or a field resolver without an @Authorized rule fails this test.
 * Public fields say so with @Authorized(PUBLIC).
 */
describe('every field that exposes data has an authorization rule', () => {
  beforeAll(() => createSchema());

  const storage = () => getMetadataStorage();
  const hasRule = (target: Function, fieldName: string) =>
    storage().authorizedFields.some((a) => a.fieldName === fieldName && (a.target === target || target.prototype instanceof a.target));

  it('covers every query and mutation', () => {
    const roots = [...storage().queries, ...storage().mutations];
    expect(roots.length).toBeGreaterThan(5);
    const missing = roots.filter((r) => !hasRule(r.target, r.methodName)).map((r) => `${r.target.name}.${r.methodName}`);
    expect(missing).toEqual([]);
  });

  it('covers every field resolver', () => {
    const fields = storage().fieldResolvers;
    expect(fields.length).toBeGreaterThan(3);
    const missing = fields.filter((r) => !hasRule(r.target, r.methodName)).map((r) => `${r.target.name}.${r.methodName}`);
    expect(missing).toEqual([]);
  });
});
