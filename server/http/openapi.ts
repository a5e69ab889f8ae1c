/**
 * The OpenAPI 3.1 document of every route: request bodies generated from the protocol's zod schemas,
 * responses written out by hand (the protocol declares them as TypeScript interfaces).
 */
import { z } from 'zod';
import { LoginRequest, PullRequest, PushRequest, RefreshRequest, REJECTION_REASONS, SYNCED_TABLES, SYNC_PROTOCOL_VERSION, USER_ROLES } from '../../core/sync/protocol.js';
import { PULL_COLUMNS_TYPE } from '../../core/sync/pullEncoding.js';
import { ADMIN_KEY_HEADER, AdminNewUser, AdminPassword, AdminShare } from './adminRoutes.js';

type JsonSchema = Record<string, unknown>;

const requestSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({ type: 'object', properties, required });
const json = (schema: JsonSchema) => ({ content: { 'application/json': { schema } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [String(code), { description: ERROR_DESCRIPTIONS[code], ...json(ref('Error')) }]));

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'malformed request; nothing applied',
  401: 'missing, expired or revoked credentials',
  403: 'refused; nothing applied',
  404: 'no such resource',
  409: '`out_of_order`: a pipelined push arrived before the batch it follows (`after`); nothing applied, send it again. `stale_copy`: `acknowledged` is below what this client already confirmed, so the request comes from an older copy of its database; nothing applied, sign in again as a new device',
  413: 'request or mutation too large; nothing applied',
  426: 'the client speaks another protocol version and must update',
  429: '`too_many_attempts`: too many failed sign-ins for this username, or too many attempts from this address, or too many sign-ins being checked at once; `Retry-After` (and `retryAfter`) give the seconds to wait',
};

const SCHEMAS: Record<string, JsonSchema> = {
  Error: object(
    {
      error: { enum: ['invalid', 'unauthorized', 'forbidden', 'not_found', 'out_of_order', 'stale_copy', 'payload_too_large', 'upgrade_required', 'too_many_attempts', 'internal'] },
      message: { type: 'string', description: 'i18n key' },
      retryAfter: { type: 'integer', description: '`too_many_attempts`: seconds to wait (also the `Retry-After` header)' },
      issues: { type: 'array', items: object({ path: { type: 'array', items: { type: ['string', 'integer'] } }, message: { type: 'string' } }) },
    },
    ['error', 'message'],
  ),
  LoginRequest: requestSchema(LoginRequest),
  AdminNewUser: requestSchema(AdminNewUser),
  AdminPassword: requestSchema(AdminPassword),
  AdminShare: requestSchema(AdminShare),
  User: object({
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    displayName: { type: 'string' },
    role: { enum: [...USER_ROLES] },
    teamName: { type: 'string' },
    disabled: { type: 'boolean' },
  }),
  Share: object({ accountId: { type: 'string', format: 'uuid' }, accountName: { type: 'string' }, username: { type: 'string' } }),
  RefreshRequest: requestSchema(RefreshRequest),
  PushRequest: requestSchema(PushRequest),
  PullRequest: requestSchema(PullRequest),
  LoginResponse: object({
    accessToken: { type: 'string' },
    accessExpiresIn: { type: 'integer', description: 'seconds' },
    refreshToken: { type: 'string' },
    user: object({
      id: { type: 'string', format: 'uuid' },
      username: { type: 'string' },
      displayName: { type: 'string' },
      role: { enum: [...USER_ROLES] },
      teamId: { type: 'string', format: 'uuid' },
      teamName: { type: 'string' },
    }),
  }),
  MutationResult: object(
    {
      mutationId: { type: 'integer' },
      status: { enum: ['applied', 'duplicate', 'rejected'] },
      reason: { enum: [...REJECTION_REASONS] },
      message: { type: 'string', description: 'i18n key: `sync.rejected.<reason>`, or a more precise one — `sync.rejected.foreignReference` (invalid): a field names a row outside the row’s account, or one the server does not have' },
      version: { type: 'integer' },
      conflictCopyId: { type: 'string', format: 'uuid', description: 'a note edited concurrently: the incoming text was kept as this new note' },
      current: { ...ref('PulledRow'), description: 'rejected: the row as the server has it, if the caller may read it (a tombstone for `deleted`)' },
    },
    ['mutationId', 'status'],
  ),
  PushResponse: object({ results: { type: 'array', items: ref('MutationResult') }, lastMutationId: { type: 'integer' } }),
  PulledRow: object({
    table: { enum: [...SYNCED_TABLES] },
    id: { type: 'string', format: 'uuid' },
    version: { type: 'integer' },
    ownerId: { type: 'string', format: 'uuid' },
    data: { type: 'object', description: 'every field of the row (camelCase), deletedAt set on tombstones' },
  }),
  PullResponse: object({
    rows: { type: 'array', items: ref('PulledRow') },
    cursor: { type: 'string' },
    hasMore: { type: 'boolean' },
    lastMutationId: { type: 'integer' },
    resetRequired: { type: 'boolean' },
    total: { type: 'integer', description: 'asked with `withTotal`: rows the whole pull (all pages from the request cursor) brings' },
    priority: { const: true, description: 'an answer to `priority` (a first sync\'s priority phase): `cursor` goes in the next request\'s `priority.after`' },
    owners: { type: 'array', items: object({ id: { type: 'string', format: 'uuid' }, displayName: { type: 'string' } }), description: "display names of this page's row owners" },
  }, ['rows', 'cursor', 'hasMore', 'lastMutationId', 'resetRequired', 'owners']),
  Device: object({
    id: { type: 'string', format: 'uuid' },
    userId: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    name: { type: 'string' },
    clientId: { type: 'string', format: 'uuid' },
    createdAt: { type: 'string', format: 'date-time' },
    lastSeenAt: { type: 'string', format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  }),
};

const bearer = [{ bearer: [] }];
const adminKey = [{ adminKey: [] }];
const usernameParameter = [{ name: 'username', in: 'path', required: true, schema: { type: 'string' } }];

export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: { title: 'Rounds sync server', version: `protocol ${SYNC_PROTOCOL_VERSION}` },
    components: { schemas: SCHEMAS, securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'access token from login or refresh (15 minutes)' },
        adminKey: { type: 'apiKey', in: 'header', name: ADMIN_KEY_HEADER, description: 'the server administrator’s key, which `rounds serve` on the embedded store keeps in a 0600 file beside it' },
      },
    },
    paths: {
      '/health': { get: { summary: 'liveness and database reachability', responses: { 200: { description: 'ok', ...json(object({ status: { const: 'ok' }, protocolVersion: { type: 'integer' } })) } } } },
      '/openapi.json': { get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1 document' } } } },
      '/v1/auth/login': {
        post: { summary: 'sign in a device', requestBody: { required: true, ...json(ref('LoginRequest')) }, responses: { 200: { description: 'signed in', ...json(ref('LoginResponse')) }, ...errors(400, 401, 403, 413, 429) } },
      },
      '/v1/auth/refresh': {
        post: { summary: 'new access token; rotates the refresh token', requestBody: { required: true, ...json(ref('RefreshRequest')) }, responses: { 200: { description: 'refreshed', ...json(ref('LoginResponse')) }, ...errors(400, 401, 429) } },
      },
      '/v1/auth/logout': {
        post: { summary: 'sign the device out (its refresh token stops working)', requestBody: { required: true, ...json(ref('RefreshRequest')) }, responses: { 204: { description: 'signed out' }, ...errors(400) } },
      },
      '/v1/sync/push': {
        post: {
          summary: 'apply a batch of mutations (idempotent by client id and mutation id)',
          security: bearer,
          requestBody: { required: true, ...json(ref('PushRequest')) },
          responses: { 200: { description: 'every mutation applied, duplicate or rejected', ...json(ref('PushResponse')) }, ...errors(400, 401, 403, 409, 413, 426) },
        },
      },
      '/v1/sync/pull': {
        post: {
          summary: 'rows changed since the cursor, tombstones included, one consistent snapshot',
          security: bearer,
          requestBody: { required: true, ...json(ref('PullRequest')) },
          responses: {
            200: {
              description: `one page; in its compact form (${PULL_COLUMNS_TYPE}: rows grouped by table in columns, see core/sync/pullEncoding.ts) when the Accept header names it`,
              content: { 'application/json': { schema: ref('PullResponse') }, [PULL_COLUMNS_TYPE]: { schema: { type: 'object', description: 'PullResponse with `rows` as { owners, runs, versions, groups }' } } },
            },
            ...errors(400, 401, 403, 409, 413, 426),
          },
        },
      },
      '/v1/sync/events': {
        get: {
          summary:
            "Server-Sent Events: the caller's team has new rows. First `retry: 5000` and `event: ready` with the team's current version, then `event: changed` (`data: {\"version\":n}`) after each push that moved it on, from any server process; a `: ping` comment every 15 s. Ended on shutdown and when the access token expires: reconnect (with jitter) and pull",
          security: bearer,
          responses: { 200: { description: 'the stream', content: { 'text/event-stream': { schema: { type: 'string' } } } }, ...errors(401) },
        },
      },
      '/v1/admin/devices': {
        get: { summary: "the admin's team's devices", security: bearer, responses: { 200: { description: 'devices', ...json(object({ devices: { type: 'array', items: ref('Device') } })) }, ...errors(401, 403) } },
      },
      '/v1/admin/devices/{id}/revoke': {
        post: {
          summary: "revoke a device (a team admin: their team's; the admin key: any): its refresh token and access tokens stop working",
          security: [...bearer, ...adminKey],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 204: { description: 'revoked' }, ...errors(401, 403, 404) },
        },
      },
      '/v1/admin/devices/{id}/restore': {
        post: {
          summary: 'restore a revoked device (same scope as revoke): it may sign in again with the password',
          security: [...bearer, ...adminKey],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { 204: { description: 'restored' }, ...errors(401, 403, 404) },
        },
      },
      '/v1/admin/users': {
        get: { summary: 'every user of every team', security: adminKey, responses: { 200: { description: 'users', ...json(object({ users: { type: 'array', items: ref('User') } })) }, ...errors(401) } },
        post: {
          summary: 'add a user (and their team, the first time its name is used)',
          security: adminKey,
          requestBody: { required: true, ...json(ref('AdminNewUser')) },
          responses: { 201: { description: 'added', ...json(ref('User')) }, ...errors(400, 401) },
        },
      },
      '/v1/admin/users/{username}/disable': {
        post: { summary: 'disable a user and revoke all their devices', security: adminKey, parameters: usernameParameter, responses: { 204: { description: 'disabled' }, ...errors(400, 401, 404) } },
      },
      '/v1/admin/users/{username}/password': {
        post: {
          summary: 'set a new password; every device of the user must sign in again',
          security: adminKey,
          parameters: usernameParameter,
          requestBody: { required: true, ...json(ref('AdminPassword')) },
          responses: { 204: { description: 'set' }, ...errors(400, 401, 404) },
        },
      },
      '/v1/admin/users/{username}/devices': {
        get: { summary: "a user's devices, revoked ones included", security: adminKey, parameters: usernameParameter, responses: { 200: { description: 'devices', ...json(object({ devices: { type: 'array', items: ref('Device') } })) }, ...errors(400, 401, 404) } },
      },
      '/v1/admin/shares': {
        get: { summary: 'every shared account', security: adminKey, responses: { 200: { description: 'shares', ...json(object({ shares: { type: 'array', items: ref('Share') } })) }, ...errors(401) } },
        post: {
          summary: "share an account with another rep of its team (its rows reach them with their next pull)",
          security: adminKey,
          requestBody: { required: true, ...json(ref('AdminShare')) },
          responses: { 200: { description: 'shared', ...json(ref('Share')) }, ...errors(400, 401, 403, 404) },
        },
      },
      '/v1/admin/shares/remove': {
        post: { summary: 'end a share', security: adminKey, requestBody: { required: true, ...json(ref('AdminShare')) }, responses: { 200: { description: 'removed', ...json(ref('Share')) }, ...errors(400, 401, 404) } },
      },
    },
  };
}
