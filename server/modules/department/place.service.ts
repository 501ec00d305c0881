import { postalCode, requiredText } from '../../common/inputs';
import { assertUuid } from '../../common/validation';
import type { CurrentUser } from '../../kernel/current-user';
import { notFound } from '../../kernel/errors';
import type { RequestContext } from '../../kernel/request-context';
import { assertInTerritory } from '../../scope/write-guard';
import { Department } from './department.entity';
import type { PlaceInput } from './place.inputs';

/**
 * A place's input, checked: trimmed texts within their columns, a postal code, and a department
 * of the user's territory (one outside it answers like one that does not exist).
 */
export async function checkedPlace(ctx: RequestContext, user: CurrentUser, input: PlaceInput, nameLabel: string) {
  const departmentId = assertUuid(input.departmentId, 'departmentId');
  assertInTerritory(user, departmentId);
  if (!(await ctx.loaders.load(Department, departmentId))) throw notFound('Ce département');
  return {
    name: requiredText(input.name, 'name', nameLabel, 200),
    address: requiredText(input.address, 'address', 'L’adresse', 300),
    zip: postalCode(input.zip),
    city: requiredText(input.city, 'city', 'La ville', 100),
    department: departmentId,
  };
}
