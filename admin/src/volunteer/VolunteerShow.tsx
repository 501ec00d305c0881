import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  BooleanField,
  EmailField,
  FunctionField,
  Labeled,
  Show,
  TabbedShowLayout,
  TextField,
  useLocale,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DateField } from '../common/DateField';
import { isReviewer, type Role } from '../authProvider';
import { coded } from '../common/coded';
import { formatDate } from '../common/formatDate';
import { VOLUNTEER_SHOW_FIELDS, type VolunteerRecord } from './fields';
import { VolunteerActions } from './VolunteerActions';
import { VolunteerCorrections } from './VolunteerCorrections';
import { VolunteerEmails } from './VolunteerEmails';
import { VolunteerHistory } from './VolunteerHistory';
import { VolunteerNotes } from './VolunteerNotes';
import { VolunteerPlacementActions } from './VolunteerPlacementActions';
import { formatDeparture } from '../transport-line/fields';
import { Phase1StatusChip, VolunteerStatusChip } from './VolunteerStatusChip';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {translate(title)}
        </Typography>
        <Grid container spacing={2}>
          {children}
        </Grid>
      </CardContent>
    </Card>
  );
}

function Item({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return <Grid size={wide ? 12 : { xs: 12, sm: 6 }}>{children}</Grid>;
}

function Half({ children }: { children: ReactNode }) {
  return <Grid size={{ xs: 12, md: 6 }}>{children}</Grid>;
}

/** A value translated from an enum (`enums.<Enum>.<VALUE>`), or a dash. */
function EnumText({ source, enumName }: { source: keyof VolunteerRecord & string; enumName: string; label?: string }) {
  const translate = useTranslate();
  return (
    <FunctionField<VolunteerRecord>
      source={source}
      render={(r) => {
        const value = r[source];
        return typeof value === 'string' ? translate(`enums.${enumName}.${value}`, { _: value }) : '—';
      }}
    />
  );
}

function GuardianBlock({ source }: { source: 'guardian1' | 'guardian2' }) {
  const record = useRecordContext<VolunteerRecord>();
  const translate = useTranslate();
  const g = record?.[source];
  if (!g) return null;
  const consent = g.consent === null ? translate('app.consent_pending') : translate(g.consent ? 'app.yes' : 'app.no');
  return (
    <Typography component="div" variant="body2" className={`volunteer-${source}`}>
      <strong>{translate(`resources.Volunteer.fields.${source}`)}</strong> — {g.firstName} {g.lastName} ({translate(`enums.Relationship.${g.relationship}`, { _: g.relationship })})
      <br />
      {g.email ?? '—'} · {g.phone ?? '—'}
      <br />
      {translate('app.consent', { value: consent })}
    </Typography>
  );
}

function Title() {
  const record = useRecordContext<VolunteerRecord>();
  return <span>{record ? `${record.firstName} ${record.lastName}` : ''}</span>;
}

/** Name, e-mail and the two status chips above the tabs. */
function Summary() {
  const record = useRecordContext<VolunteerRecord>();
  if (!record) return null;
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ px: 2, pt: 2 }}>
      <Typography variant="h5" component="h1" sx={{ mr: 1 }}>
        {record.firstName} {record.lastName}
      </Typography>
      <VolunteerStatusChip />
      <Phase1StatusChip />
      <Typography color="text.secondary">
        {coded(record.department)} · {record.cohort?.name}
      </Typography>
    </Stack>
  );
}

function FileTab() {
  return (
    <Grid container spacing={2}>
      <Half>
        <Section title="resources.Volunteer.sections.identity">
          <Item><Labeled><TextField source="lastName" /></Labeled></Item>
          <Item><Labeled><TextField source="firstName" /></Labeled></Item>
          <Item><Labeled><DateField source="birthDate" /></Labeled></Item>
          <Item><Labeled><EnumText source="gender" enumName="Gender" /></Labeled></Item>
          <Item><Labeled><EmailField source="email" /></Labeled></Item>
          <Item><Labeled><TextField source="phone" emptyText="—" /></Labeled></Item>
          <Item><Labeled label="resources.Volunteer.fields.status"><VolunteerStatusChip /></Labeled></Item>
          <Item><Labeled><DateField source="statusChangedAt" showTime /></Labeled></Item>
        </Section>
      </Half>
      <Half>
        <Section title="resources.Volunteer.sections.address">
          <Item wide><Labeled><TextField source="address" /></Labeled></Item>
          <Item><Labeled><FunctionField<VolunteerRecord> source="city" render={(r) => `${r.zip} ${r.city}`} /></Labeled></Item>
          <Item><Labeled><FunctionField<VolunteerRecord> source="department" render={(r) => coded(r.department)} /></Labeled></Item>
          <Item><Labeled><FunctionField<VolunteerRecord> source="region" render={(r) => coded(r.department?.region)} /></Labeled></Item>
          <Item><Labeled><BooleanField source="priorityNeighbourhood" /></Labeled></Item>
        </Section>
      </Half>
      <Half>
        <Section title="resources.Volunteer.sections.schooling">
          <Item><Labeled><EnumText source="schoolSituation" enumName="SchoolSituation" /></Labeled></Item>
          <Item><Labeled><EnumText source="grade" enumName="Grade" /></Labeled></Item>
          <Item wide><Labeled><TextField source="schoolName" emptyText="—" /></Labeled></Item>
        </Section>
      </Half>
      <Half>
        <Section title="resources.Volunteer.sections.guardians">
          <Item wide><GuardianBlock source="guardian1" /></Item>
          <Item wide><GuardianBlock source="guardian2" /></Item>
        </Section>
      </Half>
      <Half>
        <Section title="resources.Volunteer.sections.needs">
          <Item><Labeled><BooleanField source="disability" /></Labeled></Item>
          <Item><Labeled><BooleanField source="reducedMobility" /></Labeled></Item>
          <Item><Labeled><BooleanField source="ppsBeneficiary" /></Labeled></Item>
          <Item><Labeled><BooleanField source="paiBeneficiary" /></Labeled></Item>
          <Item><Labeled><BooleanField source="allergies" /></Labeled></Item>
          <Item wide><Labeled><TextField source="specialNeedsDetails" emptyText="—" /></Labeled></Item>
        </Section>
      </Half>
      <Half>
        <Section title="resources.Volunteer.sections.decision">
          <Item><Labeled><EnumText source="refusalReason" enumName="RefusalReason" /></Labeled></Item>
          <Item><Labeled><TextField source="refusalMessage" emptyText="—" /></Labeled></Item>
          <Item><Labeled><TextField source="withdrawalReason" emptyText="—" /></Labeled></Item>
          <Item><Labeled><TextField source="withdrawalMessage" emptyText="—" /></Labeled></Item>
          <Item><Labeled><DateField source="createdAt" /></Labeled></Item>
          <Item><Labeled><DateField source="updatedAt" showTime /></Labeled></Item>
        </Section>
      </Half>
    </Grid>
  );
}

/** The stay and the placement, read from the volunteer's own nested fields (the centre may be out of the user's scope). */
function PlacementTab() {
  const locale = useLocale();
  return (
    <Grid container spacing={2}>
      <Half>
        <Section title="resources.Volunteer.sections.stay">
          <Item wide><Labeled><FunctionField<VolunteerRecord> source="cohort" render={(r) => r.cohort.name} /></Labeled></Item>
          <Item><Labeled label="resources.Cohort.fields.startDate"><FunctionField<VolunteerRecord> render={(r) => formatDate(r.cohort.startDate, locale)} /></Labeled></Item>
          <Item><Labeled label="resources.Cohort.fields.endDate"><FunctionField<VolunteerRecord> render={(r) => formatDate(r.cohort.endDate, locale)} /></Labeled></Item>
          <Item><Labeled label="resources.Cohort.fields.instructionEndDate"><FunctionField<VolunteerRecord> render={(r) => formatDate(r.cohort.instructionEndDate, locale)} /></Labeled></Item>
          <Item><Labeled label="resources.Volunteer.fields.status"><VolunteerStatusChip /></Labeled></Item>
        </Section>
      </Half>
      <Half>
        <Section title="resources.Volunteer.sections.placement">
          <Item><Labeled label="resources.Volunteer.fields.phase1Status"><Phase1StatusChip /></Labeled></Item>
          <Item wide><Labeled><FunctionField<VolunteerRecord> source="session" render={(r) => (r.session ? `${r.session.center.name}, ${r.session.center.city}` : '—')} /></Labeled></Item>
          <Item wide><Labeled label="resources.Volunteer.fields.placementCenterDepartment"><FunctionField<VolunteerRecord> render={(r) => coded(r.session?.center.department)} /></Labeled></Item>
          <Item wide>
            <Labeled>
              <FunctionField<VolunteerRecord> source="meetingPoint" render={(r) => (r.meetingPoint ? `${r.meetingPoint.name} — ${r.meetingPoint.address}, ${r.meetingPoint.zip} ${r.meetingPoint.city}` : '—')} />
            </Labeled>
          </Item>
          <Item><Labeled><FunctionField<VolunteerRecord> source="transportLine" render={(r) => r.transportLine?.code ?? '—'} /></Labeled></Item>
          <Item>
            <Labeled label="resources.Volunteer.fields.departureAt">
              <FunctionField<VolunteerRecord> render={(r) => formatDeparture(r.transportLine?.stops.find((s) => s.meetingPointId === r.meetingPoint?.id)?.departureAt, locale)} />
            </Labeled>
          </Item>
          <Item><Labeled><DateField source="arrivedAt" showTime emptyText="—" /></Labeled></Item>
          <Item wide><VolunteerPlacementActions /></Item>
        </Section>
      </Half>
    </Grid>
  );
}

/** A volunteer's file: identity, schooling, guardians, needs, decision; stay and placement; corrections, history, notes, e-mails. */
export function VolunteerShow() {
  const { permissions } = usePermissions<Role>();
  return (
    <Show title={<Title />} actions={isReviewer(permissions) ? <VolunteerActions /> : false} queryOptions={{ meta: { sparseFields: VOLUNTEER_SHOW_FIELDS } }}>
      <Summary />
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.file">
          <FileTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.placement" path="sejour">
          <PlacementTab />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.corrections" path="corrections">
          <VolunteerCorrections />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.history" path="historique">
          <VolunteerHistory />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.notes" path="notes">
          <VolunteerNotes />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.emails" path="emails">
          <VolunteerEmails />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
