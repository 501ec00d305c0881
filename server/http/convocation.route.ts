import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import type { ContextServices } from '../auth/context';
import { convocationPdfFor } from '../modules/assignment/convocation.service';
import { downloadRoute } from './download.route';

/** `GET /volunteers/:id/convocation.pdf`: an assigned volunteer's convocation, for staff whose scope holds the file. */
export function convocationRoute(orm: MikroORM, services: ContextServices): RequestHandler {
  return downloadRoute(orm, services, 'téléchargement d’une convocation', async (ctx, req) => {
    const { fileName, pdf } = await convocationPdfFor(ctx, String(req.params.id ?? ''));
    return { contentType: 'application/pdf', fileName, write: async (out) => out.end(pdf) };
  });
}
