import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import MuiTextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Loading, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { Identity, Me } from '../authProvider';
import { AppliedResult, ApplyButton } from './ApplyDialog';
import { useFormatters } from '../common/format';
import {
  type Choices,
  type DepartmentChoice,
  type Simulation,
  type SimulationStatus,
  type SimulationSummary,
  isPlacementManager,
  loadChoices,
  loadDepartments,
  loadRecentSimulations,
  loadSimulation,
  startSimulation,
} from './simulation';
import { SimulationReport } from './SimulationReport';

const POLL_MS = 1000;

const STATUS_COLOURS: Record<SimulationStatus, 'info' | 'primary' | 'error' | 'success'> = {
  RUNNING: 'info',
  READY: 'primary',
  FAILED: 'error',
  APPLIED: 'success',
};

export function StatusChip({ status }: { status: SimulationStatus }) {
  const translate = useTranslate();
  return <Chip size="small" color={STATUS_COLOURS[status]} label={translate(`assignment.status.${status}`)} />;
}

/** The « Affectation » page: choose what to simulate, follow the computation, read the report, apply it. */
export function AssignmentPage() {
  const translate = useTranslate();
  const { data: identity } = useGetIdentity();
  const me = identity as Identity | undefined;
  if (!me) return <Loading />;
  return (
    <Box sx={{ mt: 1, minWidth: 0 }}>
      <Title title="assignment.title" />
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {translate('assignment.title')}
      </Typography>
      {isPlacementManager(me.role) ? <AssignmentWorkspace me={me} /> : <Alert severity="warning">{translate('assignment.not_allowed')}</Alert>}
    </Box>
  );
}

function AssignmentWorkspace({ me }: { me: Me }) {
  const translate = useTranslate();
  const notify = useNotify();
  const national = me.role === 'ADMIN';
  const [searchParams, setSearchParams] = useSearchParams();
  // The shown simulation lives in the URL: a report can be reloaded, bookmarked or shared.
  const selectedId = searchParams.get('simulation');
  const select = useCallback(
    (id: string | null) => {
      const next = new URLSearchParams(searchParams);
      if (id) next.set('simulation', id);
      else next.delete('simulation');
      setSearchParams(next);
    },
    [searchParams, setSearchParams],
  );

  const [choices, setChoices] = useState<Choices | null>(null);
  const [cohortId, setCohortId] = useState('');
  const [regionId, setRegionId] = useState(national ? '' : (me.region?.id ?? ''));
  const [departments, setDepartments] = useState<DepartmentChoice[]>([]);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [recent, setRecent] = useState<SimulationSummary[] | null>(null);
  const [recentVersion, setRecentVersion] = useState(0);
  const [launching, setLaunching] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    loadChoices(me).then(
      (loaded) => {
        setChoices(loaded);
        setCohortId((current) => current || loaded.defaultCohortId || '');
      },
      (e: Error) => setError(e.message),
    );
  }, [me]);

  useEffect(() => {
    setDepartments([]);
    setDepartmentIds([]);
    if (!regionId) return;
    let live = true;
    loadDepartments(regionId).then(
      (loaded) => live && setDepartments(loaded),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [regionId]);

  useEffect(() => {
    if (!regionId) {
      setRecent(null);
      return;
    }
    let live = true;
    loadRecentSimulations(regionId).then(
      (loaded) => live && setRecent(loaded),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [regionId, recentVersion]);

  const refreshRecent = useCallback(() => setRecentVersion((v) => v + 1), []);
  const cohort = choices?.cohorts.find((c) => c.id === cohortId) ?? null;
  // Archived cohorts are closed to assignment: only published ones are offered.
  const openable = useMemo(() => choices?.cohorts.filter((c) => c.status === 'PUBLISHED') ?? [], [choices]);
  const shown = useCallback(
    (simulation: Simulation) => {
      // A report opened by its address: national staff see it with its region's list.
      if (national) setRegionId((current) => current || simulation.regionId);
    },
    [national],
  );
  // The server refuses too (WINDOW_CLOSED); said before the click rather than after.
  const windowClosed = !national && !!cohort && !cohort.manualAssignmentOpenForRegion;

  const launch = async () => {
    setLaunching(true);
    try {
      const started = await startSimulation({ cohortId, regionId, departmentIds });
      select(started.id);
      refreshRecent();
    } catch (e) {
      notify((e as Error).message, { type: 'error', multiLine: true });
    } finally {
      setLaunching(false);
    }
  };

  if (!choices) return error ? <Alert severity="error">{error}</Alert> : <Loading />;

  return (
    <Stack spacing={2}>
      <Typography color="text.secondary" sx={{ maxWidth: 900 }}>
        {translate('assignment.intro')}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      <Card>
        <CardContent>
          {openable.length === 0 ? (
            <Alert severity="info">{translate('assignment.form.no_cohort')}</Alert>
          ) : (
            <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
              <MuiTextField select label={translate('assignment.form.cohort')} value={cohortId} onChange={(e) => setCohortId(e.target.value)} name="cohortId" size="small" fullWidth={false} sx={{ width: 220 }}>
                {openable.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {c.name}
                  </MenuItem>
                ))}
              </MuiTextField>
              <MuiTextField
                select
                label={translate('assignment.form.region')}
                value={regionId}
                onChange={(e) => {
                  setRegionId(e.target.value);
                  select(null);
                }}
                name="regionId"
                size="small"
                disabled={!national}
                fullWidth={false}
                helperText={national && !regionId ? translate('assignment.form.pick_region') : undefined}
                sx={{ width: 260 }}
              >
                {choices.regions.map((r) => (
                  <MenuItem key={r.id} value={r.id}>
                    {r.name}
                  </MenuItem>
                ))}
              </MuiTextField>
              <MuiTextField
                select
                label={translate('assignment.form.departments')}
                value={departmentIds}
                name="departmentIds"
                size="small"
                disabled={!regionId}
                fullWidth={false}
                sx={{ flex: '1 1 260px', minWidth: 260, maxWidth: 480 }}
                slotProps={{
                  inputLabel: { shrink: true },
                  select: {
                    multiple: true,
                    displayEmpty: true,
                    renderValue: (value) => {
                      const ids = value as string[];
                      if (ids.length === 0) return translate('assignment.form.all_departments');
                      return departments
                        .filter((d) => ids.includes(d.id))
                        .map((d) => `${d.code} – ${d.name}`)
                        .join(', ');
                    },
                  },
                }}
                onChange={(e) => {
                  const value = e.target.value as unknown as string[] | string;
                  setDepartmentIds(typeof value === 'string' ? value.split(',') : value);
                }}
              >
                {departments.map((d) => (
                  <MenuItem key={d.id} value={d.id}>
                    {d.code} – {d.name}
                  </MenuItem>
                ))}
              </MuiTextField>
              <Button label="assignment.form.launch" variant="contained" size="large" onClick={launch} disabled={launching || !cohortId || !regionId || windowClosed} />
            </Stack>
          )}
          {windowClosed && cohort && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {translate('assignment.form.window_closed', { name: cohort.name })}
            </Alert>
          )}
        </CardContent>
      </Card>
      {/* The list before the report: reopening another one needs no scrolling through a long report. */}
      {regionId && <RecentSimulations simulations={recent} choices={choices} selectedId={selectedId} onOpen={select} />}
      {selectedId && <SelectedSimulation key={selectedId} id={selectedId} onSettled={refreshRecent} onShown={shown} />}
    </Stack>
  );
}

/** The recent simulations of the region, newest first, each one reopenable. */
function RecentSimulations({ simulations, choices, selectedId, onOpen }: { simulations: SimulationSummary[] | null; choices: Choices; selectedId: string | null; onOpen: (id: string) => void }) {
  const translate = useTranslate();
  const f = useFormatters();
  const cohortNames = useMemo(() => new Map(choices.cohorts.map((c) => [c.id, c.name])), [choices]);
  const title = translate('assignment.recent.title');
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {simulations === null ? (
        <LinearProgress />
      ) : simulations.length === 0 ? (
        <Alert severity="info">{translate('assignment.recent.empty')}</Alert>
      ) : (
        <TableContainer component={Paper} variant="outlined" sx={{ maxHeight: 260 }}>
          <Table size="small" stickyHeader aria-label={title}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('assignment.recent.date')}</TableCell>
                <TableCell>{translate('assignment.recent.cohort')}</TableCell>
                <TableCell>{translate('assignment.recent.status')}</TableCell>
                <TableCell align="right">{translate('assignment.recent.placed')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {simulations.map((s) => (
                <TableRow key={s.id} data-simulation={s.id} selected={s.id === selectedId}>
                  <TableCell>{f.dateTime(s.createdAt)}</TableCell>
                  <TableCell>{cohortNames.get(s.cohortId) ?? '—'}</TableCell>
                  <TableCell>
                    <StatusChip status={s.status} />
                  </TableCell>
                  <TableCell align="right">{s.status === 'RUNNING' || s.status === 'FAILED' ? '—' : `${f.integer(s.placed)} / ${f.integer(s.candidates)}`}</TableCell>
                  <TableCell align="right">
                    {s.id === selectedId ? (
                      // Primary text: the secondary grey falls under 4.5:1 on the selected row's tint.
                      <Typography variant="body2">
                        {translate('assignment.recent.opened')}
                      </Typography>
                    ) : (
                      <Button label="assignment.recent.open" onClick={() => onOpen(s.id)} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}

/** One simulation: polled every second while it runs, then its report (and « Appliquer » when ready). */
function SelectedSimulation({ id, onSettled, onShown }: { id: string; onSettled: () => void; onShown: (simulation: Simulation) => void }) {
  const translate = useTranslate();
  const [simulation, setSimulation] = useState<Simulation | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let polled = false;
    const tick = async () => {
      try {
        const loaded = await loadSimulation(id);
        if (!live) return;
        setError(null);
        if (!loaded) {
          setMissing(true);
          return;
        }
        setSimulation(loaded);
        if (!polled) onShown(loaded);
        if (loaded.status === 'RUNNING') {
          polled = true;
          timer = setTimeout(tick, POLL_MS);
        } else if (polled) {
          // The list shows the new status too.
          onSettled();
        }
      } catch (e) {
        if (!live) return;
        // A lost request is not a failed simulation: say it, and keep asking.
        setError((e as Error).message);
        timer = setTimeout(tick, POLL_MS * 3);
      }
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, onSettled, onShown]);

  const applied = useCallback(
    (result: Simulation) => {
      setSimulation(result);
      onSettled();
    },
    [onSettled],
  );

  if (missing) return <Alert severity="warning">{translate('assignment.not_found')}</Alert>;
  if (!simulation) return error ? <Alert severity="error">{error}</Alert> : <LinearProgress />;
  return (
    <Stack spacing={2}>
      {error && <Alert severity="error">{error}</Alert>}
      {simulation.status === 'RUNNING' && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {translate('assignment.running', { progress: simulation.progress })}
          </Typography>
          <LinearProgress variant="determinate" value={simulation.progress} aria-label={translate('assignment.running', { progress: simulation.progress })} />
        </Paper>
      )}
      {simulation.status === 'FAILED' && (
        <Alert severity="error">{simulation.error ? translate('assignment.failed', { error: simulation.error }) : translate('assignment.failed_unknown')}</Alert>
      )}
      {simulation.status === 'APPLIED' && <AppliedResult simulation={simulation} />}
      {(simulation.status === 'READY' || simulation.status === 'APPLIED') && <SimulationReport simulation={simulation} actions={<ApplyButton simulation={simulation} onApplied={applied} />} />}
    </Stack>
  );
}
