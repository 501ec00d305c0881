import Typography from '@mui/material/Typography';
import { Link, useTranslate } from 'react-admin';
import { useFormatters } from '../common/format';
import type { DashboardFigures } from './cohortDashboard';
import { FigureTable, StackedBars } from './FigureTable';
import { WidgetCard } from './WidgetCard';

/** Fill-rate bands of the distribution chart. */
const BANDS = [
  { label: '0 – 25 %', test: (r: number) => r < 0.25 },
  { label: '25 – 50 %', test: (r: number) => r >= 0.25 && r < 0.5 },
  { label: '50 – 75 %', test: (r: number) => r >= 0.5 && r < 0.75 },
  { label: '75 – 99 %', test: (r: number) => r >= 0.75 && r < 1 },
  { label: '100 %', test: (r: number) => r >= 1 },
];

/** Sessions of the cohort: the overall fill, how many sessions in each band, each session, emptiest first. */
export function SessionsWidget({ figures, linksToSessions }: { figures: DashboardFigures; linksToSessions: boolean }) {
  const translate = useTranslate();
  const f = useFormatters();
  const sessions = [...figures.sessions].sort((a, b) => a.fillRate - b.fillRate || a.centerName.localeCompare(b.centerName, 'fr'));
  const total = sessions.reduce((sum, s) => sum + s.placesTotal, 0);
  const taken = sessions.reduce((sum, s) => sum + s.placesTaken, 0);
  return (
    <WidgetCard
      title={translate('dashboard.sessions.title')}
      caption={
        sessions.length
          ? translate('dashboard.sessions.caption', { sessions: f.integer(sessions.length), taken: f.integer(taken), total: f.integer(total), rate: f.percent(total ? taken / total : 0) })
          : undefined
      }
    >
      {sessions.length === 0 ? (
        <Typography>{translate('dashboard.sessions.empty')}</Typography>
      ) : (
        <>
          <StackedBars
            height={200}
            dataset={BANDS.map((b) => ({ label: b.label, count: sessions.filter((s) => b.test(s.fillRate)).length }))}
            series={[{ key: 'count', label: translate('dashboard.sessions.distribution'), color: '#000091' }]}
          />
          <FigureTable
            label={translate('dashboard.sessions.title')}
            columns={[
              { key: 'center', label: translate('dashboard.sessions.center'), text: true },
              { key: 'department', label: translate('dashboard.sessions.department'), text: true },
              { key: 'places', label: translate('dashboard.sessions.places') },
              { key: 'rate', label: translate('dashboard.sessions.rate') },
            ]}
            rows={sessions.map((s) => ({
              key: s.sessionId,
              label: linksToSessions ? <Link to={`/Session/${s.sessionId}/show`}>{s.centerName}</Link> : s.centerName,
              cells: [s.department.code, `${f.integer(s.placesTaken)} / ${f.integer(s.placesTotal)}`, f.percent(s.fillRate)],
            }))}
          />
        </>
      )}
    </WidgetCard>
  );
}
