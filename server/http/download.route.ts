import type { MikroORM } from '@mikro-orm/postgresql';
import type { Request, RequestHandler, Response } from 'express';
import { buildRequestContext, type ContextServices } from '../auth/context';
import { INTERNAL_MESSAGE } from '../graphql/format-error';
import { AppError } from '../kernel/errors';
import { currentRequest } from '../kernel/request-scope';
import type { RequestContext } from '../kernel/request-context';

const STATUS_OF: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/** What a download answers once its checks passed: the file's type and name, and how to write it. */
export interface Download {
  contentType: string;
  fileName: string;
  write(out: Response): Promise<unknown>;
}

/**
 * The shared shape of every file download (exports, reports, convocations): the request's scoped
 * context from the session cookie, the handler's checks before the first byte (errors answer like
 * the API: JSON `{ errors: [{ message, extensions: { code } }] }` with 400/401/403/404), then the
 * file, streamed; a failure once bytes are sent cuts the connection so a partial file cannot pass
 * for a complete one. Each download is logged with the user.
 */
export function downloadRoute(orm: MikroORM, services: ContextServices, label: string, prepare: (ctx: RequestContext, req: Request) => Promise<Download>): RequestHandler {
  return async (req: Request, res: Response) => {
    const request = currentRequest();
    const logger = request?.log ?? services.logger;
    try {
      const ctx = await buildRequestContext(orm, services, req, res);
      const download = await prepare(ctx, req);
      res.setHeader('Content-Type', download.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${download.fileName}"`);
      res.setHeader('Cache-Control', 'no-store');
      // A duration, not a date: the monotonic clock.
      const started = performance.now();
      const written = await download.write(res);
      logger.info({ userId: ctx.user?.id, impersonatorId: ctx.user?.impersonatorId, file: download.fileName, written, ms: Math.round(performance.now() - started) }, label);
    } catch (error) {
      if (res.headersSent) {
        logger.error({ err: error }, `${label} interrompu`);
        res.destroy();
        return;
      }
      res.removeHeader('Content-Type');
      res.removeHeader('Content-Disposition');
      const known = error instanceof AppError ? error : null;
      if (!known) logger.error({ err: error }, `${label} : erreur inattendue`);
      const code = String(known?.extensions.code ?? 'INTERNAL_SERVER_ERROR');
      const extensions = known ? { code } : { code, requestId: request?.id };
      res.status(STATUS_OF[code] ?? 500).json({ errors: [{ message: known?.message ?? INTERNAL_MESSAGE, extensions }] });
    }
  };
}
