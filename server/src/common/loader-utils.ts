import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';

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
