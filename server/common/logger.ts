import { DriverException } from '@mikro-orm/core';
import pino, { type Logger } from 'pino';
import type { AppConfig } from '../config';

/**
 * Errors as logged: a database error's message holds the SQL with its parameters and its
 * `detail` the offending values (names, e-mails of minors), so only PostgreSQL's reason, its
 * codes and the stack frames are kept.
 */
export function loggedError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const serialized = pino.stdSerializers.err(err);
  if (err instanceof DriverException) {
    const reason = err.message.slice(err.message.lastIndexOf(' - ') + 3);
    const frames = (err.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
    return { type: serialized.type, message: reason, code: err.code, sqlState: err.sqlState, stack: [`${err.name}: ${reason}`, ...frames].join('\n') };
  }
  return serialized;
}

/** The process logger (JSON lines on stdout, or on `destination`). */
export function createLogger(config: Pick<AppConfig, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.logLevel,
    serializers: { err: loggedError },
    // Never log credentials, session cookies or the personal data a payload may carry.
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token', '*.email', 'variables', 'body'],
  };
  return destination ? pino(options, destination) : pino(options);
}
