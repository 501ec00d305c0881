import LinearProgress from '@mui/material/LinearProgress';
import { BooleanInput, Datagrid, FunctionField, List, NumberField, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { coded, type Coded } from '../common/TextOf';

export const SESSION_FIELDS = ['id', 'placesTotal', 'placesLeft', 'createdAt', { cohort: ['id', 'name'] }, { center: ['id', 'name', 'city', { department: ['id', 'code', 'name'] }] }];

interface SessionRow {
  placesTotal: number;
  placesLeft: number;
  cohort: { name: string };
  center: { name: string; city: string; department: Coded };
}

export function FillRate({ record }: { record: SessionRow }) {
  const used = record.placesTotal - record.placesLeft;
  const rate = record.placesTotal ? Math.round((100 * used) / record.placesTotal) : 0;
  return (
    <span title={`${used} / ${record.placesTotal}`}>
      <LinearProgress variant="determinate" value={rate} sx={{ width: 120, display: 'inline-block', mr: 1, verticalAlign: 'middle' }} />
      {rate} %
    </span>
  );
}

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="cohortId" source="cohortId" reference="Cohort">
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="hasPlacesLeft" source="hasPlacesLeft" />,
];

export function SessionList() {
  return (
    <List exporter={false} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} queryOptions={{ meta: { sparseFields: SESSION_FIELDS } }}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<SessionRow> source="center" sortBy="center" render={(r) => r.center.name} />
        <FunctionField<SessionRow> source="department" sortable={false} render={(r) => coded(r.center.department)} />
        <FunctionField<SessionRow> source="cohort" sortBy="cohort" render={(r) => r.cohort.name} />
        <NumberField source="placesTotal" />
        <NumberField source="placesLeft" />
        <FunctionField<SessionRow> source="fill" sortable={false} render={(r) => <FillRate record={r} />} />
      </Datagrid>
    </List>
  );
}
