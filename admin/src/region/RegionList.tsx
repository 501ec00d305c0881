import { List, TextField, TextInput } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { ListPagination } from '../common/ListPagination';

/** The 18 regions (INSEE codes). */
export function RegionList() {
  return (
    <List exporter={false} filters={[<TextInput key="q" source="q" alwaysOn resettable />]} sort={{ field: 'code', order: 'ASC' }} perPage={25} pagination={<ListPagination />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="code" />
        <TextField source="name" />
      </Datagrid>
    </List>
  );
}
