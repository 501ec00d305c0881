import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link, Title, useGetIdentity, useLocale, useTranslate } from 'react-admin';
import { gql } from '../api';
import { type Identity, type Me, REVIEWER_ROLES } from '../authProvider';
import { describeScope } from '../layout/scope';
import { VOLUNTEER_STATUSES } from '../common/EnumChip';

interface Figures {
  cohort: { id: string; name: string } | null;
  counts: Record<string, number>;
  overdue: number;
  goals: Array<{ department: { code: string; name: string }; max: number; validated: number }>;
}

/** The open cohort: the first published stay whose instruction is not over (on the server's day). */
async function loadFigures(me: Me): Promise<Figures> {
  const { open, published } = await gql<{ open: Array<{ id: string; name: string }>; published: Array<{ id: string; name: string }> }>(
    `{ open: allCohorts(filter: { status: PUBLISHED, instructionOpen: true }, sortField: "startDate", sortOrder: "ASC", perPage: 1) { id name }
       published: allCohorts(filter: { status: PUBLISHED }, sortField: "startDate", sortOrder: "ASC", perPage: 1) { id name } }`,
  );
  const cohort = open[0] ?? published[0] ?? null;
  if (!cohort) return { cohort: null, counts: {}, overdue: 0, goals: [] };
  const withGoals = me.role === 'REFERENT_DEPARTMENT' || me.role === 'REFERENT_REGION' || me.role === 'VISITOR';
  // Every figure in one request: grouped counts (one statement each) instead of one count per
  // figure. Grouped counts are open to every role, visitors included (counts of their region).
  const data = await gql<{
    byStatus: Array<{ status: string; count: number }>;
    overdue: Array<{ count: number }>;
    validated?: Array<{ departmentId: string; count: number }>;
    allInscriptionGoals?: Array<{ max: number; department: { id: string; code: string; name: string } | null }>;
  }>(
    `query($cohort: ID!) {
      byStatus: volunteerCounts(groupBy: [STATUS], filter: { cohortId: $cohort }) { status count }
      overdue: volunteerCounts(groupBy: [STATUS], filter: { cohortId: $cohort, status: WAITING_VALIDATION, waitingForMoreThanDays: 7 }) { count }
      ${withGoals ? `validated: volunteerCounts(groupBy: [DEPARTMENT], filter: { cohortId: $cohort, status: VALIDATED }) { departmentId count }
      allInscriptionGoals(filter: { cohortId: $cohort }, perPage: 200) { max department { id code name } }` : ''}
    }`,
    { cohort: cohort.id },
  );
  const byStatus = new Map(data.byStatus.map((c) => [c.status, c.count]));
  const counts = Object.fromEntries(VOLUNTEER_STATUSES.map((s) => [s, byStatus.get(s) ?? 0]));
  const validated = new Map((data.validated ?? []).map((c) => [c.departmentId, c.count]));
  const goals: Figures['goals'] = (data.allInscriptionGoals ?? [])
    .filter((g) => g.department)
    .map((g) => ({ department: g.department!, max: g.max, validated: validated.get(g.department!.id) ?? 0 }));
  return { cohort, counts, overdue: data.overdue.reduce((sum, group) => sum + group.count, 0), goals };
}

export function Dashboard() {
  const translate = useTranslate();
  const locale = useLocale();
  const { data: identity } = useGetIdentity();
  const me = identity as Identity | undefined;
  const [figures, setFigures] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Visitors read counts only: no link to a list of volunteers.
  const readsVolunteers = !!me && me.role !== 'VISITOR';

  useEffect(() => {
    if (!me) return;
    loadFigures(me).then(setFigures, (e: Error) => setError(e.message));
  }, [me]);

  if (!me) return null;
  const scope = describeScope(me, translate('app.national'));
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <Title title="ra.page.dashboard" />
      <Grid size={12}>
        <Card>
          <CardContent>
            <Typography variant="h5">{translate('app.welcome', { name: me.fullName })}</Typography>
            <Typography color="text.secondary">
              {translate('app.role', { role: translate(`enums.Role.${me.role}`) })} · {translate('app.scope', { scope })}
            </Typography>
          </CardContent>
        </Card>
      </Grid>
      {error && (
        <Grid size={12}>
          <Alert severity="error">{error}</Alert>
        </Grid>
      )}
      {figures?.cohort && (
        <>
          {REVIEWER_ROLES.includes(me.role) && (
            <Grid size={12}>
              <Alert severity={figures.overdue ? 'warning' : 'success'} action={<Link to={`/Volunteer?filter=${encodeURIComponent(JSON.stringify({ status: 'WAITING_VALIDATION', waitingForMoreThanDays: 7 }))}`}>{translate('app.open_list')}</Link>}>
                {translate('app.todo', { count: figures.overdue })}
              </Alert>
            </Grid>
          )}
          <Grid size={{ xs: 12, md: 6 }}>
            <Card>
              <CardContent>
                <Typography variant="h6">{figures.cohort.name}</Typography>
                {!readsVolunteers && (
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {translate('app.counts_only')}
                  </Typography>
                )}
                {VOLUNTEER_STATUSES.map((s) => (
                  <Typography key={s} sx={{ display: 'flex', justifyContent: 'space-between' }}>
                    {readsVolunteers ? (
                      <Link to={`/Volunteer?filter=${encodeURIComponent(JSON.stringify({ status: s, cohortId: figures.cohort!.id }))}`}>{translate(`enums.VolunteerStatus.${s}`)}</Link>
                    ) : (
                      <span>{translate(`enums.VolunteerStatus.${s}`)}</span>
                    )}
                    <strong>{figures.counts[s]?.toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR')}</strong>
                  </Typography>
                ))}
              </CardContent>
            </Card>
          </Grid>
          {figures.goals.length > 0 && (
            <Grid size={{ xs: 12, md: 6 }}>
              <Card>
                <CardContent>
                  <Typography variant="h6">{translate('app.goals')}</Typography>
                  {figures.goals.map((g) => (
                    <div key={g.department.code}>
                      <Typography variant="body2">
                        {g.department.code} – {g.department.name} : {g.validated} / {g.max}
                      </Typography>
                      <LinearProgress variant="determinate" value={Math.min(100, (100 * g.validated) / Math.max(g.max, 1))} sx={{ mb: 1 }} />
                    </div>
                  ))}
                </CardContent>
              </Card>
            </Grid>
          )}
        </>
      )}
    </Grid>
  );
}
