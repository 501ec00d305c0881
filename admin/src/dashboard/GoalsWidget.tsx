import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslate } from 'react-admin';
import { useFormatters } from '../common/format';
import type { DashboardFigures } from './cohortDashboard';
import { WidgetCard } from './WidgetCard';

/** Each departmental goal: validated files against the goal, the fullest first. */
export function GoalsWidget({ figures }: { figures: DashboardFigures }) {
  const translate = useTranslate();
  const f = useFormatters();
  const goals = [...figures.goals].sort((a, b) => b.rate - a.rate || a.department.code.localeCompare(b.department.code));
  return (
    <WidgetCard title={translate('dashboard.goals.title')} caption={translate('dashboard.goals.caption')}>
      {goals.length === 0 ? (
        <Typography>{translate('dashboard.goals.empty')}</Typography>
      ) : (
        <Box sx={{ maxHeight: 420, overflowY: 'auto', pr: 1 }} tabIndex={0} role="region" aria-label={translate('dashboard.goals.caption')}>
          {goals.map((g) => {
            const label = `${g.department.code} – ${g.department.name}`;
            return (
              <Box key={g.department.id} sx={{ mb: 1.5 }}>
                <Typography variant="body2" sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
                  <span>{label}</span>
                  <span style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {translate('dashboard.goals.row', { validated: f.integer(g.validated), max: f.integer(g.max), rate: f.percent(g.rate) })}
                    {g.rate >= 1 ? ` · ${translate('dashboard.goals.reached')}` : ''}
                  </span>
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={Math.min(100, g.rate * 100)}
                  color={g.rate >= 1 ? 'error' : g.rate >= 0.9 ? 'warning' : 'primary'}
                  aria-label={label}
                  sx={{ height: 8, borderRadius: 1 }}
                />
              </Box>
            );
          })}
        </Box>
      )}
    </WidgetCard>
  );
}
