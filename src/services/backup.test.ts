import { afterEach, expect, it } from 'vitest';
import { call } from '../../test/support/api.js';
import { seedEverything } from '../../test/support/seed.js';
import { describeEachDialect, openTestRuntime, type TestRuntime } from '../../test/support/test-runtime.js';
import { exportBackup, restoreBackup } from './backup.js';

describeEachDialect('backup and restore', (ctx) => {
  const opened: TestRuntime[] = [];
  afterEach(async () => {
    for (const runtime of opened.splice(0)) await runtime.close();
  });

  it('restores into an empty database of either dialect and exports the same JSON again', async () => {
    await seedEverything(ctx.app);
    const first = JSON.stringify(await exportBackup(ctx.deps));
    const backup = JSON.parse(first);
    expect(backup.applications).toHaveLength(2);
    expect(backup.companies).toContainEqual(
      expect.objectContaining({ sizeBand: '100-499', industry: 'Research & <b>"Labs"</b>' }),
    );
    const manual = backup.followUps.filter((s: { origin: string }) => s.origin === 'manual');
    expect(manual.map((s: { status: string }) => s.status).sort()).toEqual([
      'done',
      'planned',
      'skipped',
      'snoozed',
    ]);
    expect(
      backup.followUps.some(
        (s: { origin: string; planKey: string | null }) => s.origin === 'plan' && s.planKey,
      ),
    ).toBe(true);
    // The same dialect is restored into by the tests below (with `replace`); opening only the other one keeps
    // this test to one extra database, as PGlite takes seconds to start on a loaded machine.
    const other = ctx.dialect === 'sqlite' ? 'postgres' : 'sqlite';
    const target = await openTestRuntime(other);
    opened.push(target);
    const report = await restoreBackup(target.deps, JSON.parse(first));
    expect(report).toMatchObject({
      applications: 2,
      companies: 2,
      contacts: 2,
      interviews: 1,
      followUps: backup.followUps.length,
    });
    expect(JSON.stringify(await exportBackup(target.deps)), `restored into ${other}`).toBe(first);
  }, 120_000);

  it('restores a backup made before companies had a size band and an industry, with both unknown', async () => {
    await seedEverything(ctx.app);
    const backup = structuredClone(await exportBackup(ctx.deps)) as { companies: Record<string, unknown>[] };
    for (const company of backup.companies) {
      delete company.sizeBand;
      delete company.industry;
    }
    await restoreBackup(ctx.deps, backup, { replace: true });
    const restored = (await exportBackup(ctx.deps)).companies;
    expect(restored.map((c) => [c.sizeBand, c.industry])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('restores whether the set-up was done, and a backup made before it was recorded as set up', async () => {
    await seedEverything(ctx.app);
    const backup = await exportBackup(ctx.deps);
    await restoreBackup(
      ctx.deps,
      { ...backup, settings: { ...backup.settings, setUpAt: null } },
      { replace: true },
    );
    expect((await exportBackup(ctx.deps)).settings.setUpAt).toBeNull();
    const { setUpAt: _, ...older } = backup.settings;
    await restoreBackup(ctx.deps, { ...backup, settings: older }, { replace: true });
    expect((await exportBackup(ctx.deps)).settings.setUpAt).toBe(backup.settings.updatedAt);
  });

  it('restores a backup made before applications said when they reached their stage, from their history', async () => {
    await seedEverything(ctx.app);
    const made = await exportBackup(ctx.deps);
    const backup = structuredClone(made) as { applications: Record<string, unknown>[] };
    for (const application of backup.applications) delete application.stageChangedAt;
    await restoreBackup(ctx.deps, backup, { replace: true });
    expect(JSON.stringify(await exportBackup(ctx.deps))).toBe(JSON.stringify(made));
  });

  it('refuses a non-empty target, and replaces everything only when asked', async () => {
    await seedEverything(ctx.app);
    const backup = await exportBackup(ctx.deps);
    await expect(restoreBackup(ctx.deps, backup)).rejects.toMatchObject({ code: 'IMPORT_TARGET_NOT_EMPTY' });
    await call(ctx.app, 'POST', '/api/applications', { companyName: 'New Co', jobTitle: 'Extra' }, 201);
    await restoreBackup(ctx.deps, backup, { replace: true });
    expect(JSON.stringify(await exportBackup(ctx.deps))).toBe(JSON.stringify(backup));
  });

  it('writes nothing from a backup whose records do not fit together', async () => {
    await seedEverything(ctx.app);
    const backup = await exportBackup(ctx.deps);
    const before = JSON.stringify(backup);
    const broken = structuredClone(backup);
    broken.interviews[0]!.interviewerIds = ['MISSING'];
    await expect(restoreBackup(ctx.deps, broken, { replace: true })).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
    });
    await expect(
      restoreBackup(ctx.deps, { format: 'something-else' }, { replace: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
    });
    const sharedId = structuredClone(backup);
    sharedId.events.push({ ...sharedId.events[0]!, id: sharedId.applications[0]!.id });
    await expect(restoreBackup(ctx.deps, sharedId, { replace: true })).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
    });
    // Found only half-way through writing, after the old records were deleted and companies and contacts went
    // in: all of it must roll back, leaving the old records as they were.
    const noHistory = structuredClone(backup);
    noHistory.events = noHistory.events.filter(
      (e) => e.kind !== 'stage_change' || e.applicationId !== backup.applications[1]!.id,
    );
    await expect(restoreBackup(ctx.deps, noHistory, { replace: true })).rejects.toMatchObject({
      code: 'INVALID_BACKUP',
    });
    expect(JSON.stringify(await exportBackup(ctx.deps))).toBe(before);
  });

  it('refuses a backup whose settings name no real place or time zone, and spells the time zone canonically', async () => {
    await seedEverything(ctx.app);
    const backup = await exportBackup(ctx.deps);
    const before = JSON.stringify(backup);
    for (const [settings, field] of [
      [{ country: 'ZZ' }, 'settings.country'],
      [{ country: 'US', region: 'ZZZ' }, 'settings.region'],
      [{ timeZone: 'Mars/Olympus' }, 'settings.timeZone'],
    ] as const) {
      const bad = structuredClone(backup);
      Object.assign(bad.settings, settings);
      await expect(restoreBackup(ctx.deps, bad, { replace: true })).rejects.toMatchObject({
        code: 'INVALID_BACKUP',
        details: { issues: [{ field }] },
      });
    }
    expect(JSON.stringify(await exportBackup(ctx.deps))).toBe(before);
    const lowerCase = structuredClone(backup);
    lowerCase.settings.timeZone = 'america/new_york';
    await restoreBackup(ctx.deps, lowerCase, { replace: true });
    expect((await exportBackup(ctx.deps)).settings.timeZone).toBe('America/New_York');
  });

  it('serves the backup over HTTP and restores it through the API', async () => {
    await seedEverything(ctx.app);
    const backup = await call(ctx.app, 'GET', '/api/backup', undefined, 200);
    const refused = await call(ctx.app, 'POST', '/api/backup/restore', backup, 409);
    expect(refused.error.code).toBe('IMPORT_TARGET_NOT_EMPTY');
    const report = await call(ctx.app, 'POST', '/api/backup/restore?replace=true', backup, 200);
    expect(report.applications).toBe(2);
    expect(await call(ctx.app, 'GET', '/api/backup', undefined, 200)).toEqual(backup);
  });
});
