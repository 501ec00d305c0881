import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ReferenceManyField, useListContext, useLocale, useTranslate } from 'react-admin';
import { actionLabel, changeValue } from '../audit-event/labels';

interface AuditRow {
  id: string;
  action: string;
  createdAt: string;
  changes: Record<string, { old: unknown; new: unknown }>;
  actor: { email: string; firstName: string; lastName: string } | null;
  impersonator: { email: string; firstName: string; lastName: string } | null;
}

function Timeline() {
  const { data, isPending } = useListContext<AuditRow>();
  const translate = useTranslate();
  const locale = useLocale();
  if (isPending) return null;
  if (!data?.length) return <Typography color="text.secondary">{translate('app.no_history')}</Typography>;
  const show = (field: string, value: unknown) => changeValue(translate, field, value);
  return (
    <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} className="volunteer-history">
      {data.map((event) => (
        <Box component="li" key={event.id} sx={{ borderLeft: '3px solid #000091', pl: 2, pb: 2 }}>
          <Typography variant="body2" color="text.secondary">
            {new Date(event.createdAt).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR')}
          </Typography>
          <Typography>
            <strong>{event.actor ? `${event.actor.firstName} ${event.actor.lastName}` : translate('app.system')}</strong>
            {event.impersonator ? ` (${event.impersonator.firstName} ${event.impersonator.lastName})` : ''} {actionLabel(translate, event.action, 'Volunteer')}
          </Typography>
          {Object.entries(event.changes ?? {}).map(([field, change]) => (
            <Typography variant="body2" key={field}>
              {translate(`resources.Volunteer.fields.${field}`, { _: field })} : {show(field, change.old)} → {show(field, change.new)}
            </Typography>
          ))}
        </Box>
      ))}
    </Box>
  );
}

/** The audit events of the file as a readable timeline: who, when, what changed. */
export function VolunteerHistory() {
  return (
    <ReferenceManyField
      reference="AuditEvent"
      target="recordId"
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={100}
      queryOptions={{ meta: { sparseFields: ['id', 'action', 'createdAt', 'changes', { actor: ['id', 'email', 'firstName', 'lastName'] }, { impersonator: ['id', 'email', 'firstName', 'lastName'] }] } }}
    >
      <Timeline />
    </ReferenceManyField>
  );
}
