import { ArrayField, FunctionField, Link, NumberField, Show, SimpleShowLayout, TextField, useLocale } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { formatDeparture, TRANSPORT_LINE_FIELDS, type TransportLineRecord, type TransportLineStopRecord } from './fields';

/** A line: its session, seats total / left, and its stops in order with their departure time (Paris time). */
export function TransportLineShow() {
  const locale = useLocale();
  return (
    <Show queryOptions={{ meta: { sparseFields: TRANSPORT_LINE_FIELDS } }}>
      <SimpleShowLayout>
        <TextField source="code" />
        <FunctionField<TransportLineRecord>
          source="session"
          render={(r) => <Link to={`/Session/${r.sessionId}/show`}>{`${r.session.center.name} (${r.session.center.city}) – ${r.session.cohort.name}`}</Link>}
        />
        <NumberField source="seatsTotal" />
        <NumberField source="seatsLeft" />
        <ArrayField source="stops">
          <Datagrid bulkActionButtons={false} rowClick={false}>
            {/* Stored from 0; people count stops from 1. */}
            <FunctionField<TransportLineStopRecord> label="resources.TransportLine.fields.position" textAlign="right" render={(s) => s.position + 1} />
            <FunctionField<TransportLineStopRecord> label="resources.TransportLine.fields.meetingPoint" render={(s) => `${s.meetingPoint.name} (${s.meetingPoint.city})`} />
            <FunctionField<TransportLineStopRecord> label="resources.TransportLine.fields.departureAt" render={(s) => formatDeparture(s.departureAt, locale)} />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}
