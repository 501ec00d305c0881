import { CODED, type SparseFields } from '../common/sparse';

export const MEETING_POINT_FIELDS: SparseFields = ['id', 'name', 'address', 'zip', 'city', { department: ['id', 'code', 'name', { region: CODED }] }];

export interface MeetingPointRecord {
  id: string;
  name: string;
  address: string;
  zip: string;
  city: string;
  department: { id: string; code: string; name: string; region: { id: string; code: string; name: string } };
}
