import { Migration } from '@mikro-orm/migrations';

export class Migration20261202003603 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter type "email_status" add value if not exists 'CANCELLED' after 'FAILED';`);
  }

}
