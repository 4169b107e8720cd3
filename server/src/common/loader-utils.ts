import DataLoader from 'dataloader';
import { In, type DataSource, type EntityMetadata, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** A loader of rows by primary key: one `WHERE id IN (...)` per tick, whatever the page size. */
export function byId<T extends ObjectLiteral & { id: string }>(db: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** A loader of all rows whose `column` equals each key, in one query per tick. */
export function manyBy<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  property: keyof T & string,
  order: Partial<Record<keyof T, 'ASC' | 'DESC'>> = {},
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await db.getRepository(entity).find({ where: { [property]: In([...keys]) } as never, order: order as never });
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[property] as string)?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** A loader of the one row (or none) whose `property` equals each key. */
export function oneBy<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, property: keyof T & string) {
  const many = manyBy(db, entity, property);
  return new DataLoader<string, T | null>(async (keys) => (await many.loadMany(keys)).map((rows) => (Array.isArray(rows) ? (rows[0] ?? null) : null)));
}

/**
 * A loader of how many rows have `property` equal to each key, in one grouped count per tick;
 * with `distinct`, how many different values of that property those rows hold.
 */
export function countBy<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, property: keyof T & string, distinct?: keyof T & string) {
  return new DataLoader<string, number>(async (keys) => {
    const rows = await db
      .getRepository(entity)
      .createQueryBuilder('row')
      .select(`row.${property}`, 'key')
      .addSelect(distinct ? `count(DISTINCT row.${distinct})` : 'count(*)', 'count')
      .where({ [property]: In([...keys]) } as never)
      .groupBy(`row.${property}`)
      .getRawMany<{ key: string; count: string }>();
    const counts = new Map(rows.map((row) => [row.key, Number(row.count)]));
    return keys.map((key) => counts.get(key) ?? 0);
  });
}

/**
 * A loader of one aggregate per key (the latest date, say) over the rows whose `property` equals
 * it and that match `where`, in one grouped query per tick; null where no row matches.
 * `aggregate` is SQL over the alias `row`, e.g. "max(row.held_on)::text".
 */
export function aggregateBy<T extends ObjectLiteral, V>(db: DataSource, entity: EntityTarget<T>, property: keyof T & string, aggregate: string, where: Partial<T> = {}) {
  return new DataLoader<string, V | null>(async (keys) => {
    const rows = await db
      .getRepository(entity)
      .createQueryBuilder('row')
      .select(`row.${property}`, 'key')
      .addSelect(aggregate, 'value')
      .where({ ...where, [property]: In([...keys]) } as never)
      .groupBy(`row.${property}`)
      .getRawMany<{ key: string; value: V }>();
    const byKey = new Map(rows.map((row) => [row.key, row.value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

const TIMESTAMP_TYPES = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', 'timestamp without time zone', Date]);

const isTime = (column: ColumnMetadata) => TIMESTAMP_TYPES.has(column.type);
/** A moment with its time zone: one instant, whatever the server's zone (all of ours). */
const isInstant = (column: ColumnMetadata) => column.type === 'timestamptz' || column.type === 'timestamp with time zone';

/**
 * A moment as whole milliseconds since 1970 (a double; rowAsJson casts it to int8, so its JSON has
 * no exponent), which the readers turn into a Date: half the text of
 * "2026-12-03T12:30:54.306+00:00", and a number makes a Date several times faster than a text
 * does (a page of a hundred changes reads some thirteen hundred moments).
 *
 * `date_part` computes in double precision, a fraction of what `extract` (numeric) costs: a tenth
 * of a board page's statement time. It is exact here because every moment we store is a whole
 * number of milliseconds (precision 3): within 50,000 years of 1970 (PostgreSQL's earliest date,
 * 4713 BC, included) the double is off by less than half a millisecond, and rounding takes it
 * back to the whole millisecond. A column stored more finely would need the numeric path, so one
 * is refused here, when the SQL is first built, rather than read a millisecond out.
 * moment-json.test.ts checks both readings against PostgreSQL's own figures, 1900 to 9999.
 */
function epochMs(column: ColumnMetadata, sql: string): string {
  if (column.precision == null || column.precision > 3) {
    throw new Error(`${column.entityMetadata.name}.${column.propertyName} is stored finer than the millisecond (precision 3), which a fast read path reads moments to`);
  }
  return `round(date_part('epoch', ${sql}) * 1000)`;
}

/** The columns an entity reads, in one fixed order: rowAsJson writes them and readerFor reads them in it. */
const selectedColumns = (metadata: EntityMetadata) => metadata.columns.filter((column) => column.isSelect);

/**
 * SQL building one JSON array of `alias`'s row with every column the entity selects, in the
 * entity's column order: how a fast read path brings a related row back inside another query. An
 * array rather than an object keyed by column name, because the names would be most of the text
 * PostgreSQL writes and Node parses (a page of fifty changes reads three hundred such rows). The
 * entity's metadata decides the columns, so a new column comes along without anyone editing this.
 * `nulls` names properties written as NULL: ones the reader has already (the join's key: b.id is
 * c.barrier_id), which entityFromJson puts back from `known`, and ones this read leaves out, which
 * it names in `leftOut`.
 */
export function rowAsJson(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, nulls: readonly string[] = []): string {
  const value = (column: ColumnMetadata) =>
    nulls.includes(column.propertyName) ? 'NULL' : isInstant(column) ? `${epochMs(column, `${alias}."${column.databaseName}"`)}::int8` : `${alias}."${column.databaseName}"`;
  return `json_build_array(${selectedColumns(db.getMetadata(entity)).map(value).join(', ')})`;
}

const built = new WeakMap<DataSource, Map<string, unknown>>();

/**
 * SQL (or SQL with its row reader) that depends only on the data source's entity metadata, built
 * by `build` once per data source and `key` (unique across the code) rather than on every request
 * that runs it: rowAsJson and FlatRow walk an entity's columns each time they are called.
 */
export function builtOnce<T>(db: DataSource, key: string, build: () => T): T {
  let byKey = built.get(db);
  if (!byKey) built.set(db, (byKey = new Map()));
  if (!byKey.has(key)) byKey.set(key, build());
  return byKey.get(key) as T;
}

/** One row as rowAsJson writes it. */
export type RowJson = unknown[];

type FromJson = (json: RowJson) => ObjectLiteral;
const NOTHING_LEFT_OUT: readonly string[] = [];
const readers = new WeakMap<EntityMetadata, Map<string, FromJson>>();
/** The same readers found by the left-out list itself: callers pass constant lists, so a read builds no key. */
const readersByList = new WeakMap<EntityMetadata, WeakMap<readonly string[], FromJson>>();

/**
 * What an entity read without some of its properties starts from: its class's prototype, with each
 * property left out as a getter that throws. A field that needs one must ask for a full read; if
 * one reads it anyway, it fails loudly (and in the tests) instead of showing `undefined`.
 */
function partialPrototype(metadata: EntityMetadata, leftOut: readonly string[]): object {
  const prototype = Object.create((metadata.target as { prototype: object }).prototype) as object;
  for (const property of leftOut) {
    Object.defineProperty(prototype, property, {
      get() {
        throw new Error(`${metadata.name}.${property} was left out of this read; whatever shows it must read the entity in full`);
      },
    });
  }
  return prototype;
}

/** What a reader fills: a new entity, or (with `leftOut`) one on partialPrototype. */
function blankEntity(metadata: EntityMetadata, leftOut: readonly string[]): () => ObjectLiteral {
  if (!leftOut.length) return () => metadata.create() as ObjectLiteral;
  const prototype = partialPrototype(metadata, leftOut);
  return () => Object.create(prototype) as ObjectLiteral;
}

/** A plain property, which a reader sets itself; embedded and relation columns are set as TypeORM sets them. */
const isPlainProperty = (column: ColumnMetadata) => !column.embeddedMetadata && !column.relationMetadata;

/** How one entity's rows are read back from `rowAsJson`'s JSON, worked out once per entity and `leftOut`. */
function readerFor(metadata: EntityMetadata, leftOut: readonly string[]): FromJson {
  let byList = readersByList.get(metadata);
  if (!byList) readersByList.set(metadata, (byList = new WeakMap()));
  let read = byList.get(leftOut);
  if (!read) byList.set(leftOut, (read = readerForList(metadata, leftOut)));
  return read;
}

function readerForList(metadata: EntityMetadata, leftOut: readonly string[]): FromJson {
  let byLeftOut = readers.get(metadata);
  if (!byLeftOut) readers.set(metadata, (byLeftOut = new Map()));
  const key = leftOut.length ? leftOut.join(',') : '';
  let read = byLeftOut.get(key);
  if (!read) {
    const columns = selectedColumns(metadata).map((column, at) => ({
      at,
      column,
      property: column.propertyName,
      isTime: isTime(column),
      isPlain: isPlainProperty(column),
    })).filter(({ property }) => !leftOut.includes(property));
    const blank = blankEntity(metadata, leftOut);
    read = (json) => {
      const row = blank();
      for (let i = 0; i < columns.length; i++) {
        const { at, column, property, isTime, isPlain } = columns[i];
        const raw = json[at];
        const value = raw != null && isTime ? new Date(raw as number | string) : raw;
        if (isPlain) row[property] = value;
        else column.setEntityValue(row, value);
      }
      return row;
    };
    byLeftOut.set(key, read);
  }
  return read;
}

/**
 * The entity for a row that `rowAsJson` built: the same object the entity's repository would have
 * loaded, with `known` the values of the properties rowAsJson was told were known. With `leftOut`,
 * a partial entity without those properties (reading one throws): never hand it to a loader.
 */
export function entityFromJson<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, json: RowJson, known?: Partial<T>, leftOut: readonly string[] = NOTHING_LEFT_OUT): T {
  const row = readerFor(db.getMetadata(entity), leftOut)(json) as T;
  return known ? Object.assign(row, known) : row;
}

/** A result row as PostgreSQL wrote it: every value its text, in select-list order (prepared.ts, queryPreparedTexts). */
export type RowTexts = readonly (string | null)[];

/** How a column is written into a flat row, and how its text becomes the value TypeORM would have loaded. */
interface ColumnText {
  sql: (ref: string) => string;
  decode: (text: string) => unknown;
}

const AS_IS = (text: string) => text;
export const BOOLEAN_TEXT = (text: string) => text === 't';
const TEXT_COLUMN: ColumnText = { sql: (ref) => ref, decode: AS_IS };
const NUMBER_COLUMN: ColumnText = { sql: (ref) => ref, decode: Number };
const BOOLEAN_COLUMN: ColumnText = { sql: (ref) => ref, decode: BOOLEAN_TEXT };
/** By the type TypeORM's metadata gives (its own spellings: a version column is int4, say). */
const COLUMN_TEXTS: Record<string, ColumnText> = {
  ...Object.fromEntries(['uuid', 'text', 'char', 'character', 'varchar', 'character varying', 'enum'].map((type) => [type, TEXT_COLUMN])),
  // TypeORM reads a date as its 'YYYY-MM-DD' text: so does this.
  date: TEXT_COLUMN,
  ...Object.fromEntries(['int', 'int2', 'int4', 'integer', 'smallint', 'real', 'float4', 'float8', 'double precision'].map((type) => [type, NUMBER_COLUMN])),
  boolean: BOOLEAN_COLUMN,
  bool: BOOLEAN_COLUMN,
  jsonb: { sql: (ref) => ref, decode: JSON.parse },
};

/**
 * How `column` travels in a flat row. A moment as whole milliseconds (epochMs; a Date from a
 * number is several times cheaper than from a text), an array as JSON (PostgreSQL's own array text
 * would need a parser of its own), every other type as PostgreSQL writes it. A type not listed is
 * refused when the SQL is first built, rather than read as something TypeORM would not give.
 */
function columnText(column: ColumnMetadata): ColumnText {
  if (column.isArray) return { sql: (ref) => `to_json(${ref})`, decode: JSON.parse };
  if (isInstant(column)) return { sql: (ref) => epochMs(column, ref), decode: (text) => new Date(Number(text)) };
  const known = typeof column.type === 'string' ? COLUMN_TEXTS[column.type] : undefined;
  if (!known) throw new Error(`${column.entityMetadata.name}.${column.propertyName} (${String(column.type)}) has no flat-row reading in loader-utils.ts`);
  return known;
}

/**
 * A result row of several entities' columns side by side, with no JSON built around them: how the
 * board reads a page (change.relations.ts). PostgreSQL spent about a quarter of a hundred-change
 * page's statement building one JSON array per entity (2.9 ms against 2.1, pgbench). Each part
 * adds its columns to the select list and returns the reader of its own stretch of the row.
 */
export class FlatRow {
  private readonly columns: string[] = [];

  get selectList(): string {
    return this.columns.join(', ');
  }

  /** One value, written by `sql`, read by `decode` (null stays null). */
  value<V>(sql: string, decode: (text: string) => V): (row: RowTexts) => V | null {
    const at = this.columns.push(sql) - 1;
    return (row) => {
      const text = row[at];
      return text === null ? null : decode(text);
    };
  }

  /**
   * `alias`'s columns for `entity`, but the properties in `known` (the reader is given them: a
   * join's key) and those in `leftOut` (the entity is partial: reading one throws, see
   * partialPrototype). With `absentWhenNull`, a property whose NULL means the join found no row:
   * the reader then gives null.
   */
  entity<T extends ObjectLiteral>(
    db: DataSource,
    entity: EntityTarget<T>,
    alias: string,
    options: { known?: readonly string[]; leftOut?: readonly string[]; absentWhenNull?: string } = {},
  ): (row: RowTexts, known?: Partial<T>) => T | null {
    const metadata = db.getMetadata(entity);
    const leftOut = options.leftOut ?? NOTHING_LEFT_OUT;
    const skipped = new Set([...(options.known ?? []), ...leftOut]);
    const read = selectedColumns(metadata)
      .filter((column) => !skipped.has(column.propertyName))
      .map((column) => ({ column, ...columnText(column), property: column.propertyName, isPlain: isPlainProperty(column) }));
    const from = this.columns.length;
    this.columns.push(...read.map(({ column, sql }) => sql(`${alias}."${column.databaseName}"`)));
    let presence = -1;
    if (options.absentWhenNull !== undefined) {
      const at = read.findIndex(({ property }) => property === options.absentWhenNull);
      if (at < 0) throw new Error(`${metadata.name}.${options.absentWhenNull} is not read, so cannot tell a missing row`);
      presence = from + at;
    }
    const blank = blankEntity(metadata, leftOut);
    return (row, known) => {
      if (presence >= 0 && row[presence] === null) return null;
      const value = blank();
      for (let i = 0; i < read.length; i++) {
        const { column, decode, property, isPlain } = read[i];
        const text = row[from + i];
        const decoded = text === null ? null : decode(text);
        if (isPlain) value[property] = decoded;
        else column.setEntityValue(value, decoded);
      }
      return (known ? Object.assign(value, known) : value) as T;
    };
  }
}
