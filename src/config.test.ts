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

  it('answers to the public URL host and HEARBACK_ALLOWED_HOSTS besides the loopback names', () => {
    expect(loadConfig({}).allowedHosts).toEqual(['127.0.0.1']);
    expect(loadConfig({ HOST: '0.0.0.0' }).allowedHosts).toEqual(['localhost']);
    expect(
      loadConfig({
        HEARBACK_PUBLIC_URL: 'https://Hearback.Example.org/',
        HEARBACK_ALLOWED_HOSTS: ' tracker.internal:8443, 10.0.0.5 ,,[fd00::5]',
      }).allowedHosts,
    ).toEqual(['hearback.example.org', 'tracker.internal', '10.0.0.5', '[fd00::5]']);
    expect(() => loadConfig({ HEARBACK_ALLOWED_HOSTS: 'ok.example,bad/host' })).toThrow(
      'HEARBACK_ALLOWED_HOSTS: must be host names separated by commas',
    );
  });
});
