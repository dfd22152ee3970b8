import { describe, expect, it } from 'vitest';
import { ApiError, isWorthRetrying, readApiError } from './api-error.js';

const answer = (status: number, body: string) =>
  new Response(body, { status, statusText: status === 502 ? 'Bad Gateway' : '' });

describe('api error', () => {
  it('reads the API’s error shape with the issue of each refused field', async () => {
    const body = {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'jobTitle: is required',
        details: { issues: [{ field: 'jobTitle', message: 'is required' }] },
      },
    };
    const error = await readApiError(answer(400, JSON.stringify(body)));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400, message: 'jobTitle: is required' });
    expect(error.issues).toEqual([{ field: 'jobTitle', message: 'is required' }]);
  });

  it('answers UNEXPECTED_RESPONSE for a body that is not the API’s error shape (a proxy’s page)', async () => {
    const error = await readApiError(answer(502, '<html>Bad Gateway</html>'));
    expect(error).toMatchObject({
      code: 'UNEXPECTED_RESPONSE',
      status: 502,
      message: 'The server answered 502 Bad Gateway',
    });
    expect(error.issues).toEqual([]);
  });

  it('offers to send again only what failed before the server could answer in its own words', async () => {
    expect(isWorthRetrying(new ApiError('NETWORK_ERROR', 'Could not reach hearback', 0))).toBe(true);
    expect(isWorthRetrying(await readApiError(answer(502, '<html>Bad Gateway</html>')))).toBe(true);
    expect(isWorthRetrying(new ApiError('INTERNAL_ERROR', 'Something broke', 500))).toBe(true);
    expect(isWorthRetrying(new ApiError('FOLLOW_UP_NOT_OPEN', 'Already done', 409))).toBe(false);
    expect(isWorthRetrying(new ApiError('VALIDATION_FAILED', 'reason: too long', 400))).toBe(false);
  });
});
