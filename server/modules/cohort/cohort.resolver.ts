import { Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, textSearch } from '../../common/filters';
import { todayInParis } from '../../kernel/clock';
import { Cohort } from './cohort.entity';
import { CohortFilter } from './cohort.inputs';

@Resolver(() => Cohort)
export class CohortResolver extends createReadResolver({
  entity: Cohort,
  typeName: 'Cohort',
  filterType: CohortFilter,
  roles: ALL_ROLES,
  sortable: { name: 'name', startDate: 'startDate', instructionEndDate: 'instructionEndDate', status: 'status', createdAt: 'createdAt' },
  defaultSort: { field: 'startDate', order: 'DESC' },
  label: 'Ce séjour',
  where: (f) =>
    allOf(
      idsCondition(f.ids),
      textSearch(f.q, ['name']),
      f.status ? { status: f.status } : undefined,
      // The server's day (the product's clock), not the browser's.
      f.instructionOpen === true ? { instructionEndDate: { $gte: todayInParis() } } : f.instructionOpen === false ? { instructionEndDate: { $lt: todayInParis() } } : undefined,
    ),
}) {}
