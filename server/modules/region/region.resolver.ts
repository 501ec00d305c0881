import { Resolver } from 'type-graphql';
import { ALL_ROLES } from '../../kernel/roles';
import { createReadResolver } from '../../common/crud.resolver';
import { allOf, idsCondition, textSearch } from '../../common/filters';
import { Region } from './region.entity';
import { RegionFilter } from './region.inputs';

@Resolver(() => Region)
export class RegionResolver extends createReadResolver({
  entity: Region,
  typeName: 'Region',
  filterType: RegionFilter,
  roles: ALL_ROLES,
  sortable: { code: 'code', name: 'name' },
  defaultSort: { field: 'code', order: 'ASC' },
  label: 'Cette région',
  where: (f) => allOf(idsCondition(f.ids), textSearch(f.q, ['name', 'code']), f.code ? { code: f.code } : undefined),
}) {}
