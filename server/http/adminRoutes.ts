/**
 * The server administrator's routes: what `rounds user` and `rounds share` do, for the command line on
 * the server's own machine while `rounds serve` holds the embedded store (which only one process may
 * open). They are authenticated by the admin key that `rounds serve` writes into a 0600 file in its
 * data folder (`cliSupport.ts`), so only the OS user running the server can call them. Every body and
 * path parameter is checked here; the work is `storeAdmin`'s.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { USER_ROLES } from '../../core/sync/protocol.js';
import { storeAdmin } from '../admin.js';
import { ServerError } from '../errors.js';
import type { SqlClient } from '../store/sqlClient.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../users.js';

/** The header carrying the admin key (a bearer token would be mistaken for a device's access token). */
export const ADMIN_KEY_HEADER = 'x-rounds-admin-key';

const Username = z.string().trim().min(1).max(100);
const Password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const AdminNewUser = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(200).optional(),
    role: z.enum(USER_ROLES),
    teamName: z.string().trim().min(1).max(200),
    password: Password,
  })
  .strict();
export const AdminPassword = z.object({ password: Password }).strict();
export const AdminShare = z.object({ account: z.string().trim().min(1).max(200), username: Username }).strict();
const UsernameParams = z.object({ username: Username }).strict();

type Parse = <T extends z.ZodType>(schema: T, value: unknown) => z.output<T>;

/** Whether the request carries the admin key; compared as digests, in constant time. */
export function hasAdminKey(request: FastifyRequest, adminKey: string | undefined): boolean {
  const given = request.headers[ADMIN_KEY_HEADER];
  if (adminKey === undefined || typeof given !== 'string') return false;
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(adminKey));
}

export function registerAdminRoutes(api: FastifyInstance, options: { store: SqlClient; adminKey: string | undefined; parse: Parse }): void {
  const admin = storeAdmin(options.store);
  const { parse } = options;
  const requireAdminKey = (request: FastifyRequest) => {
    if (!hasAdminKey(request, options.adminKey)) throw new ServerError('unauthorized', 'sync.server.adminKeyRequired');
  };
  const username = (request: FastifyRequest) => parse(UsernameParams, request.params).username;

  api.get('/v1/admin/users', async (request) => {
    requireAdminKey(request);
    return { users: await admin.listUsers() };
  });
  api.post('/v1/admin/users', async (request, reply) => {
    requireAdminKey(request);
    return reply.code(201).send(await admin.addUser(parse(AdminNewUser, request.body)));
  });
  api.post('/v1/admin/users/:username/disable', async (request, reply) => {
    requireAdminKey(request);
    await admin.disableUser(username(request));
    return reply.code(204).send();
  });
  api.post('/v1/admin/users/:username/password', async (request, reply) => {
    requireAdminKey(request);
    await admin.resetPassword(username(request), parse(AdminPassword, request.body).password);
    return reply.code(204).send();
  });
  api.get('/v1/admin/users/:username/devices', async (request) => {
    requireAdminKey(request);
    return { devices: await admin.listUserDevices(username(request)) };
  });
  api.get('/v1/admin/shares', async (request) => {
    requireAdminKey(request);
    return { shares: await admin.listShares() };
  });
  api.post('/v1/admin/shares', async (request) => {
    requireAdminKey(request);
    return admin.shareAccount(parse(AdminShare, request.body));
  });
  api.post('/v1/admin/shares/remove', async (request) => {
    requireAdminKey(request);
    return admin.unshareAccount(parse(AdminShare, request.body));
  });
}
