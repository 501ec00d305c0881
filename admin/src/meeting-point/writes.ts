import type { RecordWrites } from '../common/recordWrites';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

export const meetingPointWrites: RecordWrites = {
  type: 'MeetingPoint',
  selection: 'id version name address zip city departmentId department { id code name region { id code name } }',
  toInput: (v) => ({ name: text(v.name), address: text(v.address), zip: text(v.zip), city: text(v.city), departmentId: v.departmentId }),
};
