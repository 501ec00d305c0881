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

  constructor(private readonly orm: MikroORM) {}

  private load(): Promise<Tables> {
    if (!this.tables) {
      // A private fork that is only ever read: the entities are never flushed.
      const em = this.orm.em.fork();
      this.tables = Promise.all([em.find(Department, {}), em.find(Region, {})]).then(([departments, regions]) => ({
        departments: new Map(departments.map((d) => [d.id, d])),
        regions: new Map(regions.map((r) => [r.id, r])),
      }));
      this.tables.catch(() => {
        this.tables = undefined;
      });
    }
    return this.tables;
  }

  async department(id: string): Promise<Department | null> {
    return (await this.load()).departments.get(id) ?? null;
  }

  async region(id: string): Promise<Region | null> {
    return (await this.load()).regions.get(id) ?? null;
  }
}
