import { List, SelectInput, TextField, TextInput } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { DateField } from '../common/DateField';
import { enumChoices, EnumChip } from '../common/EnumChip';
import { ListPagination } from '../common/ListPagination';

const filters = [<TextInput key="q" source="q" alwaysOn resettable />, <SelectInput key="status" source="status" choices={enumChoices('CohortStatus', ['PUBLISHED', 'ARCHIVED'])} />];

/** The stays ("séjours"), newest first. Readable by every role. */
export function CohortList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'startDate', order: 'DESC' }} perPage={25} pagination={<ListPagination />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <DateField source="startDate" />
        <DateField source="endDate" sortable={false} />
        <DateField source="registrationEndDate" sortable={false} />
        <DateField source="instructionEndDate" />
        <EnumChip source="status" enumName="CohortStatus" />
      </Datagrid>
    </List>
  );
}
