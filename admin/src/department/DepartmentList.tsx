import { FunctionField, List, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { coded } from '../common/coded';
import { ListPagination } from '../common/ListPagination';
import { DEPARTMENT_FIELDS, type DepartmentRecord } from './fields';

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" perPage={50} sort={{ field: 'name', order: 'ASC' }}>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

/** The 101 departments (INSEE codes), readable by every role. */
export function DepartmentList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'code', order: 'ASC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: DEPARTMENT_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
        <FunctionField<DepartmentRecord> source="region" sortBy="region" render={(r) => coded(r.region)} />
      </Datagrid>
    </List>
  );
}
