import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { assertUuid } from '../../common/validation';
import { requireRole } from '../../kernel/permissions';
import type { RequestContext } from '../../kernel/request-context';
import { PLACEMENT_MANAGERS } from '../../kernel/roles';
import { ScopedQuery } from '../../scope/scoped-query';
import { findInScope } from '../../scope/write-guard';
import { Department } from '../department/department.entity';
import { Volunteer } from '../volunteer/volunteer.entity';
import { AssignmentSimulation, type SimulationFigures } from './assignment-simulation.entity';

const REASONS: Record<string, string> = {
  NO_PLACE: 'Plus aucune place dans les sessions de la région',
  NO_ACCESSIBLE_PLACE: 'Mobilité réduite : plus aucune place dans une session accessible',
};

const percent = (value: number) => Math.round(value * 1000) / 10;

/**
 * A simulation's report as an XLSX workbook (exceljs's streaming writer): the two methods side by
 * side, the sessions, the centres, and the volunteers left out with their reason. Same scope as
 * the simulation itself (its region); the volunteers' names are read through the scope too.
 */
export async function exportSimulationXlsx(ctx: RequestContext, id: string): Promise<{ fileName: string; write: (out: Writable) => Promise<void> }> {
  requireRole(ctx, PLACEMENT_MANAGERS);
  // Loaded before the first byte: out of scope or missing answers NOT_FOUND as JSON, not a broken file.
  const simulation = await findInScope(ctx.em, AssignmentSimulation, assertUuid(id), { label: 'Cette simulation' });
  return { fileName: `simulation-affectation-${simulation.createdAt.toISOString().slice(0, 10)}.xlsx`, write: (out) => writeWorkbook(ctx, simulation, out) };
}

async function writeWorkbook(ctx: RequestContext, simulation: AssignmentSimulation, out: Writable): Promise<void> {
  const report = simulation.report;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = (name: string, columns: Array<{ header: string; key: string; width: number }>) => {
    const ws = workbook.addWorksheet(name);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    return ws;
  };

  const summary = sheet('Synthèse', [
    { header: 'Indicateur', key: 'label', width: 48 },
    { header: 'Proposition optimisée', key: 'proposal', width: 24 },
    { header: 'Ancienne méthode (300 ordres aléatoires)', key: 'baseline', width: 38 },
  ]);
  const figure = (label: string, pick: (f: SimulationFigures) => number | string) =>
    summary.addRow({ label, proposal: report ? pick(report.proposal) : '', baseline: report ? pick(report.baseline) : '' }).commit();
  summary.addRow({ label: 'Candidats', proposal: simulation.candidates, baseline: simulation.candidates }).commit();
  figure('Placés', (f) => f.placed);
  figure('Non placés', (f) => f.unplaced);
  figure('Écart moyen aux parts filles / QPV / handicap (0 = parfait)', (f) => f.balance);
  figure('Distance moyenne au domicile (0 même département, 1 même région, 2 ailleurs)', (f) => f.meanDistance);
  figure('Placés dans leur département', (f) => f.sameDepartment);
  figure('Placés dans leur région', (f) => f.sameRegion);
  figure('Méthode', (f) => f.method);
  await summary.commit();

  const sessions = sheet('Sessions', [
    { header: 'Session', key: 'label', width: 48 },
    { header: 'Places libres avant', key: 'before', width: 18 },
    { header: 'Placés (proposition)', key: 'placed', width: 20 },
    { header: 'Places libres après', key: 'after', width: 18 },
    { header: 'Remplissage après (%)', key: 'fill', width: 20 },
    { header: 'Placés (ancienne méthode)', key: 'baseline', width: 24 },
  ]);
  for (const s of report?.sessions ?? []) {
    sessions.addRow({ label: s.label, before: s.placesLeftBefore, placed: s.placed, after: s.placesLeftAfter, fill: s.placesLeftBefore ? percent(s.placed / s.placesLeftBefore) : 0, baseline: s.baselinePlaced }).commit();
  }
  await sessions.commit();

  const centers = sheet('Centres', [
    { header: 'Centre', key: 'label', width: 48 },
    { header: 'Placés', key: 'placed', width: 10 },
    { header: 'Filles (%)', key: 'female', width: 12 },
    { header: 'QPV (%)', key: 'qpv', width: 10 },
    { header: 'Handicap (%)', key: 'disability', width: 14 },
    { header: 'Distance moyenne', key: 'distance', width: 18 },
  ]);
  for (const c of report?.centers ?? []) {
    centers.addRow({ label: c.label, placed: c.placed, female: percent(c.femaleShare), qpv: percent(c.priorityNeighbourhoodShare), disability: percent(c.disabilityShare), distance: Math.round(c.meanDistance * 1000) / 1000 }).commit();
  }
  await centers.commit();

  const unplaced = sheet('Non placés', [
    { header: 'Identifiant', key: 'id', width: 38 },
    { header: 'Nom', key: 'lastName', width: 22 },
    { header: 'Prénom', key: 'firstName', width: 22 },
    { header: 'Département', key: 'department', width: 24 },
    { header: 'Raison', key: 'reason', width: 60 },
  ]);
  const left = report?.unplaced ?? [];
  const people = new Map<string, Volunteer>();
  for (let i = 0; i < left.length; i += 1000) {
    const ids = left.slice(i, i + 1000).map((u) => u.volunteerId);
    for (const v of await ScopedQuery.of(ctx.em, Volunteer, { id: { $in: ids } }).rows({ limit: 1000, offset: 0, orderBy: [{ id: 'asc' }] })) people.set(v.id, v);
  }
  for (const u of left) {
    const v = people.get(u.volunteerId);
    const department = v ? ctx.loaders.follow(Department, v.department) : null;
    const label = department && !(department instanceof Promise) ? `${department.code} – ${department.name}` : '';
    unplaced.addRow({ id: u.volunteerId, lastName: v?.lastName ?? '', firstName: v?.firstName ?? '', department: label, reason: REASONS[u.reason] ?? u.reason }).commit();
  }
  await unplaced.commit();
  await workbook.commit();
}
