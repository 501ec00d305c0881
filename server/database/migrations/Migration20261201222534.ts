import { Migration } from '@mikro-orm/migrations';

export class Migration20261201222534 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "volunteer" add column "arrived_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "volunteer" drop column "arrived_at";`);
  }

}
