/** Sign-in, pull, push and the device list over a test server's routes, answered as `{ status, body }` (auth tests and test/security). */
import { SYNC_PROTOCOL_VERSION, type LoginResponse } from '../../../core/sync/protocol.js';
import { newId, PASSWORD, type SyncFixture } from './fixture.js';

export interface Answer {
  status: number;
  /** the JSON answered, if any */
  body: unknown;
}

export interface SessionRequests {
  post(url: string, payload: object, token?: string): Promise<Answer>;
  login(username: string, password?: string, clientId?: string): Promise<Answer>;
  pull(session: LoginResponse, clientId: string): Promise<Answer>;
  push(session: LoginResponse, clientId: string): Promise<Answer>;
  /** `GET /v1/admin/devices` with the session's access token */
  listDevices(session: LoginResponse): Promise<Answer>;
}

/** Requests to `server.fixture.app`, read when each request is made (the fixture exists once its beforeAll ran). */
export function sessionRequests(server: { readonly fixture: SyncFixture }): SessionRequests {
  const answer = (response: { statusCode: number; body: string; json(): unknown }): Answer => ({ status: response.statusCode, body: response.body ? response.json() : undefined });
  const post: SessionRequests['post'] = async (url, payload, token) =>
    answer(await server.fixture.app.inject({ method: 'POST', url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} }));
  return {
    post,
    login: (username, password = PASSWORD, clientId = newId()) => post('/v1/auth/login', { username, password, deviceName: 'laptop', clientId }),
    pull: (session, clientId) => post('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId, cursor: null }, session.accessToken),
    push: (session, clientId) => post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId, mutations: [] }, session.accessToken),
    listDevices: async (session) => answer(await server.fixture.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${session.accessToken}` } })),
  };
}
