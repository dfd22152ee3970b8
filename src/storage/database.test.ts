import SqliteDatabase from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './database.js';

describe('the SQLite statement cache', () => {
  const sqlite = new SqliteDatabase(':memory:');
  afterEach(() => sqlite.exec('drop table if exists t'));
  afterAll(() => sqlite.close());

  it('compiles a query once and reuses it', () => {
    const cached = withStatementCache(sqlite);
    const first = cached.prepare('select 1 as one');
    expect(cached.prepare('select 1 as one')).toBe(first);
    expect(cached.prepare('select 2 as two')).not.toBe(first);
  });

  it('drops the least recently used statement when full', () => {
    const cached = withStatementCache(sqlite, 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(a); // a is now the most recently used
    cached.prepare('select 3'); // evicts b
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
  });

  it('keeps working across schema changes: a reused statement sees the table as it is now', () => {
    const cached = withStatementCache(sqlite);
    sqlite.exec('create table t (a text)');
    cached.prepare('insert into t (a) values (?)').run(['x']);
    sqlite.exec('drop table t; create table t (a text, b text)');
    cached.prepare('insert into t (a) values (?)').run(['y']);
    expect(cached.prepare('select a, b from t').all([])).toEqual([{ a: 'y', b: null }]);
  });
});
