import type { EntityClass } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

interface Identified {
  id: string;
}

type Tables = Map<EntityClass<Identified>, Map<string, Identified>>;

/**
 * Reference tables (the 18 regions and 101 departments), loaded once per server process. They are
 * written by a migration and never changed by the application, so every instance holds the same
 * copy and nothing is lost if one restarts. Saves a query on every list that shows them. The
 * entity classes are given by the caller (app.ts): this layer knows no resource.
 */
export class ReferenceData {
  private tables: Promise<Tables> | undefined;
  /** Set once loaded: then answers are synchronous (no promise per nested field). */
  private loaded: Tables | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly entities: ReadonlyArray<EntityClass<Identified>>,
  ) {}

  private load(): Promise<Tables> {
    if (!this.tables) {
      // A private fork that is only ever read: the entities are never flushed. Reference tables
      // carry no scope rule.
      const em = this.orm.em.fork();
      this.tables = Promise.all(this.entities.map(async (entity) => [entity, new Map((await em.find(entity, {})).map((row) => [row.id, row]))] as const)).then(
        (entries) => new Map(entries),
      );
      // Once loaded, answers are synchronous; a failed load is retried by the next caller.
      this.tables.then(
        (tables) => {
          this.loaded = tables;
        },
        () => {
          this.tables = undefined;
        },
      );
    }
    return this.tables;
  }

  /** Loads the tables ahead of the first request (the server awaits it before listening). */
  async ready(): Promise<void> {
    await this.load();
  }

  /** Whether `entity` is one of the reference tables. */
  holds(entity: EntityClass<unknown>): boolean {
    return this.entities.includes(entity as EntityClass<Identified>);
  }

  /** The row, null when absent, or undefined when `entity` is not a reference table. */
  get<T>(entity: EntityClass<T>, id: string): T | null | Promise<T | null> | undefined {
    if (!this.holds(entity)) return undefined;
    const table = entity as unknown as EntityClass<Identified>;
    if (this.loaded) return (this.loaded.get(table)?.get(id) ?? null) as T | null;
    return this.load().then((tables) => (tables.get(table)?.get(id) ?? null) as T | null);
  }

  /** Every row of a reference table (e.g. the departments, to label an export). */
  async all<T>(entity: EntityClass<T>): Promise<T[]> {
    const tables = await this.load();
    return [...(tables.get(entity as unknown as EntityClass<Identified>)?.values() ?? [])] as T[];
  }
}
