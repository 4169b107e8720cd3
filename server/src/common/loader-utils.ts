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

/** The columns an entity reads, in one fixed order: rowAsJson writes them and readerFor reads them in it. */
const selectedColumns = (metadata: EntityMetadata) => metadata.columns.filter((column) => column.isSelect);

/**
 * SQL building one JSON array of `alias`'s row with every column the entity selects, in the
 * entity's column order: how a fast read path brings a related row back inside another query. An
 * array rather than an object keyed by column name, because the names would be most of the text
 * PostgreSQL writes and Node parses (a page of fifty changes reads three hundred such rows). The
 * entity's metadata decides the columns, so a new column comes along without anyone editing this.
 * `known` names properties the reader has already (the join's key: b.id = c.barrier_id): they are
 * written as NULL, and entityFromJson puts them back.
 */
export function rowAsJson(db: DataSource, entity: EntityTarget<ObjectLiteral>, alias: string, known: readonly string[] = []): string {
  const value = (column: ColumnMetadata) => (known.includes(column.propertyName) ? 'NULL' : `${alias}."${column.databaseName}"`);
  return `json_build_array(${selectedColumns(db.getMetadata(entity)).map(value).join(', ')})`;
}

/** One row as rowAsJson writes it. */
export type RowJson = unknown[];

type FromJson = (json: RowJson) => ObjectLiteral;
const readers = new WeakMap<EntityMetadata, FromJson>();

/** How one entity's rows are read back from `rowAsJson`'s JSON, worked out once per entity. */
function readerFor(metadata: EntityMetadata): FromJson {
  let read = readers.get(metadata);
  if (!read) {
    const columns = selectedColumns(metadata).map((column) => ({
      column,
      property: column.propertyName,
      isTime: TIMESTAMP_TYPES.has(column.type),
      // A plain property; embedded and relation columns are set as TypeORM sets them.
      isPlain: !column.embeddedMetadata && !column.relationMetadata,
    }));
    read = (json) => {
      const row = metadata.create() as ObjectLiteral;
      for (let i = 0; i < columns.length; i++) {
        const { column, property, isTime, isPlain } = columns[i];
        const raw = json[i];
        const value = raw != null && isTime ? new Date(raw as string) : raw;
        if (isPlain) row[property] = value;
        else column.setEntityValue(row, value);
      }
      return row;
    };
    readers.set(metadata, read);
  }
  return read;
}

/**
 * The entity for a row that `rowAsJson` built: the same object the entity's repository would have
 * loaded, with `known` the values of the properties rowAsJson was told were known.
 */
export function entityFromJson<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, json: RowJson, known?: Partial<T>): T {
  const row = readerFor(db.getMetadata(entity))(json) as T;
  return known ? Object.assign(row, known) : row;
}
