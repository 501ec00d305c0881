import { type EntityClass, type EntityMetadata, type EntityProperty, type FilterQuery, type QueryOrderMap, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;

/** How one mapped column becomes a property of the row view. */
interface Shape {
  relations: string[];
  /** Embedded property → its flattened keys (`guardian1` → `guardian1_firstName`…). */
  embedded: Array<{ name: string; nullable: boolean; keys: Array<[flat: string, nested: string]> }>;
  hidden: string[];
}

const shapes = new WeakMap<EntityMetadata, Shape>();

function shapeOf(meta: EntityMetadata): Shape {
  let shape = shapes.get(meta);
  if (!shape) {
    const props = Object.values(meta.properties) as EntityProperty[];
    shape = {
      relations: props.filter((p) => (p.kind === ReferenceKind.MANY_TO_ONE || p.kind === ReferenceKind.ONE_TO_ONE) && p.owner !== false).map((p) => p.name),
      embedded: props
        .filter((p) => p.kind === ReferenceKind.EMBEDDED && !p.object)
        .map((p) => ({
          name: p.name,
          nullable: !!p.nullable,
          keys: Object.values(p.embeddedProps).map((child) => [`${p.name}_${child.embedded![1]}`, child.embedded![1]] as [string, string]),
        })),
      hidden: props.filter((p) => p.lazy || p.hidden).map((p) => p.name),
    };
    shapes.set(meta, shape);
  }
  return shape;
}

/**
 * A list page's rows as plain objects shaped like the entity (`department: { id }`, embedded
 * objects nested), read with the entity's own mapping but without creating managed entities: for
 * read-only pages MikroORM's hydration (change tracking, identity map, per-instance accessors)
 * cost ≈ 70 µs per row, more than the rest of the request. Field resolvers read data properties
 * only, so they treat a row view and an entity alike; writes always load real entities.
 *
 * Scope: the query builder applies the same filters as `em.find` (`applyFilters`), so the scope
 * filter limits the rows, and throws when the request has no user, exactly as everywhere else.
 */
export async function findRowViews<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: { limit: number; offset: number; orderBy: QueryOrderMap<T>[] },
): Promise<T[]> {
  const meta = em.getMetadata().get(entity.name);
  const qb = em.createQueryBuilder(entity).select('*').orderBy(options.orderBy);
  if (options.offset === 0) {
    qb.where(where).limit(options.limit);
  } else {
    // A deep page: find the page's ids first (an index-only scan skips the offset inside the
    // index), then read only those rows, instead of reading and dropping `offset` full rows.
    const ids = em.createQueryBuilder(entity).select('id').where(where).orderBy(options.orderBy).limit(options.limit).offset(options.offset);
    await ids.applyFilters();
    qb.where({ id: { $in: ids.getKnexQuery() } } as unknown as FilterQuery<T>);
  }
  await qb.applyFilters();
  const rows = await qb.execute<Row[]>('all', true);
  const shape = shapeOf(meta);
  for (const row of rows) {
    for (const name of shape.relations) {
      const id = row[name];
      row[name] = id === null || id === undefined ? null : { id };
    }
    for (const embedded of shape.embedded) {
      const value: Row = {};
      let empty = true;
      for (const [flat, nested] of embedded.keys) {
        value[nested] = row[flat] ?? null;
        if (row[flat] !== null && row[flat] !== undefined) empty = false;
        delete row[flat];
      }
      row[embedded.name] = empty && embedded.nullable ? null : value;
    }
    for (const name of shape.hidden) delete row[name];
  }
  return rows as T[];
}
