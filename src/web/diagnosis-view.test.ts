import { describe, expect, it } from 'vitest';
import { expectedByLabel } from './diagnosis-view.js';

describe('expectedByLabel', () => {
  it('speaks of a day still ahead in the future tense', () => {
    expect(expectedByLabel({ expectedBy: '2027-03-26', date: '2027-03-24' })).toBe('News is expected around');
  });

  it('says the news is due on the day itself', () => {
    expect(expectedByLabel({ expectedBy: '2027-03-24', date: '2027-03-24' })).toBe('News is due around');
  });

  it('speaks of a day gone by in the past tense', () => {
    expect(expectedByLabel({ expectedBy: '2027-03-02', date: '2027-03-24' })).toBe('News was due around');
  });
});
