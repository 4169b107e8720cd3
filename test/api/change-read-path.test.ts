import { BarrierEntity, Attribution } from '../../server/src/modules/barrier/barrier.entity';
import { ChangeEntity, ChangeStatus, DecisionEntity, DecisionOutcome } from '../../server/src/modules/change/change.entity';
import { CommentEntity } from '../../server/src/modules/comment/comment.entity';
import { PairEntity } from '../../server/src/modules/pair/pair.entity';
import { PersonEntity } from '../../server/src/modules/person/person.entity';
import { Role } from '../../server/src/modules/person/membership.entity';
import type { AppDataSource } from '../../server/src/db/data-source';
import { createLoaders } from '../../server/src/loaders';
import { BARRIER_READS, CHANGE_READS, type Narrowing, OWNER_READS, PAIR_READS } from '../../server/src/modules/change/change.selection';
import { changeScenario } from '../helpers/change-setup';
import { gid } from '../helpers/factories';
import { onEveryPreparedConnection } from '../helpers/prepared';
import { apiSuite } from '../helpers/suite';

const t = apiSuite();

const BOARD = `query Board($n: Int!) { changes(first: $n) { nodes {
  id title status targetDate progress
  barrier { title category } owner { displayName } pair { id }
  latestDecision { outcome rationale decidedAt } commentCount
} } }`;
const ONE = `query One($id: ID!) { node(id: $id) { ... on Change {
  id title status barrier { title category } owner { displayName } pair { id } latestDecision { outcome } commentCount
} } }`;

/** An organisation whose owner sees changes on a named barrier and on another pair's anonymous one, with decisions and comments. */
async function board() {
  const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
  const other = await t.make.pair(s.organisation);
  const anonymous = await t.make.barrier(other.pair, { attribution: Attribution.ANONYMOUS });
  const db = t.server.db;
  const changes: ChangeEntity[] = [];
  for (let i = 0; i < 105; i++) {
    const change = await t.make.change(i % 3 ? s.barrier : anonymous, s.owner.person.id, { status: ChangeStatus.SUBMITTED });
    changes.push(change);
    if (i % 4 === 0) {
      await db.getRepository(DecisionEntity).save({ changeId: change.id, deciderId: s.owner.person.id, outcome: DecisionOutcome.REQUEST_CHANGES, rationale: `First thoughts ${i}` });
      await db.getRepository(DecisionEntity).save({ changeId: change.id, deciderId: s.owner.person.id, outcome: DecisionOutcome.APPROVE, rationale: `Approved ${i}` });
    }
    for (let c = 0; c < i % 3; c++) {
      await db.getRepository(CommentEntity).save({ organisationId: s.organisation.id, changeId: change.id, authorId: s.owner.person.id, body: `Comment ${c}` });
    }
  }
  return { ...s, other, anonymous, changes };
}

describe('the changes board read path', () => {
  it('serves the board and node(id) in 2 SQL statements each (sign-in, then the read), whatever the page size', async () => {
    const s = await board();
    for (const n of [10, 50, 100]) {
      const response = await t.api.as(s.owner.token).request(BOARD, { n });
      expect(response.errors).toBeUndefined();
      expect(response.data.changes.nodes).toHaveLength(n);
      expect(response.extensions?.sqlStatements).toBe(2);
      console.log(`board, first ${n}: ${response.extensions?.sqlStatements} SQL statements`);
    }
    const one = await t.api.as(s.owner.token).request(ONE, { id: gid('Change', s.changes[0].id) });
    expect(one.data.node.barrier.title).toBe(s.anonymous.title);
    expect(one.extensions?.sqlStatements).toBe(2);
  });

  it('still hides the pair behind an anonymous barrier from the owner, and shows it to that pair', async () => {
    const s = await board();
    const seen = await t.api.as(s.owner.token).ok(BOARD, { n: 100 });
    const byId = new Map(seen.changes.nodes.map((node: { id: string }) => [node.id, node]));
    for (const change of s.changes.slice(-100)) {
      const node = byId.get(gid('Change', change.id)) as { pair: { id: string } | null; commentCount: number } | undefined;
      if (!node) continue;
      expect(node.pair).toEqual(change.barrierId === s.anonymous.id ? null : { id: gid('Pair', s.pair.id) });
    }
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    const asManager = await t.api.as(manager.token).ok(ONE, { id: gid('Change', s.changes[0].id) });
    expect(asManager.node.pair).toBeNull();
    const asRaisingPair = await t.api.as(s.other.senior.token).ok(ONE, { id: gid('Change', s.changes[0].id) });
    expect(asRaisingPair.node.pair).toEqual({ id: gid('Pair', s.anonymous.pairId) });
  });

  it('primes the same rows the per-entity loaders would have loaded', async () => {
    const s = await board();
    const db = t.server.db;
    // Also changes proposed by a pair other than the one that raised the barrier.
    const crossed = [];
    for (let i = 0; i < 3; i++) crossed.push(await t.make.change(s.anonymous, s.owner.person.id, { pairId: s.pair.id }));
    const changes = [...s.changes, ...crossed];
    const fast = createLoaders(db);
    const read = await Promise.all(changes.map((c) => fast.changeRelations.load(c.id)));
    const slow = createLoaders(db);
    for (const [i, change] of changes.entries()) {
      const barrier = await db.getRepository(BarrierEntity).findOneByOrFail({ id: change.barrierId });
      expect(read[i]!.relations.raisingPair).toEqual(await db.getRepository(PairEntity).findOneByOrFail({ id: barrier.pairId }));
      expect(read[i]!.relations.pair).toEqual(await db.getRepository(PairEntity).findOneByOrFail({ id: change.pairId }));
      expect(await fast.change.change.load(change.id)).toEqual(await db.getRepository(ChangeEntity).findOneByOrFail({ id: change.id }));
      expect(await fast.barrier.barrier.load(change.barrierId)).toEqual(await db.getRepository(BarrierEntity).findOneByOrFail({ id: change.barrierId }));
      expect(await fast.pair.pair.load(change.pairId)).toEqual(await db.getRepository(PairEntity).findOneByOrFail({ id: change.pairId }));
      expect(await fast.identity.person.load(change.ownerId)).toEqual(await db.getRepository(PersonEntity).findOneByOrFail({ id: change.ownerId }));
      expect(await fast.change.latestDecision.load(change.id)).toEqual(await slow.change.latestDecision.load(change.id));
      expect(await fast.comment.countByChange.load(change.id)).toBe(await slow.comment.countByChange.load(change.id));
    }
    expect(await fast.pair.pair.load(s.anonymous.pairId)).toEqual(await db.getRepository(PairEntity).findOneByOrFail({ id: s.anonymous.pairId }));
  });

  it('reads each moment as the repository does, to the millisecond, before 1970 and with microseconds too', async () => {
    const s = await changeScenario(t.make, ChangeStatus.SUBMITTED);
    const db = t.server.db;
    const moments = ['1969-12-31 23:59:59.9995+00', '1900-02-28 12:00:00.000999+00', '2026-12-03 12:30:54.306123+00', '2038-01-19 03:14:08.999999+00', '1970-01-01 00:00:00+00'];
    for (const moment of moments) {
      await db.query(`UPDATE change_proposal SET submitted_at = $1, created_at = $1 WHERE id = $2`, [moment, s.change.id]);
      await db.query(`UPDATE barrier SET created_at = $1 WHERE id = $2`, [moment, s.change.barrierId]);
      const read = (await createLoaders(db).changeRelations.load(s.change.id))!;
      const stored = await db.getRepository(ChangeEntity).findOneByOrFail({ id: s.change.id });
      expect(read.entity).toEqual(stored);
      expect(read.entity.submittedAt!.getTime()).toBe(stored.submittedAt!.getTime());
      expect(read.relations.barrier.createdAt.getTime()).toBe((await db.getRepository(BarrierEntity).findOneByOrFail({ id: s.change.barrierId })).createdAt.getTime());
    }
  });

  it('reads each entity as narrowly as the fields asked for allow, and answers every such field as a full read does', async () => {
    const s = await board();
    // Long texts, so that leaving them out shows; and some changes proposed by another pair than the raising one.
    for (let i = 0; i < 3; i++) await t.make.change(s.anonymous, s.owner.person.id, { pairId: s.pair.id, status: ChangeStatus.SUBMITTED });
    await t.server.db.query(`UPDATE change_proposal SET what_changes = repeat('What changes. ', 200) WHERE organisation_id = $1`, [s.organisation.id]);
    await t.server.db.query(`UPDATE pair SET ended_reason = 'Moved on' WHERE id = $1`, [s.pair.id]);
    const listed = <E>(narrowing: Narrowing<E>, whenAll: string) => (narrowing.fields ? [...narrowing.fields].join(' ') : whenAll);
    const objects = new Set(['barrier', 'owner', 'pair', 'latestDecision']);
    /** Every field the narrowings at `level` (0 the narrowest) answer, each relation at its own. */
    const fieldsAt = (level: number) => {
      const change = CHANGE_READS[level];
      const scalars = [...change.fields!].filter((field) => !objects.has(field)).join(' ');
      const barrier = listed(BARRIER_READS[level], 'id title description');
      const pair = listed(PAIR_READS[Math.min(level, PAIR_READS.length - 1)], 'id status endedReason createdAt');
      const owner = listed(OWNER_READS[Math.min(level, OWNER_READS.length - 1)], 'id displayName');
      return `${scalars} barrier { ${barrier} } owner { ${owner} } pair { ${pair} } latestDecision { id outcome rationale decidedAt }`;
    };
    // Each narrowing pages as a full read does: its cursors read the keys it orders by.
    const lean = (level: number) => `query Lean($order: ChangeOrder!) { changes(first: 40, orderBy: $order) {
      edges { cursor node { ${fieldsAt(level)} } } pageInfo { endCursor hasNextPage } } }`;
    // The same through a fragment, with one field of each entity that only a full read answers.
    const full = `query Full($order: ChangeOrder!) { changes(first: 40, orderBy: $order) { edges { cursor node { ...Row } } pageInfo { endCursor hasNextPage } } }
      fragment Row on Change { ${fieldsAt(0)} ${fieldsAt(1)} whatChanges barrier { description } owner { email } pair { endedReason createdAt } }`;
    const manager = await t.make.person({ organisation: s.organisation, roles: [Role.PROGRAMME_MANAGER] });
    for (const order of ['NEWEST', 'RECENTLY_UPDATED', 'TARGET_DATE']) {
      for (const viewer of [s.owner, manager, s.senior, s.other.junior]) {
        const fullAnswer = await t.api.as(viewer.token).request(full, { order });
        expect(fullAnswer.errors).toBeUndefined();
        const fullEdges = fullAnswer.data.changes.edges;
        expect(fullEdges).toHaveLength(40);
        expect(fullEdges.every(({ node }: { node: { whatChanges: string } }) => /^(What changes\. )+$/.test(node.whatChanges))).toBe(true);
        for (const level of [0, 1]) {
          const leanAnswer = await t.api.as(viewer.token).request(lean(level), { order });
          expect(leanAnswer.errors).toBeUndefined();
          expect(leanAnswer.extensions?.sqlStatements).toBe(2);
          expect(leanAnswer.data.changes.pageInfo).toEqual(fullAnswer.data.changes.pageInfo);
          // The full answer, cut down to the fields the lean query asked for.
          const asked = (lean: unknown, whole: any): unknown =>
            lean && typeof lean === 'object' && !Array.isArray(lean) ? Object.fromEntries(Object.entries(lean).map(([key, value]) => [key, asked(value, whole?.[key])])) : whole;
          expect(leanAnswer.data.changes.edges).toEqual(leanAnswer.data.changes.edges.map((edge: unknown, i: number) => asked(edge, fullEdges[i])));
        }
      }
    }
    // The narrow reads were the ones asked: the prepared board statements read only what they answer.
    const statements = await preparedPageStatements();
    const narrowest = statements.filter((text) => !text.includes('c."proposed_by_id"'));
    expect(narrowest.length).toBeGreaterThan(0);
    for (const text of narrowest) {
      for (const column of ['c."what_changes"', 'c."submitted_at"', 'b."description"', 'b."naming_consent"', 'b."created_at"', 'o."email"', 'p."ended_reason"', 'rp."created_at"']) {
        expect(text).not.toContain(column);
      }
    }
    expect(statements.some((text) => text.includes('c."what_changes"') && text.includes('b."description"') && text.includes('o."email"') && text.includes('p."ended_reason"'))).toBe(true);
  });

  /** The texts of the page statements every connection of the prepared pool has prepared. */
  async function preparedPageStatements(): Promise<string[]> {
    const each = await onEveryPreparedConnection(t.server.db, async (client) => {
      const { rows } = await client.query(`SELECT statement FROM pg_prepared_statements WHERE name LIKE 'cg\\_%' AND statement LIKE '%FROM (%page%'`);
      return rows.map((row) => row.statement as string);
    });
    return each.flat();
  }

  it('plans its prepared reads once per connection: every execution after the first reuses the generic plan', async () => {
    const s = await board();
    for (let i = 0; i < 8; i++) {
      await t.api.as(s.owner.token).ok(BOARD, { n: 50 });
      await t.api.as(s.owner.token).ok(ONE, { id: gid('Change', s.changes[i].id) });
    }
    const db = t.server.db as AppDataSource;
    // Each connection sees only its own prepared statements: ask every connection the pool holds.
    const generics = await onEveryPreparedConnection(db, async (client) => {
      expect((await client.query('SHOW plan_cache_mode')).rows[0].plan_cache_mode).toBe('force_generic_plan');
      const { rows } = await client.query(`SELECT name, statement, generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE name LIKE 'cg\\_%'`);
      for (const row of rows) expect(row).toMatchObject({ custom_plans: 0 });
      // The sign-in and the board read people without their secrets (select: false on the entity).
      for (const row of rows) expect(row.statement).not.toMatch(/password_hash|recovery_code_hash/);
      return rows.reduce((sum, row) => sum + row.generic_plans, 0);
    });
    expect(generics.reduce((sum, generic) => sum + generic, 0)).toBeGreaterThanOrEqual(32);
    // TypeORM's own pool keeps PostgreSQL's default: its statements may depend on their values.
    expect((await db.query('SHOW plan_cache_mode'))[0].plan_cache_mode).toBe('auto');
  });
});
