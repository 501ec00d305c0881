import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { ContextServices } from '../auth/context';
import { exportSimulationXlsx } from '../modules/assignment/assignment-simulation.export';
import { downloadRoute } from './download.route';

/** `GET /exports/assignment-simulations/:id.xlsx`: a simulation's report as a workbook (its region's managers, admins). */
export function simulationExportRoute(orm: MikroORM, services: ContextServices): RequestHandler {
  return downloadRoute(orm, services, 'export XLSX d’une simulation d’affectation', async (ctx, req) => {
    const file = await exportSimulationXlsx(ctx, String(req.params.id ?? ''));
    return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName: file.fileName, write: (out) => file.write(out) };
  });
}
