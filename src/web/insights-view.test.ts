import { describe, expect, it } from 'vitest';
import { marketFigures } from '../core/insights-market.js';
import { citationOf } from './insights-view.js';

const sourced = Object.values(marketFigures).filter((f) => f.year !== null);

describe('citationOf', () => {
  it.each(sourced.map((f) => [f.id, f] as const))(
    'names the source of %s and its year once',
    (_id, figure) => {
      const citation = citationOf(figure);
      expect(citation).toContain(figure.source);
      expect(citation.split(String(figure.year)).length - 1).toBe(1);
    },
  );

  it('adds the year to a source that does not name it', () => {
    expect(citationOf({ source: 'Lever', year: 2016 })).toBe('Lever, 2016');
  });

  it('does not take a number inside the source for its year', () => {
    expect(citationOf({ source: 'a survey of 20161 people', year: 2016 })).toBe(
      'a survey of 20161 people, 2016',
    );
  });

  it('shows the source alone when there is no year', () => {
    expect(citationOf(marketFigures.firstResponseNone)).toBe('none found');
  });
});
