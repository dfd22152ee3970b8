import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { marketFigures } from './insights-market.js';

const insightsDoc = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/insights.md'), 'utf8');
const figures = Object.values(marketFigures).filter((f) => f.source !== 'none found');

describe('the market figures', () => {
  it.each(figures.map((f) => [f.id, f] as const))(
    '%s has its source and year, in the code and in docs/insights.md',
    (_id, figure) => {
      expect(figure.year).toEqual(expect.any(Number));
      // The source as shown beside the figure (and on hover) names the year itself.
      expect(figure.source).toContain(String(figure.year));
      expect(insightsDoc).toContain(`| ${figure.text} | ${figure.source} |`);
    },
  );

  it('says so when no source publishes a figure, rather than showing one without a source', () => {
    const none = Object.values(marketFigures).filter((f) => f.source === 'none found');
    expect(none.map((f) => [f.id, f.value, f.year])).toEqual([['firstResponseNone', null, null]]);
  });
});
