import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { enumChoices, EnumChip } from '../common/EnumChip';

const filters = [<TextInput key="q" source="q" alwaysOn />, <SelectInput key="status" source="status" choices={enumChoices('CohortStatus', ['PUBLISHED', 'ARCHIVED'])} />];

export function CohortList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'startDate', order: 'DESC' }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <DateField source="startDate" />
        <DateField source="endDate" />
        <DateField source="instructionEndDate" />
        <EnumChip source="status" enumName="CohortStatus" />
      </Datagrid>
    </List>
  );
}
