import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslate } from 'react-admin';
import { useFormatters } from '../common/format';
import type { Simulation } from './simulation';

/** Bars per row: enough room for a label of a centre's name on the band axis. */
const ROW_HEIGHT = 34;
const LABEL_WIDTH = 260;

function ChartBox({ title, caption, children }: { title: string; caption: string; children: React.ReactNode }) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h6" component="h3" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {caption}
      </Typography>
      <Paper variant="outlined" sx={{ p: 1 }}>
        {children}
      </Paper>
    </Box>
  );
}

/**
 * The report as charts (its tables hold the same figures, readable without sight): per session,
 * the free places before and how many each method fills; per centre, the shares of girls, QPV
 * and disability against the shares of everyone placed (balance means bars close to those).
 */
export default function SimulationCharts({ simulation }: { simulation: Simulation }) {
  const translate = useTranslate();
  const f = useFormatters();
  const sessions = simulation.sessions.map((s) => ({ label: s.label, before: s.placesLeftBefore, placed: s.placed, baseline: s.baselinePlaced }));
  const centers = simulation.centers.filter((c) => c.placed > 0);
  const placed = centers.reduce((sum, c) => sum + c.placed, 0);
  const overall = (share: (c: (typeof centers)[number]) => number) => (placed ? centers.reduce((sum, c) => sum + share(c) * c.placed, 0) / placed : 0);
  const shares = centers.map((c) => ({ label: c.label, female: c.femaleShare * 100, qpv: c.priorityNeighbourhoodShare * 100, disability: c.disabilityShare * 100 }));
  const percent = (value: number | null) => (value === null ? '' : f.percent(value / 100));
  const integer = (value: number | null) => (value === null ? '' : f.integer(value));

  return (
    <Stack spacing={3}>
      {sessions.length > 0 && (
        <ChartBox title={translate('assignment.charts.fill')} caption={translate('assignment.charts.fill_caption')}>
          <BarChart
            dataset={sessions}
            layout="horizontal"
            height={80 + sessions.length * ROW_HEIGHT * 1.5}
            yAxis={[{ scaleType: 'band', dataKey: 'label', width: LABEL_WIDTH }]}
            xAxis={[{ valueFormatter: integer }]}
            series={[
              { dataKey: 'before', label: translate('assignment.charts.places_before'), valueFormatter: integer, color: '#b0b7c3' },
              { dataKey: 'placed', label: translate('assignment.report.proposal'), valueFormatter: integer, color: '#000091' },
              { dataKey: 'baseline', label: translate('assignment.report.baseline'), valueFormatter: integer, color: '#e1000f' },
            ]}
            grid={{ vertical: true }}
          />
        </ChartBox>
      )}
      {shares.length > 0 && (
        <ChartBox
          title={translate('assignment.charts.balance')}
          caption={translate('assignment.charts.balance_caption', {
            female: f.percent(overall((c) => c.femaleShare)),
            qpv: f.percent(overall((c) => c.priorityNeighbourhoodShare)),
            disability: f.percent(overall((c) => c.disabilityShare)),
          })}
        >
          <BarChart
            dataset={shares}
            layout="horizontal"
            height={80 + shares.length * ROW_HEIGHT * 1.5}
            yAxis={[{ scaleType: 'band', dataKey: 'label', width: LABEL_WIDTH }]}
            xAxis={[{ min: 0, max: 100, valueFormatter: (value: number | null) => (value === null ? '' : `${f.integer(value)}\u202f%`) }]}
            series={[
              { dataKey: 'female', label: translate('assignment.report.female_share'), valueFormatter: percent, color: '#6a6af4' },
              { dataKey: 'qpv', label: translate('assignment.report.qpv_share'), valueFormatter: percent, color: '#c3992a' },
              { dataKey: 'disability', label: translate('assignment.report.disability_share'), valueFormatter: percent, color: '#18753c' },
            ]}
            grid={{ vertical: true }}
          />
        </ChartBox>
      )}
    </Stack>
  );
}
