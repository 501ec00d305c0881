import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 of `text` with the session secret, base64url: what every signed cookie carries. */
export function signature(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

/** Compares a signature from a client with the expected one in constant time. */
export function sameSignature(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
