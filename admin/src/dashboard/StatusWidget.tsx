import Typography from '@mui/material/Typography';
import { Link, useTranslate } from 'react-admin';
import { VOLUNTEER_STATUSES } from '../common/EnumChip';
import { useFormatters } from '../common/format';
import type { DashboardFigures, Level } from './cohortDashboard';
import { FigureTable, StackedBars } from './FigureTable';
import { WidgetCard } from './WidgetCard';

/** Distinct colours per status (the table holds the same figures). */
export const STATUS_COLORS: Record<string, string> = {
  WAITING_VALIDATION: '#0063cb',
  WAITING_CORRECTION: '#b34000',
  VALIDATED: '#18753c',
  WAITING_LIST: '#695240',
  REFUSED: '#ce0500',
  WITHDRAWN: '#6a6af4',
  IN_PROGRESS: '#8585f6',
  ABANDONED: '#929292',
  NOT_AUTHORIZED: '#a94645',
  NOT_ELIGIBLE: '#3a3a3a',
};
const CHART_ROWS = 20;

/**
 * Volunteers per status and territory: a table (every territory, the statuses met) and a stacked
 * bar chart of the largest territories. Reviewers open the matching list from a figure.
 */
export function StatusWidget({ figures, cohortId, level, linksToList }: { figures: DashboardFigures; cohortId: string; level: Level; linksToList: boolean }) {
  const translate = useTranslate();
  const f = useFormatters();
  const rows = figures.statusByTerritory;
  const statuses = VOLUNTEER_STATUSES.filter((s) => rows.some((r) => r.counts.some((c) => c.status === s && c.count > 0)));
  const countOf = (row: (typeof rows)[number], status: string) => row.counts.find((c) => c.status === status)?.count ?? 0;
  const charted = [...rows].filter((r) => r.total > 0).sort((a, b) => b.total - a.total).slice(0, CHART_ROWS);
  const listLink = (territoryId: string, status: string | null) =>
    `/Volunteer?filter=${encodeURIComponent(JSON.stringify({ cohortId, ...(status ? { status } : {}), [level === 'REGION' ? 'regionId' : 'departmentId']: territoryId }))}`;
  const figure = (value: number, territoryId: string, status: string | null) =>
    linksToList && value > 0 ? <Link to={listLink(territoryId, status)}>{f.integer(value)}</Link> : f.integer(value);
  const statusLabel = (s: string) => translate(`enums.VolunteerStatus.${s}`);

  return (
    <WidgetCard
      title={translate('dashboard.status.title')}
      caption={translate(rows.length > CHART_ROWS ? 'dashboard.status.caption' : 'dashboard.status.caption_all', { count: CHART_ROWS })}
    >
      {charted.length === 0 ? (
        <Typography>{translate('dashboard.status.empty')}</Typography>
      ) : (
        <>
          <StackedBars
            horizontal
            dataset={charted.map((r) => ({ label: `${r.territory.code} – ${r.territory.name}`, ...Object.fromEntries(statuses.map((s) => [s, countOf(r, s)])) }))}
            series={statuses.map((s) => ({ key: s, label: statusLabel(s), color: STATUS_COLORS[s] ?? '#666' }))}
          />
          <FigureTable
            label={translate('dashboard.status.title')}
            maxHeight={420}
            columns={[
              { key: 'territory', label: translate('dashboard.territory'), text: true },
              ...statuses.map((s) => ({ key: s, label: statusLabel(s) })),
              { key: 'total', label: translate('dashboard.total'), strong: true },
            ]}
            rows={rows.map((r) => ({
              key: r.territory.id,
              label: `${r.territory.code} – ${r.territory.name}`,
              cells: [...statuses.map((s) => figure(countOf(r, s), r.territory.id, s)), figure(r.total, r.territory.id, null)],
            }))}
          />
        </>
      )}
    </WidgetCard>
  );
}
