import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteConnection } from './database.js';
import { startSqliteWriterThread } from './sqlite-writer-thread.js';

describe('SQLite writer thread', () => {
  let dir: string;
  let file: string;
  let reader: SqliteDatabase.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-writer-'));
    file = path.join(dir, 'test.db');
    reader = openSqliteConnection(file);
    reader.exec(`
      create table parents (id text primary key);
      create table items (id integer primary key, parent_id text not null references parents (id), label text not null);
      insert into parents (id) values ('p1');
    `);
  });

  afterEach(() => {
    reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const labels = () =>
    (reader.prepare('select label from items order by id').all() as Array<{ label: string }>).map(
      (r) => r.label,
    );

  it('runs statements in order, unseen by other connections until it commits', async () => {
    const writer = await startSqliteWriterThread(file);
    for (let i = 0; i < 200; i++) {
      await writer.run('insert into items (id, parent_id, label) values (?, ?, ?), (?, ?, ?)', [
        2 * i,
        'p1',
        `a${i}`,
        2 * i + 1,
        'p1',
        `b${i}`,
      ]);
    }
    await writer.run("update items set label = 'first' where id = 0", []);
    expect(labels()).toEqual([]);
    await writer.commit();
    const all = labels();
    expect(all).toHaveLength(400);
    expect(all.slice(0, 3)).toEqual(['first', 'b0', 'a1']);
  });

  it('keeps hostile text exactly as given', async () => {
    const hostile = [
      "'); drop table items; --",
      '\u202Eevil\u202C',
      '😀 \u0001 \\ "quoted"',
      'x'.repeat(100_000),
    ];
    const writer = await startSqliteWriterThread(file);
    for (const [i, label] of hostile.entries()) {
      await writer.run('insert into items (id, parent_id, label) values (?, ?, ?)', [i, 'p1', label]);
    }
    await writer.commit();
    expect(labels()).toEqual(hostile);
  });

  it('leaves nothing behind when rolled back', async () => {
    const writer = await startSqliteWriterThread(file);
    await writer.run('insert into items (id, parent_id, label) values (1, ?, ?)', ['p1', 'gone']);
    await writer.rollback();
    expect(labels()).toEqual([]);
  });

  it('reports the first failed statement at commit, skips the rest and keeps nothing', async () => {
    const writer = await startSqliteWriterThread(file);
    await writer.run('insert into items (id, parent_id, label) values (1, ?, ?)', ['p1', 'kept?']);
    await writer.run('insert into items (id, parent_id, label) values (2, ?, ?)', ['no-such-parent', 'x']);
    await writer.run('insert into items (id, parent_id, label) values (3, ?, ?)', ['p1', 'after']);
    await expect(writer.commit()).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(labels()).toEqual([]);
    // The write lock is released: another connection can write again.
    reader.prepare("insert into items (id, parent_id, label) values (9, 'p1', 'later')").run();
    expect(labels()).toEqual(['later']);
  });

  it('holds the write lock from the start, so nothing else writes in between', async () => {
    const writer = await startSqliteWriterThread(file);
    reader.pragma('busy_timeout = 0');
    expect(() => reader.prepare("insert into parents (id) values ('p2')").run()).toThrow(/locked|busy/i);
    await writer.rollback();
    reader.prepare("insert into parents (id) values ('p2')").run();
  });

  it('fails to start with a clear error when the database cannot be opened', async () => {
    await expect(startSqliteWriterThread(path.join(dir, 'missing', 'nope.db'))).rejects.toThrow(
      /unable to open|directory does not exist|cannot open/i,
    );
  });
});
