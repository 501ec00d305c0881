import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261128193454 } from './Migration20261128193454';
import { Migration20261128193500 } from './Migration20261128193500';

/** Every migration, in order. `npm run db:migration:create` appends new ones here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128193454', class: Migration20261128193454 },
  { name: 'Migration20261128193500', class: Migration20261128193500 },
];
