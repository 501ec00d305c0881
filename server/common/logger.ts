import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config';

export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    // Never log credentials or session cookies.
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password', 'variables.password'],
  });
}
