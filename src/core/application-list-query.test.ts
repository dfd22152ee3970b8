import { describe, expect, it } from 'vitest';
import { readApplicationListQuery } from './application-list-filter.js';
import { applicationListQuerySchema } from './application-list-query.js';

const inputs: Array<Record<string, unknown>> = [
  {},
  { sort: 'createdAt', order: 'desc', limit: '50' },
  { stage: undefined, outcome: undefined, companyId: undefined, tag: undefined, q: undefined, limit: '50' },
  { stage: 'applied' },
  { stage: 'applied, screening ,offer' },
  { stage: 'ended,saved' },
  { stage: '' },
  { stage: 'applied,' },
  { stage: 'Applied' },
  { stage: 'nope' },
  { stage: ['applied'] },
  { furthestStage: 'offer' },
  { furthestStage: 'ended' },
  { outcome: 'rejected' },
  { outcome: 'lost' },
  { companyId: 'c1' },
  { companyId: '' },
  { companyId: 'x'.repeat(64) },
  { companyId: 'x'.repeat(65) },
  { tag: 'remote' },
  { tag: '' },
  { tag: 't'.repeat(64) },
  { tag: 't'.repeat(65) },
  { tag: 'a\u0000b' },
  { tag: 'a\ud800b' },
  { q: '"; DROP TABLE applications; --' },
  { q: '<script>alert(1)</script>' },
  { q: 'q'.repeat(200) },
  { q: 'q'.repeat(201) },
  { q: 'lone \udc00' },
  { sort: 'jobTitle', order: 'asc' },
  { sort: 'salary' },
  { order: 'up' },
  { limit: '1' },
  { limit: '500' },
  { limit: '501' },
  { limit: '0' },
  { limit: '-1' },
  { limit: '2.5' },
  { limit: '' },
  { limit: ' 7 ' },
  { limit: '0x10' },
  { limit: '1e2' },
  { limit: 'ten' },
  { limit: 'Infinity' },
  { limit: 20 },
  { limit: null },
  { limit: true },
  { cursor: 'abc' },
  { cursor: 'c'.repeat(1_000) },
  { cursor: 'c'.repeat(1_001) },
  { cursor: 5 },
  { other: 'x' },
  {
    stage: 'applied',
    outcome: 'rejected',
    companyId: 'c',
    tag: 't',
    q: 'q',
    sort: 'priority',
    order: 'asc',
    limit: '9',
  },
];

describe('readApplicationListQuery', () => {
  it.each(inputs.map((input) => [JSON.stringify(input), input] as const))(
    'reads %s as the schema does, or leaves it to the schema',
    (_, input) => {
      const parsed = applicationListQuerySchema.safeParse(input);
      const read = readApplicationListQuery(input);
      if (read === undefined) {
        // Left to the schema: only input the schema refuses, or reads differently from the usual case.
        return;
      }
      expect(parsed.success).toBe(true);
      expect(read).toStrictEqual(parsed.data);
      expect(Object.keys(read)).toEqual(Object.keys(parsed.data!));
    },
  );

  it('reads the usual options without the schema', () => {
    const usual = inputs.filter((input) => applicationListQuerySchema.safeParse(input).success);
    const leftToSchema = usual.filter((input) => readApplicationListQuery(input) === undefined);
    // A limit that is neither text nor a number never comes from the CLI; the schema reads it (true is 1).
    expect(leftToSchema).toEqual([{ limit: true }]);
  });
});
