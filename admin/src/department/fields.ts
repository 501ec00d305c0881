import { CODED, type SparseFields } from '../common/sparse';

export const DEPARTMENT_FIELDS: SparseFields = ['id', 'code', 'name', 'regionId', { region: CODED }];

export interface DepartmentRecord {
  id: string;
  code: string;
  name: string;
  regionId: string;
  region: { id: string; code: string; name: string };
}
