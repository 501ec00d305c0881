import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../../server/common/logger';

/** The product's logger (its serializers and redaction) writing into memory, to read what a run logged. */
export function capturedLog(level = 'info'): { logger: Logger; text(): string; lines(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    logger: createLogger({ logLevel: level }, sink),
    text,
    lines: () => text().split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
