/**
 * Access tokens: `base64url(json claims).base64url(HMAC-SHA256)`, valid 15 minutes, checked without a
 * database round trip by any server process that shares the secret. Refresh tokens: random, stored
 * only as a SHA-256 hash on their device row, rotated on use, revocable.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { USER_ROLES } from '../../core/sync/protocol.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;

export const AccessClaims = z.object({
  userId: z.string(),
  teamId: z.string(),
  role: z.enum(USER_ROLES),
  deviceId: z.string(),
  clientId: z.string(),
  /** the user's `session_generation` when issued; a password reset moves it on (tokens from before it carry none: 0) */
  gen: z.number().int().nonnegative().default(0),
  /** expiry, seconds since the epoch */
  exp: z.number(),
});
export type AccessClaims = z.infer<typeof AccessClaims>;

function sign(payload: string, secret: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

export function signAccessToken(claims: Omit<AccessClaims, 'exp'>, secret: string, now: Date): string {
  const payload = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(now.getTime() / 1000) + ACCESS_TOKEN_SECONDS })).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The claims of a genuine, unexpired token; null for anything else. */
export function verifyAccessToken(token: string, secret: string, now: Date): AccessClaims | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const claims = AccessClaims.safeParse(json);
  if (!claims.success || claims.data.exp * 1000 <= now.getTime()) return null;
  return claims.data;
}

export function newRefreshToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}
