import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { explainTailoringError } from './tailoring-view.js';

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
