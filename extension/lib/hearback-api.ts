/**
 * The extension's side of hearback's API (docs/extension.md): pairing, the duplicate check and the clip. The
 * shapes are hearback's own (src/core/browser-extension.ts); the token goes in the Authorization header, and
 * the browser adds the extension's Origin, which hearback checks.
 */
import type {
  ClipCheck,
  ClipCheckInput,
  ClipInput,
  ClipSaved,
  Paired,
} from '../../src/core/browser-extension.js';

export type ClipInputBody = Omit<ClipInput, 'stage'> & { stage: 'saved' | 'applied' };

export class HearbackError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function send<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new HearbackError(0, 'UNREACHABLE', `hearback does not answer at ${base}; is it running?`);
  }
  const answer = await response.json().catch(() => null);
  if (!response.ok) {
    const error = answer?.error;
    throw new HearbackError(
      response.status,
      typeof error?.code === 'string' ? error.code : 'HTTP_ERROR',
      typeof error?.message === 'string' ? error.message : `hearback answered ${response.status}`,
    );
  }
  return answer as T;
}

export const pair = (base: string, code: string, label: string) =>
  send<Paired>(base, '/api/extension/pair', { code, label });

export const checkClip = (base: string, token: string, input: ClipCheckInput) =>
  send<ClipCheck>(base, '/api/extension/clips/check', input, token);

export const saveClip = (base: string, token: string, input: ClipInputBody) =>
  send<ClipSaved>(base, '/api/extension/clips', input, token);
