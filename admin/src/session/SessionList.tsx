import { ExportMenu } from '../common/ExportMenu';
import { AutocompleteInput, BooleanInput, CreateButton, FilterButton, FunctionField, List, NumberField, ReferenceInput, SelectInput, TextInput, TopToolbar } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { coded, type Coded } from '../common/coded';
import { ListPagination } from '../common/ListPagination';
import { CODED } from '../common/sparse';
import { SESSION_FIELDS, type SessionRecord } from './fields';
import { SessionFillBar } from './SessionFillBar';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput key="cohortId" source="cohortId" reference="Cohort" sort={{ field: 'startDate', order: 'DESC' }} queryOptions={{ meta: { sparseFields: ['id', 'name'] } }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="departmentId" source="departmentId" reference="Department" filter={{ inMyScope: true }} sort={{ field: 'code', order: 'ASC' }} perPage={200} queryOptions={{ meta: { sparseFields: CODED } }}>
    <AutocompleteInput optionText={(d: Coded) => coded(d)} filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <BooleanInput key="hasPlacesLeft" source="hasPlacesLeft" />,
];

/** Sessions (one stay in one centre) with their fill rate. */
export function SessionList() {
  return (
    <List exporter={false} actions={<TopToolbar><FilterButton /><CreateButton /><ExportMenu list="sessions" /></TopToolbar>} filters={filters} sort={{ field: 'cohort', order: 'DESC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: SESSION_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<SessionRecord> source="center" sortBy="center" render={(r) => r.center.name} />
        <FunctionField<SessionRecord> source="department" sortable={false} render={(r) => coded(r.center.department)} />
        <FunctionField<SessionRecord> source="cohort" sortBy="cohort" render={(r) => r.cohort.name} />
        <NumberField source="placesTotal" />
        <NumberField source="placesLeft" />
        <FunctionField<SessionRecord> source="fill" sortable={false} render={(r) => <SessionFillBar record={r} />} />
      </Datagrid>
    </List>
  );
}
