import { ArgsType, Field, ID, InterfaceType, Int, ObjectType } from 'type-graphql';
import { Authorized } from './auth-checker';
import type { ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from './errors';

/** Every persisted type implements Node: an opaque global id that `node(id:)` resolves. */
@InterfaceType({ description: 'An object with a global id, fetchable with `node(id:)`.' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id: string;
}

export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a global id; a malformed one is a BAD_USER_INPUT error, never a database error. */
export function fromGlobalId(globalId: string, expectedType?: string): { type: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || !UUID.test(id) || toGlobalId(type, id) !== globalId) {
    throw badInput(`"${globalId.slice(0, 60)}" is not a valid id.`);
  }
  if (expectedType && type !== expectedType) {
    throw badInput(`"${globalId.slice(0, 60)}" is not the id of a ${expectedType}.`);
  }
  return { type, id };
}

/** The database id behind a global id of the expected type. */
export const idOf = (globalId: string, type: string): string => fromGlobalId(globalId, type).id;

@ObjectType({ description: 'Where a page sits in its list.' })
export class PageInfo {
  @Field()
  hasNextPage: boolean;
  @Field()
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true })
  startCursor: string | null;
  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 20, description: `How many to return, at most ${MAX_PAGE_SIZE}.` })
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor.' })
  after?: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount(): Promise<number>;
}

/** A Relay connection type for `NodeType`, named `<name>Connection` with `<name>Edge` edges. */
export function Connection<T extends object>(NodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor; pass it as `after` to continue from here.' })
    cursor: string;
    @Field(() => NodeType)
    node: T;
  }

  @ObjectType()
  abstract class ConnectionBase implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges: Edge[];
    @Field(() => [NodeType])
    nodes: T[];
    @Field(() => PageInfo)
    pageInfo: PageInfo;
    count: () => Promise<number>;

    @Authorized()
    @Field(() => Int, { description: 'How many items the whole list holds.' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionBase;
}

/** A keyset ordering: the SQL expressions to sort by (the last one unique), all in one direction. */
export interface Ordering<Row> {
  name: string;
  keys: { sql: string; value: (row: Row) => string | number | Date }[];
  direction: 'ASC' | 'DESC';
}

type CursorValue = string | number;

export function encodeCursor(ordering: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify({ o: ordering, v: values })).toString('base64url');
}

/** Cursors are opaque, and checked: a cursor from another list or a hand-made one is refused. */
export function decodeCursor(cursor: string, ordering: Ordering<unknown>): CursorValue[] {
  const invalid = () => badInput('The `after` cursor is not valid for this list.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { o, v } = (parsed ?? {}) as { o?: unknown; v?: unknown };
  if (o !== ordering.name || !Array.isArray(v) || v.length !== ordering.keys.length) throw invalid();
  if (!v.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) throw invalid();
  return v;
}

/** PostgreSQL's codes for a value it cannot read as its column's type: a hand-made cursor. */
const UNREADABLE_VALUE = new Set(['22P02', '22007', '22008', '22003']);

/**
 * Runs a page's query; when the `after` cursor holds values the database cannot compare with its
 * columns (a cursor forged with the right shape), that is the client's bad input, not a 500.
 */
export async function readPage<T>(after: string | null | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const code = (error as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
    if (after && code && UNREADABLE_VALUE.has(code)) throw badInput('The `after` cursor is not valid for this list.');
    throw error;
  }
}

/**
 * One page of a keyset-paginated query: fetches first+1 rows to learn hasNextPage, and counts
 * the whole list only when the client asks for totalCount. `fetch` reads the page's rows from the
 * filtered, ordered and limited query; by default as entities, or (for a list that reads more per
 * row) with `orderBy`, the ordering's SQL, to order what it reads around the page.
 */
export async function paginate<Row extends ObjectLiteral, Node>(
  query: SelectQueryBuilder<Row>,
  ordering: Ordering<Row>,
  args: ConnectionArgs,
  toNode: (row: Row) => Node,
  fetch: (page: SelectQueryBuilder<Row>, orderBy: string) => Promise<Row[]> = (page) => page.getMany(),
): Promise<ConnectionShape<Node> & { count: () => Promise<number> }> {
  const countQuery = query.clone();
  const page = query.clone();
  if (args.after) {
    const values = decodeCursor(args.after, ordering as Ordering<unknown>);
    const params = Object.fromEntries(values.map((value, i) => [`cursor${i}`, value]));
    const columns = ordering.keys.map((k) => k.sql).join(', ');
    const placeholders = values.map((_, i) => `:cursor${i}`).join(', ');
    page.andWhere(`(${columns}) ${ordering.direction === 'DESC' ? '<' : '>'} (${placeholders})`, params);
  }
  ordering.keys.forEach((key, i) =>
    i === 0 ? page.orderBy(key.sql, ordering.direction) : page.addOrderBy(key.sql, ordering.direction),
  );
  const orderBy = ordering.keys.map((key) => `${key.sql} ${ordering.direction}`).join(', ');
  const rows = await readPage(args.after, () => fetch(page.limit(args.first + 1), orderBy));
  return pageOf(rows, ordering, args, toNode, () => countQuery.getCount());
}

/**
 * One edge of a page. Its cursor is encoded when it is read: the board asks for `nodes`, and a
 * hundred cursors nobody reads were a hundred JSON encodings per page.
 *
 * A class, with the getter on its prototype, and not an object literal with a getter: V8 cannot
 * give literals whose getter is a fresh closure each time one shared shape, so it made each edge a
 * slow dictionary object, and whatever the closures reached (the page's rows, its entities)
 * survived the young generation's collections into the old one. Measured on the board (issue 11):
 * a quarter of all a request allocated survived, where a class leaves almost nothing, and a page of
 * a hundred cost twice the CPU; those collections' pauses were the tail of its latency.
 */
class PageEdge<Row, Node> {
  constructor(
    private readonly row: Row,
    readonly node: Node,
    private readonly cursorOf: (row: Row) => string,
  ) {}

  get cursor(): string {
    return this.cursorOf(this.row);
  }
}

/** A connection from rows fetched as first+1 in keyset order: edges with cursors, and pageInfo. */
export function pageOf<Row, Node>(
  rows: Row[],
  ordering: Ordering<Row>,
  args: ConnectionArgs,
  toNode: (row: Row) => Node,
  count: () => Promise<number>,
): ConnectionShape<Node> & { count: () => Promise<number> } {
  const hasNextPage = rows.length > args.first;
  const kept = rows.slice(0, args.first);
  const cursorOf = (row: Row) =>
    encodeCursor(
      ordering.name,
      ordering.keys.map((k) => {
        const value = k.value(row);
        return value instanceof Date ? value.toISOString() : value;
      }),
    );
  const nodes = kept.map(toNode);
  const edges = kept.map((row, i) => new PageEdge(row, nodes[i], cursorOf));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: Boolean(args.after),
      startCursor: kept.length ? cursorOf(kept[0]) : null,
      endCursor: kept.length ? cursorOf(kept[kept.length - 1]) : null,
    },
    count,
    totalCount: count,
  };
}
