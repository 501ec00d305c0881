import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import MuiTextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { Button, useNotify, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { gql } from '../api';
import type { Role } from '../authProvider';

interface GoalRow {
  departmentId: string;
  code: string;
  name: string;
  region: string;
  validated: number;
  max: number | null;
}

const GOALS_QUERY = `query($cohortId: ID!) {
  departments: allDepartments(perPage: 200, sortField: "code", sortOrder: "ASC") { id code name region { name } }
  goals: allInscriptionGoals(perPage: 200, filter: { cohortId: $cohortId }) { departmentId max }
  counts: volunteerCounts(filter: { cohortId: $cohortId, status: VALIDATED }, groupBy: [DEPARTMENT]) { departmentId count }
}`;

type GoalsAnswer = {
  departments: Array<{ id: string; code: string; name: string; region: { name: string } }>;
  goals: Array<{ departmentId: string | null; max: number }>;
  counts: Array<{ departmentId: string | null; count: number }>;
};

async function loadGoals(cohortId: string): Promise<GoalRow[]> {
  const answer = await gql<GoalsAnswer>(GOALS_QUERY, { cohortId });
  const goals = new Map(answer.goals.map((g) => [g.departmentId, g.max]));
  const counts = new Map(answer.counts.map((c) => [c.departmentId, c.count]));
  return answer.departments.map((d) => ({ departmentId: d.id, code: d.code, name: d.name, region: d.region.name, validated: counts.get(d.id) ?? 0, max: goals.get(d.id) ?? null }));
}

/**
 * The cohort's goal per department, with the files validated so far: read by everyone who may
 * read goals, edited by national staff (only the changed lines are sent, in one transaction).
 */
export function CohortGoals() {
  const record = useRecordContext<{ id: string; status: string }>();
  const { permissions } = usePermissions<Role>();
  const translate = useTranslate();
  const notify = useNotify();
  const [rows, setRows] = useState<GoalRow[] | null>(null);
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const editable = permissions === 'ADMIN';

  useEffect(() => {
    if (!record) return;
    let live = true;
    loadGoals(record.id).then((loaded) => live && setRows(loaded), (error: Error) => notify(error.message, { type: 'error' }));
    return () => {
      live = false;
    };
  }, [record, notify]);

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    // Outside national staff, the departments the user has figures for (its territory's).
    const relevant = (rows ?? []).filter((r) => editable || r.max !== null || r.validated > 0);
    return relevant.filter((r) => !q || r.code.toLowerCase().startsWith(q) || r.name.toLowerCase().includes(q) || r.region.toLowerCase().includes(q));
  }, [rows, filter, editable]);

  if (!record || !rows) return <LinearProgress aria-label={translate('ra.page.loading')} />;
  const changed = rows.filter((r) => r.departmentId in edits && (edits[r.departmentId]!.trim() === '' ? null : Number(edits[r.departmentId])) !== r.max);
  const invalid = changed.some((r) => edits[r.departmentId]!.trim() !== '' && !/^\d+$/.test(edits[r.departmentId]!.trim()));

  const save = async () => {
    setBusy(true);
    try {
      await gql('mutation($cohortId: ID!, $goals: [InscriptionGoalInput!]!) { setInscriptionGoals(cohortId: $cohortId, goals: $goals) { id } }', {
        cohortId: record.id,
        goals: changed.map((r) => ({ departmentId: r.departmentId, max: edits[r.departmentId]!.trim() === '' ? null : Number(edits[r.departmentId]) })),
      });
      notify('app.goal_editor.saved', { type: 'success', messageArgs: { smart_count: changed.length } });
      setEdits({});
      setRows(await loadGoals(record.id));
    } catch (error) {
      notify((error as Error).message, { type: 'error', multiLine: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <MuiTextField size="small" sx={{ width: 320 }} label={translate('app.goal_editor.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} name="goal-filter" />
        {editable && (
          <Button label="app.goal_editor.save" variant="contained" disabled={busy || changed.length === 0 || invalid} onClick={save} />
        )}
        {editable && changed.length > 0 && <Typography variant="body2">{translate('app.goal_editor.pending', { smart_count: changed.length })}</Typography>}
      </Box>
      <Table size="small" aria-label={translate('app.goal_editor.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('resources.InscriptionGoal.fields.department')}</TableCell>
            <TableCell>{translate('resources.InscriptionGoal.fields.region')}</TableCell>
            <TableCell align="right">{translate('resources.InscriptionGoal.fields.validated')}</TableCell>
            <TableCell align="right">{translate('resources.InscriptionGoal.fields.max')}</TableCell>
            <TableCell sx={{ width: 160 }}>{translate('resources.InscriptionGoal.fields.completion')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((r) => {
            const value = edits[r.departmentId] ?? (r.max === null ? '' : String(r.max));
            const rate = r.max ? Math.min(100, Math.round((r.validated / r.max) * 100)) : null;
            return (
              <TableRow key={r.departmentId}>
                <TableCell>{`${r.code} – ${r.name}`}</TableCell>
                <TableCell>{r.region}</TableCell>
                <TableCell align="right">{r.validated.toLocaleString('fr-FR')}</TableCell>
                <TableCell align="right">
                  {editable ? (
                    <MuiTextField
                      size="small"
                      variant="standard"
                      value={value}
                      onChange={(e) => setEdits({ ...edits, [r.departmentId]: e.target.value })}
                      inputProps={{ inputMode: 'numeric', 'aria-label': translate('app.goal_editor.input', { department: `${r.code} – ${r.name}` }), style: { textAlign: 'right', width: 80 } }}
                      error={value.trim() !== '' && !/^\d+$/.test(value.trim())}
                      placeholder="—"
                    />
                  ) : (
                    (r.max?.toLocaleString('fr-FR') ?? '—')
                  )}
                </TableCell>
                <TableCell>
                  {rate === null ? '—' : (
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      <LinearProgress variant="determinate" value={rate} sx={{ flex: 1 }} color={rate >= 100 ? 'warning' : 'primary'} aria-label={`${rate} %`} />
                      <Typography variant="body2">{`${rate} %`}</Typography>
                    </Box>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
