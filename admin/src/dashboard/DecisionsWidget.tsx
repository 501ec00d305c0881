import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useLocale, useTranslate } from 'react-admin';
import { useFormatters } from '../common/format';
import type { DashboardFigures } from './cohortDashboard';
import { FigureTable, StackedBars } from './FigureTable';
import { WidgetCard } from './WidgetCard';
import { addDays } from './days';

const KINDS = [
  { key: 'validated', color: '#18753c' },
  { key: 'refused', color: '#ce0500' },
  { key: 'waitingList', color: '#695240' },
  { key: 'correctionRequested', color: '#b34000' },
] as const;
export const PERIODS = [7, 14, 31] as const;

/**
 * Review decisions per day over the period: stacked by kind for the whole scope, and a table of
 * each territory's decisions per day (days without any shown as 0).
 */
export function DecisionsWidget({ figures, days, onDaysChange, today }: { figures: DashboardFigures; days: number; onDaysChange: (days: number) => void; today: string }) {
  const translate = useTranslate();
  const locale = useLocale();
  const f = useFormatters();
  const short = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { day: '2-digit', month: '2-digit', timeZone: 'UTC' });
  const dayList = Array.from({ length: days }, (_, i) => addDays(today, i - days + 1));
  const label = (day: string) => short.format(new Date(`${day}T00:00:00Z`));
  const perDay = dayList.map((day) => {
    const rows = figures.decisions.filter((r) => r.day === day);
    return { label: label(day), ...Object.fromEntries(KINDS.map((k) => [k.key, rows.reduce((sum, r) => sum + r[k.key], 0)])) };
  });
  const territories = [...new Map(figures.decisions.map((r) => [r.territory.id, r.territory])).values()].sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
  const cell = (territoryId: string, day: string) => figures.decisions.find((r) => r.territory.id === territoryId && r.day === day)?.total ?? 0;
  return (
    <WidgetCard
      title={translate('dashboard.decisions.title')}
      caption={translate('dashboard.decisions.caption')}
      action={
        <TextField select size="small" label={translate('dashboard.decisions.days')} value={days} onChange={(e) => onDaysChange(Number(e.target.value))} sx={{ minWidth: 190 }}>
          {PERIODS.map((p) => (
            <MenuItem key={p} value={p}>
              {translate('dashboard.decisions.last_days', { count: p })}
            </MenuItem>
          ))}
        </TextField>
      }
    >
      {figures.decisions.length === 0 ? (
        <Typography>{translate('dashboard.decisions.empty')}</Typography>
      ) : (
        <>
          <StackedBars dataset={perDay} height={260} series={KINDS.map((k) => ({ key: k.key, label: translate(`dashboard.decisions.${k.key}`), color: k.color }))} />
          <FigureTable
            label={translate('dashboard.decisions.per_territory')}
            columns={[{ key: 'territory', label: translate('dashboard.territory'), text: true }, ...dayList.map((day) => ({ key: day, label: label(day) }))]}
            rows={territories.map((t) => ({ key: t.id, label: `${t.code} – ${t.name}`, cells: dayList.map((day) => f.integer(cell(t.id, day))) }))}
          />
        </>
      )}
    </WidgetCard>
  );
}
