import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MuiButton from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../common/download';
import { type Formatters, useFormatters } from '../common/format';
import { type Simulation, type SimulationFigures, type VolunteerName, loadVolunteerNames, reportUrl, volunteerPath } from './simulation';

// The chart library is loaded with the first report only, not with the console.
const SimulationCharts = lazy(() => import('./SimulationCharts'));

/** How many volunteers of each unplaced reason the report links to (the workbook lists them all). */
const LINKED_PER_REASON = 5;

type Measure = 'placed' | 'unplaced' | 'sameDepartment' | 'sameRegion' | 'meanDistance' | 'balance';

const MEASURES: ReadonlyArray<{ key: Measure; format: (f: Formatters, value: number) => string }> = [
  { key: 'placed', format: (f, v) => f.integer(v) },
  { key: 'unplaced', format: (f, v) => f.integer(v) },
  { key: 'sameDepartment', format: (f, v) => f.integer(v) },
  { key: 'sameRegion', format: (f, v) => f.integer(v) },
  { key: 'meanDistance', format: (f, v) => f.decimal(v, 2) },
  { key: 'balance', format: (f, v) => f.decimal(v, 3) },
];

/** A titled table that scrolls inside its own box, so the page never scrolls sideways. */
function Section({ title, children, maxHeight }: { title: string; children: ReactNode; maxHeight?: number }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <TableContainer component={Paper} variant="outlined" sx={{ maxHeight, overflowX: 'auto' }}>
        {children}
      </TableContainer>
    </Box>
  );
}

export function VolunteerLink({ id, names }: { id: string; names: Map<string, VolunteerName> }) {
  const name = names.get(id);
  return <Link to={volunteerPath(id)}>{name ? `${name.firstName} ${name.lastName}` : id}</Link>;
}

function FiguresTable({ proposal, baseline }: { proposal: SimulationFigures; baseline: SimulationFigures }) {
  const translate = useTranslate();
  const f = useFormatters();
  const title = translate('assignment.report.figures');
  return (
    <Section title={title}>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('assignment.report.measure')}</TableCell>
            <TableCell align="right" title={proposal.method}>
              {translate('assignment.report.proposal')}
            </TableCell>
            <TableCell align="right" title={baseline.method}>
              {translate('assignment.report.baseline')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {MEASURES.map(({ key, format }) => (
            <TableRow key={key} data-measure={key}>
              <TableCell component="th" scope="row">
                <Typography variant="body2" fontWeight={600}>
                  {translate(`assignment.report.measures.${key}`)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate(`assignment.report.measures.${key}_help`)}
                </Typography>
              </TableCell>
              <TableCell align="right" data-method="proposal" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {format(f, proposal[key])}
              </TableCell>
              <TableCell align="right" data-method="baseline" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {format(f, baseline[key])}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

function SessionsTable({ simulation }: { simulation: Simulation }) {
  const translate = useTranslate();
  const f = useFormatters();
  const title = translate('assignment.report.sessions');
  if (simulation.sessions.length === 0) return <Alert severity="info">{translate('assignment.report.no_sessions')}</Alert>;
  return (
    <Section title={title} maxHeight={420}>
      <Table size="small" stickyHeader aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('assignment.report.session')}</TableCell>
            <TableCell align="right">{translate('assignment.report.places_before')}</TableCell>
            <TableCell align="right">{translate('assignment.report.placed')}</TableCell>
            <TableCell align="right">{translate('assignment.report.places_after')}</TableCell>
            <TableCell align="right">{translate('assignment.report.baseline_placed')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {simulation.sessions.map((s) => (
            <TableRow key={s.sessionId}>
              <TableCell component="th" scope="row">
                <Link to={`/Session/${encodeURIComponent(s.sessionId)}/show`}>{s.label}</Link>
              </TableCell>
              <TableCell align="right">{f.integer(s.placesLeftBefore)}</TableCell>
              <TableCell align="right">{f.integer(s.placed)}</TableCell>
              <TableCell align="right">{f.integer(s.placesLeftAfter)}</TableCell>
              <TableCell align="right">{f.integer(s.baselinePlaced)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

function CentersTable({ simulation }: { simulation: Simulation }) {
  const translate = useTranslate();
  const f = useFormatters();
  const title = translate('assignment.report.centers');
  if (simulation.centers.length === 0) return <Alert severity="info">{translate('assignment.report.no_centers')}</Alert>;
  return (
    <Section title={title} maxHeight={420}>
      <Table size="small" stickyHeader aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('assignment.report.center')}</TableCell>
            <TableCell align="right">{translate('assignment.report.placed')}</TableCell>
            <TableCell align="right">{translate('assignment.report.female_share')}</TableCell>
            <TableCell align="right">{translate('assignment.report.qpv_share')}</TableCell>
            <TableCell align="right">{translate('assignment.report.disability_share')}</TableCell>
            <TableCell align="right">{translate('assignment.report.mean_distance')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {simulation.centers.map((c) => (
            <TableRow key={c.centerId}>
              <TableCell component="th" scope="row">
                <Link to={`/CohesionCenter/${encodeURIComponent(c.centerId)}/show`}>{c.label}</Link>
              </TableCell>
              <TableCell align="right">{f.integer(c.placed)}</TableCell>
              <TableCell align="right">{f.percent(c.femaleShare)}</TableCell>
              <TableCell align="right">{f.percent(c.priorityNeighbourhoodShare)}</TableCell>
              <TableCell align="right">{f.percent(c.disabilityShare)}</TableCell>
              <TableCell align="right">{f.decimal(c.meanDistance, 2)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
}

/** Unplaced volunteers by reason: a count each, and links to the first few files. */
function UnplacedList({ simulation }: { simulation: Simulation }) {
  const translate = useTranslate();
  const f = useFormatters();
  const groups = useMemo(() => {
    const byReason = new Map<string, string[]>();
    for (const u of simulation.unplacedVolunteers) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), u.volunteerId]);
    return [...byReason.entries()];
  }, [simulation.unplacedVolunteers]);
  const [names, setNames] = useState<Map<string, VolunteerName>>(new Map());
  useEffect(() => {
    let live = true;
    // Names only make the links readable: without them the links still work.
    loadVolunteerNames(groups.flatMap(([, ids]) => ids.slice(0, LINKED_PER_REASON))).then(
      (loaded) => live && setNames(loaded),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [groups]);

  return (
    <Box component="section" aria-label={translate('assignment.report.unplaced')}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {translate('assignment.report.unplaced')}
      </Typography>
      {groups.length === 0 ? (
        <Alert severity="success">{translate('assignment.report.no_unplaced')}</Alert>
      ) : (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Stack spacing={1.5}>
            {groups.map(([reason, ids]) => (
              <Box key={reason} data-reason={reason}>
                <Typography variant="body2" fontWeight={600}>
                  {translate(`assignment.report.reasons.${reason}`, { _: reason })} : {f.counted('assignment.report.reason_count', ids.length)}
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 3 }}>
                  {ids.slice(0, LINKED_PER_REASON).map((id) => (
                    <li key={id}>
                      <VolunteerLink id={id} names={names} />
                    </li>
                  ))}
                  {ids.length > LINKED_PER_REASON && (
                    <li>
                      <Typography variant="body2" color="text.secondary">
                        {f.counted('assignment.report.and_more', ids.length - LINKED_PER_REASON)}
                      </Typography>
                    </li>
                  )}
                </Box>
              </Box>
            ))}
          </Stack>
        </Paper>
      )}
    </Box>
  );
}

/** The report of a READY or APPLIED simulation: both methods' figures, sessions, centres, who is left out. */
export function SimulationReport({ simulation, actions }: { simulation: Simulation; actions?: ReactNode }) {
  const translate = useTranslate();
  const notify = useNotify();
  const f = useFormatters();
  return (
    <Stack spacing={3}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Box sx={{ flex: '1 1 auto', minWidth: 0 }}>
          <Typography variant="h6" component="h2">
            {translate('assignment.report.title', { date: f.dateTime(simulation.createdAt) })}
          </Typography>
          <Typography color="text.secondary" data-testid="simulation-summary">
            {[
              f.counted('assignment.report.summary.candidates', simulation.candidates),
              f.counted('assignment.report.summary.placed', simulation.placed),
              f.counted('assignment.report.summary.unplaced', simulation.unplaced),
            ].join(' · ')}
          </Typography>
        </Box>
        {/* Fetched with the session cookie (the server checks the scope); a refusal is a message, not a saved file. */}
        <MuiButton
          startIcon={<DownloadIcon />}
          variant="outlined"
          onClick={() => downloadFile(reportUrl(simulation.id), `simulation-${simulation.id}.xlsx`).catch((error: Error) => notify(error.message, { type: 'error', multiLine: true }))}
        >
          {translate('assignment.report.download')}
        </MuiButton>
        {actions}
      </Stack>
      {simulation.proposal && simulation.baseline ? (
        <FiguresTable proposal={simulation.proposal} baseline={simulation.baseline} />
      ) : (
        <Alert severity="info">{translate('assignment.report.no_figures')}</Alert>
      )}
      <Suspense fallback={<Typography color="text.secondary">{translate('ra.page.loading')}</Typography>}>
        <SimulationCharts simulation={simulation} />
      </Suspense>
      <SessionsTable simulation={simulation} />
      <CentersTable simulation={simulation} />
      <UnplacedList simulation={simulation} />
    </Stack>
  );
}
