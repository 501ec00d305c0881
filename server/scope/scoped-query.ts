import { Readable } from 'node:stream';
import { type EntityClass, type FilterQuery, type QueryOrderMap, raw } from '@mikro-orm/core';
import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/postgresql';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { toRowViews } from './row-views';
import { principalOf } from './principal';
import { type Condition, type ScopePurpose, scopeConditionFor } from './rules';

/**
 * The query-builder path to scoped data, for what `em.find` cannot express: list pages as row
 * views, grouped counts, subqueries and streamed exports. The scope condition is part of the
 * query from the moment it is built, ANDed with the caller's condition, and the builder itself is
 * never handed out, so no caller can forget the scope or replace it with a later `where()`.
 * Without a principal on the EntityManager it throws, like every read.
 */
export class ScopedQuery<T extends object> {
  private readonly condition: Condition;

  private constructor(
    private readonly em: EntityManager,
    private readonly entity: EntityClass<T>,
    where: FilterQuery<T>,
    purpose: ScopePurpose,
  ) {
    const scope = scopeConditionFor(entity, principalOf(em), purpose);
    const parts = [scope, where as Condition].filter((part) => Object.keys(part).length > 0);
    this.condition = parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { $and: parts };
  }

  /** Rows of `entity` that the request may read, narrowed by `where`. */
  static of<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T> = {} as FilterQuery<T>): ScopedQuery<T> {
    return new ScopedQuery(em, entity, where, 'records');
  }

  /**
   * The same, for aggregates only: the entity's `counts` rule (a visitor counts the volunteers
   * of its region). Only `countBy` and `count` are meaningful on it; never return its rows.
   */
  static forCounts<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T> = {} as FilterQuery<T>): ScopedCounts<T> {
    return new ScopedCounts(new ScopedQuery(em, entity, where, 'counts'));
  }

  private builder(alias = 'e'): QueryBuilder<T> {
    return this.em.createQueryBuilder(this.entity, alias).where(this.condition as FilterQuery<T>);
  }

  /**
   * A page of rows as plain objects shaped like the entity (see row-views.ts). A deep page finds
   * its ids first (an index-only scan skips the offset inside the index), then reads those rows.
   */
  async rows(options: { limit: number; offset: number; orderBy: QueryOrderMap<T>[] }): Promise<T[]> {
    const qb = this.em.createQueryBuilder(this.entity, 'e').select('*').orderBy(options.orderBy);
    if (options.offset === 0) {
      qb.where(this.condition as FilterQuery<T>).limit(options.limit);
    } else {
      const ids = this.builder('p').select('id').orderBy(options.orderBy).limit(options.limit).offset(options.offset);
      qb.where({ id: { $in: ids.getKnexQuery() } } as unknown as FilterQuery<T>);
    }
    const rows = await qb.execute<Record<string, unknown>[]>('all', true);
    return toRowViews(this.em.getMetadata().get(this.entity.name), rows);
  }

  async count(): Promise<number> {
    return this.builder().getCount();
  }

  /** `select <column> from … where <scope and condition>`, to use as `{ id: { $in: … } }` in another condition. */
  subquery(column: keyof T & string): Knex.QueryBuilder {
    return this.builder('sq').select(column).getKnexQuery();
  }

  /** The distinct non-null values of one column (e.g. the sessions a list's volunteers are placed in). */
  async distinctValues(column: keyof T & string): Promise<string[]> {
    const rows = await this.builder('e').select(`e.${column}`, true).andWhere({ [column]: { $ne: null } } as FilterQuery<T>).execute<Array<Record<string, unknown>>>('all', false);
    return rows.map((row) => Object.values(row)[0]).filter((v): v is string => typeof v === 'string');
  }

  /** Groups of rows counted in one `group by` statement, ordered by the grouped columns. */
  async countBy<K extends keyof T & string>(columns: readonly K[]): Promise<Array<Record<K, string | null> & { count: number }>> {
    const qb = this.builder('e')
      .select([...columns.map((c) => `e.${c}`), raw('count(*)::int as count')])
      .groupBy(columns.map((c) => `e.${c}`))
      .orderBy(Object.fromEntries(columns.map((c) => [`e.${c}`, 'asc'])) as QueryOrderMap<T>);
    const rows = await qb.execute<Array<Record<string, unknown>>>('all', true);
    return rows.map((row) => ({ ...row, count: Number(row.count) })) as Array<Record<K, string | null> & { count: number }>;
  }

  /**
   * Groups summed in one `group by` over SQL expressions of the entity's own columns (alias `e`),
   * for tallies (`n`) grouped by what `countBy` cannot name: an age bucket, a calendar day. Values
   * go in `params`, bound by the driver; the expressions are constants of the calling code, never input.
   */
  sumByExpressions<K extends string>(groups: Record<K, SqlExpression>, column: keyof T & string): Promise<Array<Record<K, string | null> & { count: number }>> {
    const field = this.em.getMetadata().get(this.entity.name).properties[column]?.fieldNames?.[0];
    if (!field) throw new Error(`sumByExpressions: ${this.entity.name}.${column} is not a column`);
    return this.groupedBy(groups, `coalesce(sum("e"."${field}"), 0)::int`);
  }

  private async groupedBy<K extends string>(groups: Record<K, SqlExpression>, measure: string): Promise<Array<Record<K, string | null> & { count: number }>> {
    const connection = this.em.getConnection();
    const knex = connection.getKnex();
    const names = Object.keys(groups) as K[];
    const positions = names.map((_, i) => String(i + 1)).join(', ');
    const query = this.builder('e')
      .getKnexQuery()
      .clearSelect()
      .select([...names.map((name) => knex.raw(`${groups[name].sql} as ??`, [...(groups[name].params ?? []), name])), knex.raw(`${measure} as count`)])
      .groupByRaw(positions)
      .orderByRaw(positions);
    const rows = await connection.execute<Array<Record<string, unknown>>>(query, [], 'all');
    return rows.map((row) => {
      const group = { count: Number(row.count) } as Record<K, string | null> & { count: number };
      for (const name of names) (group as Record<string, unknown>)[name] = row[name] === null || row[name] === undefined ? null : String(row[name]);
      return group;
    });
  }

  /**
   * Every matching row, streamed from a PostgreSQL cursor as arrays of the selected columns (in
   * small batches, so memory stays flat whatever the number of rows). The connection goes back to
   * the pool when the stream ends or is destroyed.
   */
  async stream(columns: ReadonlyArray<keyof T & string>, orderBy: QueryOrderMap<T>[], batchSize = 250): Promise<Readable> {
    const qb = this.builder('e').select(columns.map((c) => `e.${c}`)).orderBy(orderBy);
    const { sql, bindings } = qb.getKnexQuery().toSQL().toNative();
    const knex = this.em.getConnection().getKnex();
    const client = (await knex.client.acquireConnection()) as PoolClient;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      void knex.client.releaseConnection(client);
    };
    const cursor = client.query(new QueryStream(sql, bindings as unknown[], { batchSize, rowMode: 'array' }));
    cursor.once('close', release);
    cursor.once('end', release);
    cursor.once('error', release);
    return cursor;
  }
}

/** A SQL expression over the entity's columns (alias `e`) with its bound values, in order of the `?`s. */
export interface SqlExpression {
  sql: string;
  params?: ReadonlyArray<string | number | boolean | Date | null>;
}

/** Aggregates over the `counts` rule (see `ScopedQuery.forCounts`): no row ever leaves. */
export class ScopedCounts<T extends object> {
  constructor(private readonly query: ScopedQuery<T>) {}

  count(): Promise<number> {
    return this.query.count();
  }

  countBy<K extends keyof T & string>(columns: readonly K[]): ReturnType<ScopedQuery<T>['countBy']> {
    return this.query.countBy(columns) as ReturnType<ScopedQuery<T>['countBy']>;
  }

  sumByExpressions<K extends string>(groups: Record<K, SqlExpression>, column: keyof T & string): Promise<Array<Record<K, string | null> & { count: number }>> {
    return this.query.sumByExpressions(groups, column);
  }

}
