import Typography from '@mui/material/Typography';
import { Link, useTranslate } from 'react-admin';
import { useFormatters } from '../common/format';
import type { DashboardFigures, Level } from './cohortDashboard';
import { FigureTable, StackedBars } from './FigureTable';
import { WidgetCard } from './WidgetCard';
import { addDays } from './days';

const AGES = [
  { key: 'lessThan3Days', color: '#18753c' },
  { key: 'from3To7Days', color: '#b34000' },
  { key: 'moreThan7Days', color: '#ce0500' },
] as const;
const CHART_ROWS = 20;

/** Files waiting for validation per territory, by the age of their last status change; the oldest backlogs first. */
export function BacklogWidget({ figures, cohortId, level, linksToList }: { figures: DashboardFigures; cohortId: string; level: Level; linksToList: boolean }) {
  const translate = useTranslate();
  const f = useFormatters();
  const rows = figures.backlog.filter((r) => r.total > 0).sort((a, b) => b.moreThan7Days - a.moreThan7Days || b.total - a.total);
  // « > 7 j » is by calendar day, like the tallies: unchanged since before the day 7 days ago.
  const link = (territoryId: string, overSevenDays: boolean, value: number) => {
    if (!linksToList || value === 0) return f.integer(value);
    const filter = { cohortId, status: 'WAITING_VALIDATION', [level === 'REGION' ? 'regionId' : 'departmentId']: territoryId, ...(overSevenDays ? { statusChangedBeforeDay: addDays(figures.today, -7) } : {}) };
    return <Link to={`/Volunteer?filter=${encodeURIComponent(JSON.stringify(filter))}`}>{f.integer(value)}</Link>;
  };
  const ageLabel = (key: string) => translate(`dashboard.backlog.${key}`);
  return (
    <WidgetCard title={translate('dashboard.backlog.title')} caption={translate('dashboard.backlog.caption')}>
      {rows.length === 0 ? (
        <Typography>{translate('dashboard.backlog.empty')}</Typography>
      ) : (
        <>
          <StackedBars
            horizontal
            dataset={rows.slice(0, CHART_ROWS).map((r) => ({ label: `${r.territory.code} – ${r.territory.name}`, lessThan3Days: r.lessThan3Days, from3To7Days: r.from3To7Days, moreThan7Days: r.moreThan7Days }))}
            series={AGES.map((a) => ({ key: a.key, label: ageLabel(a.key), color: a.color }))}
          />
          <FigureTable
            label={translate('dashboard.backlog.title')}
            columns={[
              { key: 'territory', label: translate('dashboard.territory'), text: true },
              ...AGES.map((a) => ({
                key: a.key,
                label: (
                  <abbr title={ageLabel(a.key)} style={{ textDecoration: 'none' }}>
                    {translate(`dashboard.backlog.short.${a.key}`)}
                  </abbr>
                ),
              })),
              { key: 'total', label: translate('dashboard.total'), strong: true },
            ]}
            rows={rows.map((r) => ({
              key: r.territory.id,
              label: `${r.territory.code} – ${r.territory.name}`,
              cells: [f.integer(r.lessThan3Days), f.integer(r.from3To7Days), link(r.territory.id, true, r.moreThan7Days), link(r.territory.id, false, r.total)],
            }))}
          />
        </>
      )}
    </WidgetCard>
  );
}
