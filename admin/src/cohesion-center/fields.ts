import { CODED, type SparseFields } from '../common/sparse';

export const CENTER_FIELDS: SparseFields = ['id', 'name', 'address', 'zip', 'city', 'capacity', 'accessibleReducedMobility', { department: ['id', 'code', 'name', { region: CODED }] }];

export interface CenterRecord {
  id: string;
  name: string;
  address: string;
  zip: string;
  city: string;
  capacity: number;
  accessibleReducedMobility: boolean;
  department: { id: string; code: string; name: string; region: { id: string; code: string; name: string } };
}
