import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261202152221 } from './Migration20261202152221';
import { Migration20261202063332 } from './Migration20261202063332';
import { Migration20261202062105 } from './Migration20261202062105';
import { Migration20261202055400 } from './Migration20261202055400';
import { Migration20261202051954 } from './Migration20261202051954';
import { Migration20261202024447 } from './Migration20261202024447';
import { Migration20261202023623 } from './Migration20261202023623';
import { Migration20261202003603 } from './Migration20261202003603';
import { Migration20261201224123 } from './Migration20261201224123';
import { Migration20261201222534 } from './Migration20261201222534';
import { Migration20261201214348 } from './Migration20261201214348';
import { Migration20261128195309 } from './Migration20261128195309';
import { Migration20261128195310 } from './Migration20261128195310';
import { Migration20261128204249 } from './Migration20261128204249';
import { Migration20261129053728 } from './Migration20261129053728';

/** Every migration, in order. `npm run db:migration:create` appends new ones here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261128195309',
  class: Migration20261128195309 },
  { name: 'Migration20261128195310',
  class: Migration20261128195310 },
  { name: 'Migration20261128204249',
  class: Migration20261128204249 },
  { name: 'Migration20261129053728',
  class: Migration20261129053728 },
  { name: 'Migration20261201214348',
  class: Migration20261201214348 },
  { name: 'Migration20261201222534',
  class: Migration20261201222534 },
  { name: 'Migration20261201224123',
  class: Migration20261201224123 },
  { name: 'Migration20261202003603',
  class: Migration20261202003603 },
  { name: 'Migration20261202023623',
  class: Migration20261202023623 },
  { name: 'Migration20261202024447',
  class: Migration20261202024447 },
  { name: 'Migration20261202051954',
  class: Migration20261202051954 },
  { name: 'Migration20261202055400',
  class: Migration20261202055400 },
  { name: 'Migration20261202062105',
  class: Migration20261202062105 },
  { name: 'Migration20261202063332',
  class: Migration20261202063332 },
  { name: 'Migration20261202152221', class: Migration20261202152221 },
];
