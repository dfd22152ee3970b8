import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('refuses private-address fetches unless HEARBACK_ALLOW_PRIVATE_FETCH is 1 or true', () => {
    expect(loadConfig({}).allowPrivateFetch).toBe(false);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: '' }).allowPrivateFetch).toBe(false);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: '0' }).allowPrivateFetch).toBe(false);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: '1' }).allowPrivateFetch).toBe(true);
    expect(loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: 'true' }).allowPrivateFetch).toBe(true);
    expect(() => loadConfig({ HEARBACK_ALLOW_PRIVATE_FETCH: 'yes' })).toThrow(
      'HEARBACK_ALLOW_PRIVATE_FETCH: must be 1 (allow) or 0 (the default: refuse)',
    );
  });
});
