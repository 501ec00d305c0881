import type { MikroORM } from '@mikro-orm/postgresql';
import { Department } from '../modules/department/department.entity';
import { Region } from '../modules/region/region.entity';

interface Tables {
  departments: Map<string, Department>;
  regions: Map<string, Region>;
}

/**
 * The 18 regions and 101 departments, loaded once per server process. They are reference data
 * written by a migration and never changed by the application, so every instance holds the same
 * copy and nothing is lost if one restarts. Saves two queries on every list that shows them.
 */
export class ReferenceData {
  private tables: Promise<Tables> | undefined;
  /** Set once loaded: then answers are synchronous (no promise per nested field). */
  private loaded: Tables | undefined;

  constructor(private readonly orm: MikroORM) {}

  private load(): Promise<Tables> {
    if (!this.tables) {
      // A private fork that is only ever read: the entities are never flushed.
      const em = this.orm.em.fork();
      this.tables = Promise.all([em.find(Department, {}), em.find(Region, {})]).then(([departments, regions]) => ({
        departments: new Map(departments.map((d) => [d.id, d])),
        regions: new Map(regions.map((r) => [r.id, r])),
      }));
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

  department(id: string): Department | null | Promise<Department | null> {
    if (this.loaded) return this.loaded.departments.get(id) ?? null;
    return this.load().then((tables) => tables.departments.get(id) ?? null);
  }

  region(id: string): Region | null | Promise<Region | null> {
    if (this.loaded) return this.loaded.regions.get(id) ?? null;
    return this.load().then((tables) => tables.regions.get(id) ?? null);
  }
}
