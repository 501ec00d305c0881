import { Migration } from '@mikro-orm/migrations';
import { DEPARTMENTS, REGIONS } from '../reference/geography';

/** Reference data: the 18 regions and 101 departments with their INSEE codes. */
export class Migration20261128195310 extends Migration {
  override async up(): Promise<void> {
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    this.addSql(
      `insert into "region" ("id", "code", "name") values ${REGIONS.map((r) => `(gen_random_uuid(), ${quote(r.code)}, ${quote(r.name)})`).join(', ')} on conflict ("code") do nothing;`,
    );
    this.addSql(
      `insert into "department" ("id", "code", "name", "region_id") select gen_random_uuid(), d.code, d.name, r.id from (values ${DEPARTMENTS.map(
        ([code, name, region]) => `(${quote(code)}, ${quote(name)}, ${quote(region)})`,
      ).join(', ')}) as d(code, name, region_code) join "region" r on r.code = d.region_code on conflict ("code") do nothing;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "department";`);
    this.addSql(`delete from "region";`);
  }
}
