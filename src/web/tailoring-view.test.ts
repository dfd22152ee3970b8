import { describe, expect, it } from 'vitest';
import type { TailoringCheck } from '../core/tailoring-check.js';
import { ApiError } from './api-error.js';
import { explainTailoringError, readTailoringCheck } from './tailoring-view.js';

function checkWith(analysis: Record<string, unknown>, score: number | null = 46): TailoringCheck {
  return {
    id: '01JCHECK',
    applicationId: '01JAPP',
    resumeName: 'analyst v2',
    score,
    analysis,
    createdAt: '2026-03-02T10:00:00.000Z',
  };
}

const keyword = (term: string, inResume: boolean, excerpt: string) => ({
  term,
  canonical: term,
  kind: 'skill',
  category: 'data',
  weight: 3,
  occurrences: 1,
  inPosting: [{ excerpt, section: 'requirements', start: 0, end: 3 }],
  inResume,
  inCoverLetter: false,
});

describe('readTailoringCheck', () => {
  it('reads covered and missing keywords with where the posting asks for them', () => {
    const view = readTailoringCheck(
      checkWith({
        covered: [keyword('SQL', true, '* 5 years of SQL')],
        missing: [keyword('A/B testing', false, '* A/B testing and statistics')],
        formula: 'round(100 × 3 / 6) = 50',
        coverLetterChecks: {
          namesCompany: true,
          namesRole: false,
          addressesTopRequirements: {
            passed: false,
            top: ['SQL', 'A/B testing'],
            addressed: ['SQL'],
            missing: ['A/B testing'],
          },
        },
      }),
    );
    expect(view.score).toBe(46);
    expect(view.covered.map((k) => k.term)).toEqual(['SQL']);
    expect(view.missing).toEqual([
      {
        term: 'A/B testing',
        canonical: 'A/B testing',
        kind: 'skill',
        weight: 3,
        inResume: false,
        inCoverLetter: false,
        inPosting: [{ excerpt: '* A/B testing and statistics', section: 'requirements' }],
      },
    ]);
    expect(view.formula).toBe('round(100 × 3 / 6) = 50');
    expect(view.coverLetterChecks).toEqual({
      namesCompany: true,
      namesRole: false,
      topRequirements: {
        passed: false,
        top: ['SQL', 'A/B testing'],
        addressed: ['SQL'],
        missing: ['A/B testing'],
      },
    });
  });

  it('leaves out what an analysis of another shape lacks instead of failing', () => {
    const view = readTailoringCheck(checkWith({ covered: 'nope', missing: [null, 3, { term: 7 }] }, null));
    expect(view).toMatchObject({
      score: null,
      covered: [],
      missing: [],
      formula: null,
      coverLetterChecks: null,
    });
  });
});

describe('explainTailoringError', () => {
  it('says a scanned PDF has no text, and what to do instead', () => {
    const text = explainTailoringError(new ApiError('RESUME_NO_TEXT', 'The PDF has no text layer.', 422));
    expect(text).toMatch(/^No text found in this file: it may be scanned/);
    expect(text).toContain('Paste the text instead');
    expect(text).toContain('The PDF has no text layer.');
  });

  it('asks for the posting text when the application has none', () => {
    const text = explainTailoringError(new ApiError('TAILORING_NEEDS_POSTING', 'no posting text', 409));
    expect(text).toMatch(/no posting text to compare with/);
  });

  it('passes other messages through', () => {
    expect(
      explainTailoringError(new ApiError('VALIDATION_FAILED', 'resume: give either text or file', 400)),
    ).toBe('resume: give either text or file');
    expect(explainTailoringError(new Error('boom'))).toBe('boom');
  });
});
