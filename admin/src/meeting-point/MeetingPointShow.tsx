import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { coded } from '../common/coded';
import { MEETING_POINT_FIELDS, type MeetingPointRecord } from './fields';

/** A meeting point: where the buses pick volunteers up. */
export function MeetingPointShow() {
  return (
    <Show queryOptions={{ meta: { sparseFields: MEETING_POINT_FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="address" />
        <FunctionField<MeetingPointRecord> source="city" render={(r) => `${r.zip} ${r.city}`} />
        <FunctionField<MeetingPointRecord> source="department" render={(r) => `${coded(r.department)} (${r.department.region.name})`} />
      </SimpleShowLayout>
    </Show>
  );
}
