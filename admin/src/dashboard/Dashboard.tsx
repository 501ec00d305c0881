import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link, Title, useGetIdentity, useStore, useTranslate } from 'react-admin';
import { type Identity, REVIEWER_ROLES } from '../authProvider';
import { useFormatters } from '../common/format';
import { describeScope } from '../layout/scope';
import { BacklogWidget } from './BacklogWidget';
import { type CohortOption, type Level, loadCohorts, useCohortDashboard } from './cohortDashboard';
import { DecisionsWidget } from './DecisionsWidget';
import { addDays } from './days';
import { GoalsWidget } from './GoalsWidget';
import { SessionsWidget } from './SessionsWidget';
import { StatusWidget } from './StatusWidget';

/** Roles with a dashboard (counts of their scope); heads of centre work from their sessions' pages. */
const DASHBOARD_ROLES = ['ADMIN', 'REFERENT_REGION', 'REFERENT_DEPARTMENT', 'VISITOR'];

/**
 * The home page: who you are, then the chosen cohort's figures for your scope (national staff:
 * per region or per department). The cohort, level and period chosen are kept for the next visit.
 */
export function Dashboard() {
  const translate = useTranslate();
  const f = useFormatters();
  const { data: identity } = useGetIdentity();
  const me = identity as Identity | undefined;
  const [cohorts, setCohorts] = useState<CohortOption[] | null>(null);
  const [cohortId, setCohortId] = useStore<string | null>('dashboard.cohort', null);
  const [level, setLevel] = useStore<Level | null>('dashboard.level', null);
  const [days, setDays] = useStore<number>('dashboard.days', 14);
  const [error, setError] = useState<string | null>(null);
  const hasDashboard = !!me && DASHBOARD_ROLES.includes(me.role);
  const national = me?.role === 'ADMIN';

  useEffect(() => {
    if (!hasDashboard) return;
    loadCohorts().then(({ cohorts: all, defaultId }) => {
      setCohorts(all);
      // A remembered cohort that no longer exists (or another account's choice) falls back to the open one.
      if (!cohortId || !all.some((c) => c.id === cohortId)) setCohortId(defaultId);
    }, (e: Error) => setError(e.message));
    // Loaded once per visit; the picker changes the cohort afterwards.
  }, [hasDashboard]);

  const chosenCohort = cohorts?.find((c) => c.id === cohortId) ?? null;
  const { figures, error: figuresError, loading } = useCohortDashboard(hasDashboard && chosenCohort ? chosenCohort.id : null, national ? level : null, days);

  if (!me) return null;
  const scope = describeScope(me, translate('app.national'));
  const readsVolunteers = me.role !== 'VISITOR';
  const overdue = figures?.backlog.reduce((sum, r) => sum + r.moreThan7Days, 0) ?? 0;
  const shownLevel = figures?.level ?? 'DEPARTMENT';

  return (
    // `contain: inline-size`: wide tables scroll inside their card instead of widening the layout.
    <Grid container spacing={2} sx={{ mt: 1, mb: 2, contain: 'inline-size' }}>
      <Title title="ra.page.dashboard" />
      <Grid size={12}>
        <Card>
          <CardContent>
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' } }}>
              <div>
                <Typography variant="h5" component="h1">
                  {translate('app.welcome', { name: me.fullName })}
                </Typography>
                <Typography color="text.secondary">
                  {translate('app.role', { role: translate(`enums.Role.${me.role}`) })} · {translate('app.scope', { scope })}
                </Typography>
                {hasDashboard && !readsVolunteers && (
                  <Typography variant="body2" color="text.secondary">
                    {translate('app.counts_only')}
                  </Typography>
                )}
              </div>
              {hasDashboard && cohorts && cohorts.length > 0 && (
                <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                  <TextField
                    select
                    size="small"
                    label={translate('dashboard.cohort')}
                    value={chosenCohort?.id ?? ''}
                    onChange={(e) => setCohortId(e.target.value)}
                    sx={{ minWidth: 260 }}
                  >
                    {cohorts.map((c) => (
                      <MenuItem key={c.id} value={c.id}>
                        {c.name}
                        {c.status === 'ARCHIVED' ? ` (${translate('dashboard.archived')})` : ''}
                      </MenuItem>
                    ))}
                  </TextField>
                  {national && (
                    <ToggleButtonGroup size="small" exclusive value={shownLevel} onChange={(_, value: Level | null) => value && setLevel(value)} aria-label={translate('dashboard.level')}>
                      <ToggleButton value="REGION" sx={{ whiteSpace: 'nowrap' }}>{translate('dashboard.by_region')}</ToggleButton>
                      <ToggleButton value="DEPARTMENT" sx={{ whiteSpace: 'nowrap' }}>{translate('dashboard.by_department')}</ToggleButton>
                    </ToggleButtonGroup>
                  )}
                </Stack>
              )}
            </Stack>
          </CardContent>
        </Card>
      </Grid>
      {(error || figuresError) && (
        <Grid size={12}>
          <Alert severity="error">{error ?? figuresError}</Alert>
        </Grid>
      )}
      {hasDashboard && cohorts?.length === 0 && (
        <Grid size={12}>
          <Alert severity="info">{translate('dashboard.no_cohort')}</Alert>
        </Grid>
      )}
      {loading && (
        <Grid size={12}>
          <LinearProgress aria-label={translate('dashboard.loading')} />
        </Grid>
      )}
      {figures && chosenCohort && (
        <>
          {REVIEWER_ROLES.includes(me.role) && (
            <Grid size={12}>
              <Alert
                severity={overdue ? 'warning' : 'success'}
                action={
                  <Link to={`/Volunteer?filter=${encodeURIComponent(JSON.stringify({ cohortId: chosenCohort.id, status: 'WAITING_VALIDATION', statusChangedBeforeDay: addDays(figures.today, -7) }))}`}>
                    {translate('app.open_list')}
                  </Link>
                }
              >
                {translate('app.todo', { count: f.integer(overdue) })}
              </Alert>
            </Grid>
          )}
          <Grid size={12}>
            <StatusWidget figures={figures} cohortId={chosenCohort.id} level={shownLevel} linksToList={readsVolunteers} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <BacklogWidget figures={figures} cohortId={chosenCohort.id} level={shownLevel} linksToList={readsVolunteers} />
          </Grid>
          <Grid size={{ xs: 12, lg: 6 }}>
            <GoalsWidget figures={figures} />
          </Grid>
          <Grid size={12}>
            <DecisionsWidget figures={figures} days={days} onDaysChange={setDays} today={figures.today} />
          </Grid>
          <Grid size={12}>
            <SessionsWidget figures={figures} linksToSessions={readsVolunteers} />
          </Grid>
        </>
      )}
    </Grid>
  );
}
