import { ExportMenu } from '../common/ExportMenu';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { AutocompleteInput, DateInput, FilterButton, FunctionField, List, ReferenceInput, SelectInput, TextInput, TopToolbar, useTranslate } from 'react-admin';
import { Datagrid } from '../common/Datagrid';
import { Link } from 'react-router-dom';
import { ListPagination } from '../common/ListPagination';
import { actionLabel, changeValue, fieldLabel, LINKED_TYPES, RECORD_TYPES } from './labels';

interface Person {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}
export interface AuditEventRecord {
  id: string;
  seq: string;
  action: string;
  recordType: string;
  recordId: string;
  createdAt: string;
  changes: Record<string, { old: unknown; new: unknown }>;
  actor: Person | null;
  impersonator: Person | null;
}

export const AUDIT_EVENT_FIELDS = ['id', 'seq', 'action', 'recordType', 'recordId', 'createdAt', 'changes', { actor: ['id', 'email', 'firstName', 'lastName'] }, { impersonator: ['id', 'email', 'firstName', 'lastName'] }];

/** Day boundaries in the user's time zone, sent as instants. */
const startOfDay = (value: string) => (value ? new Date(`${value}T00:00:00`).toISOString() : undefined);
const endOfDay = (value: string) => (value ? new Date(`${value}T23:59:59.999`).toISOString() : undefined);

function RecordTypeChoices() {
  const translate = useTranslate();
  return RECORD_TYPES.map((type) => ({ id: type, name: translate(`resources.${type}.name`, { smart_count: 1, _: type }) }));
}

function Filters() {
  const translate = useTranslate();
  const recordTypes = RecordTypeChoices();
  return [
    <TextInput key="q" source="q" alwaysOn resettable />,
    <ReferenceInput key="actorId" source="actorId" reference="User" sort={{ field: 'lastName', order: 'ASC' }} perPage={25} queryOptions={{ meta: { sparseFields: ['id', 'firstName', 'lastName', 'email'] } }} alwaysOn>
      <AutocompleteInput optionText={(u: Person) => `${u.firstName} ${u.lastName} (${u.email})`} filterToQuery={(q: string) => ({ q })} label={translate('resources.AuditEvent.fields.actorId')} />
    </ReferenceInput>,
    <SelectInput key="recordType" source="recordType" choices={recordTypes} alwaysOn />,
    <DateInput key="createdAt_gte" source="createdAt_gte" parse={startOfDay} alwaysOn />,
    <DateInput key="createdAt_lte" source="createdAt_lte" parse={endOfDay} alwaysOn />,
    <TextInput key="recordId" source="recordId" />,
    <TextInput key="action" source="action" />,
  ];
}

function Changes({ event }: { event: AuditEventRecord }) {
  const translate = useTranslate();
  const entries = Object.entries(event.changes ?? {});
  if (!entries.length) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }}>
      {entries.map(([field, change]) => (
        <Typography component="li" variant="body2" key={field}>
          {fieldLabel(translate, event.recordType, field)} : {changeValue(translate, field, change.old)} → {changeValue(translate, field, change.new)}
        </Typography>
      ))}
    </Box>
  );
}

/**
 * « Historique »: every event the user may read (national staff all; managers and referents those
 * about records of their territory), newest first, with who, what, on which record and old → new.
 */
export function AuditEventList() {
  const translate = useTranslate();
  return (
    <List exporter={false} actions={<TopToolbar><FilterButton /><ExportMenu list="audit-events" /></TopToolbar>} filters={Filters()} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} pagination={<ListPagination />} queryOptions={{ meta: { sparseFields: AUDIT_EVENT_FIELDS } }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <FunctionField<AuditEventRecord> source="createdAt" render={(e) => new Date(e.createdAt).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'medium' })} />
        <FunctionField<AuditEventRecord>
          source="actor"
          sortable={false}
          render={(e) => (
            <>
              {e.actor ? `${e.actor.firstName} ${e.actor.lastName}` : translate('app.system')}
              {e.impersonator && (
                <Typography variant="caption" component="div" color="warning.main">
                  {translate('resources.AuditEvent.impersonated_by', { name: `${e.impersonator.firstName} ${e.impersonator.lastName}` })}
                </Typography>
              )}
            </>
          )}
        />
        <FunctionField<AuditEventRecord> source="action" render={(e) => actionLabel(translate, e.action, e.recordType)} />
        <FunctionField<AuditEventRecord>
          source="recordType"
          render={(e) =>
            LINKED_TYPES.includes(e.recordType) ? (
              <Link to={`/${e.recordType}/${e.recordId}/show`}>{translate(`resources.${e.recordType}.name`, { smart_count: 1, _: e.recordType })}</Link>
            ) : (
              translate(`resources.${e.recordType}.name`, { smart_count: 1, _: e.recordType })
            )
          }
        />
        <FunctionField<AuditEventRecord> source="changes" sortable={false} render={(e) => <Changes event={e} />} />
      </Datagrid>
    </List>
  );
}
