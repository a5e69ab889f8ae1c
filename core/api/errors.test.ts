import { describe, expect, it } from 'vitest';
import { ApiError } from './errors.js';

describe('ApiError', () => {
  it('carries a specific message key across the wire, with its params', () => {
    const body = new ApiError('forbidden', { messageKey: 'errors.readOnlyAccount', params: { owner: '张伟' } }).toBody();
    expect(body).toMatchObject({ code: 'forbidden', message: 'errors.readOnlyAccount', params: { owner: '张伟' } });
    const received = ApiError.fromBody(body);
    expect(received).toMatchObject({ code: 'forbidden', message: 'errors.readOnlyAccount', messageKey: 'errors.readOnlyAccount' });
  });

  it('falls back to the code’s key without one, and ignores a message that is not an errors key', () => {
    expect(new ApiError('not_found').toBody().message).toBe('errors.not_found');
    expect(ApiError.fromBody({ code: 'forbidden', message: 'Stack trace: …' }).message).toBe('errors.forbidden');
  });
});
