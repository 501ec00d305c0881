import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import {
  BooleanField,
  DateField,
  EmailField,
  FunctionField,
  Labeled,
  Show,
  TabbedShowLayout,
  TextField,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { REVIEWER_ROLES, type Role } from '../authProvider';
import { EnumChip } from '../common/EnumChip';
import { coded, type Coded } from '../common/TextOf';
import { VOLUNTEER_SHOW_FIELDS } from './fields';
import { VolunteerActions } from './VolunteerActions';
import { VolunteerCorrections } from './VolunteerCorrections';
import { VolunteerEmails } from './VolunteerEmails';
import { VolunteerHistory } from './VolunteerHistory';
import { VolunteerNotes } from './VolunteerNotes';

interface Guardian {
  firstName: string;
  lastName: string;
  relationship: string;
  email: string | null;
  phone: string | null;
  consent: boolean | null;
}

interface VolunteerRecord {
  firstName: string;
  lastName: string;
  department: Coded & { region: Coded };
  cohort: { name: string; startDate: string; endDate: string };
  session: { center: { name: string; city: string; department: Coded } } | null;
  meetingPoint: { name: string; address: string; city: string } | null;
  guardian1: Guardian;
  guardian2: Guardian | null;
  schoolSituation: string;
  grade: string | null;
  gender: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="h6" gutterBottom>{translate(title)}</Typography>
        <Grid container spacing={2}>{children}</Grid>
      </CardContent>
    </Card>
  );
}

function Item({ children }: { children: ReactNode }) {
  return <Grid size={{ xs: 12, sm: 6 }}>{children}</Grid>;
}

function GuardianBlock({ source }: { source: 'guardian1' | 'guardian2' }) {
  const record = useRecordContext<VolunteerRecord>();
  const translate = useTranslate();
  const g = record?.[source];
  if (!g) return <Typography color="text.secondary">—</Typography>;
  const consent = g.consent === null ? 'En attente' : g.consent ? 'Oui' : 'Non';
  return (
    <Typography component="div" variant="body2">
      <strong>{translate(`resources.Volunteer.fields.${source}`)}</strong> — {g.firstName} {g.lastName} ({translate(`enums.Relationship.${g.relationship}`, { _: g.relationship })})
      <br />
      {g.email ?? '—'} · {g.phone ?? '—'}
      <br />
      Consentement : {consent}
    </Typography>
  );
}

function Title() {
  const record = useRecordContext<VolunteerRecord>();
  return <span>{record ? `${record.firstName} ${record.lastName}` : ''}</span>;
}

/** A volunteer's file: identity, schooling, guardians, needs, placement, history, notes, e-mails. */
export function VolunteerShow() {
  const translate = useTranslate();
  const { permissions } = usePermissions<Role>();
  const reviewer = !!permissions && REVIEWER_ROLES.includes(permissions);
  return (
    <Show title={<Title />} actions={reviewer ? <VolunteerActions /> : false} queryOptions={{ meta: { sparseFields: VOLUNTEER_SHOW_FIELDS } }}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.file">
          <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title="resources.Volunteer.sections.identity">
                <Item><Labeled><TextField source="lastName" /></Labeled></Item>
                <Item><Labeled><TextField source="firstName" /></Labeled></Item>
                <Item><Labeled><DateField source="birthDate" /></Labeled></Item>
                <Item><Labeled><FunctionField<VolunteerRecord> source="gender" render={(r) => translate(`enums.Gender.${r.gender}`)} /></Labeled></Item>
                <Item><Labeled><EmailField source="email" /></Labeled></Item>
                <Item><Labeled><TextField source="phone" emptyText="—" /></Labeled></Item>
                <Item><Labeled><EnumChip source="status" enumName="VolunteerStatus" /></Labeled></Item>
                <Item><Labeled><DateField source="statusChangedAt" showTime /></Labeled></Item>
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title="resources.Volunteer.sections.address">
                <Item><Labeled><TextField source="address" /></Labeled></Item>
                <Item><Labeled><FunctionField<VolunteerRecord> source="city" render={(r) => `${(r as unknown as { zip: string }).zip} ${(r as unknown as { city: string }).city}`} /></Labeled></Item>
                <Item><Labeled><FunctionField<VolunteerRecord> source="department" render={(r) => `${coded(r.department)} (${r.department.region.name})`} /></Labeled></Item>
                <Item><Labeled><BooleanField source="priorityNeighbourhood" /></Labeled></Item>
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title="resources.Volunteer.sections.schooling">
                <Item><Labeled><FunctionField<VolunteerRecord> source="schoolSituation" render={(r) => translate(`enums.SchoolSituation.${r.schoolSituation}`)} /></Labeled></Item>
                <Item><Labeled><FunctionField<VolunteerRecord> source="grade" render={(r) => (r.grade ? translate(`enums.Grade.${r.grade}`) : '—')} /></Labeled></Item>
                <Grid size={12}><Labeled><TextField source="schoolName" emptyText="—" /></Labeled></Grid>
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title="resources.Volunteer.sections.guardians">
                <Grid size={12}><GuardianBlock source="guardian1" /></Grid>
                <Grid size={12}><GuardianBlock source="guardian2" /></Grid>
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title="resources.Volunteer.sections.needs">
                <Item><Labeled><BooleanField source="disability" /></Labeled></Item>
                <Item><Labeled><BooleanField source="reducedMobility" /></Labeled></Item>
                <Item><Labeled><BooleanField source="ppsBeneficiary" /></Labeled></Item>
                <Item><Labeled><BooleanField source="paiBeneficiary" /></Labeled></Item>
                <Item><Labeled><BooleanField source="allergies" /></Labeled></Item>
                <Grid size={12}><Labeled><TextField source="specialNeedsDetails" emptyText="—" /></Labeled></Grid>
              </Section>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <Section title="resources.Volunteer.sections.decision">
                <Item><Labeled><FunctionField<{ refusalReason: string | null }> source="refusalReason" render={(r) => (r.refusalReason ? translate(`enums.RefusalReason.${r.refusalReason}`) : '—')} /></Labeled></Item>
                <Item><Labeled><TextField source="refusalMessage" emptyText="—" /></Labeled></Item>
                <Item><Labeled><TextField source="withdrawalReason" emptyText="—" /></Labeled></Item>
                <Item><Labeled><DateField source="createdAt" /></Labeled></Item>
              </Section>
            </Grid>
          </Grid>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="resources.Volunteer.tabs.placement" path="sejour">
          <FunctionField<VolunteerRecord> source="cohort" render={(r) => `${r.cohort.name} (${r.cohort.startDate} → ${r.cohort.endDate})`} />
          <EnumChip source="phase1Status" enumName="Phase1Status" label="resources.Volunteer.fields.phase1Status" />
          <FunctionField<VolunteerRecord> source="session" render={(r) => (r.session ? `${r.session.center.name}, ${r.session.center.city} (${coded(r.session.center.department)})` : '—')} />
          <FunctionField<VolunteerRecord> source="meetingPoint" render={(r) => (r.meetingPoint ? `${r.meetingPoint.name} — ${r.meetingPoint.address}, ${r.meetingPoint.city}` : '—')} />
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
