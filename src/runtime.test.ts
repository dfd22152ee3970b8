import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRuntime } from './runtime.js';
import { getSettings } from './services/settings.js';

let dir: string | undefined;

afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function settingsAfterStart(file: string, locale: string) {
  const runtime = await startRuntime(
    { kind: 'sqlite', file },
    { system: { timeZone: 'Europe/Berlin', locale } },
  );
  try {
    return await getSettings(runtime.deps);
  } finally {
    await runtime.close();
  }
}

describe('startRuntime', () => {
  it('starts a new user with the machine country when hearback knows its holidays, and keeps saved settings', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-runtime-'));
    const file = path.join(dir, 'hearback.db');
    expect(await settingsAfterStart(file, 'de-DE')).toMatchObject({ country: 'DE', locale: 'de-DE' });
    // A later start on another machine leaves the saved settings alone.
    expect(await settingsAfterStart(file, 'fr-FR')).toMatchObject({ country: 'DE', locale: 'de-DE' });
    // Antarctica has no public holidays: no country rather than one a backup restore would refuse.
    expect(await settingsAfterStart(path.join(dir, 'other.db'), 'en-AQ')).toMatchObject({ country: null });
  });
});
