import { describe, expect, it } from 'vitest';
import {
  buildMailto,
  formatDraftForClipboard,
  isMailtoLink,
  isMissingOwnDetails,
  placeholdersLeft,
} from './draft.js';

describe('draft', () => {
  it('never takes a link that is not a mailto link, so it can never run script', () => {
    for (const mailto of ['javascript:alert(1)', ' mailto:x', 'data:text/html,hi', 'mailto:a\nb']) {
      expect(isMailtoLink(mailto), mailto).toBe(false);
    }
    expect(isMailtoLink('mailto:ana@example.com?subject=Thank%20you')).toBe(true);
  });

  it('puts the subject above the body on the clipboard', () => {
    expect(formatDraftForClipboard({ subject: 'Hello', body: 'Body' })).toBe('Subject: Hello\n\nBody');
    expect(formatDraftForClipboard({ subject: '', body: 'Body' })).toBe('Body');
  });

  it('builds a mailto link where line breaks and ampersands cannot add headers or parameters', () => {
    const link = buildMailto(
      'ana@example.com',
      'Hi\r\nBcc: evil@example.com',
      'a&cc=evil@example.com\nline 2',
    );
    expect(link).toBe(
      'mailto:ana@example.com?subject=Hi%0D%0ABcc%3A%20evil%40example.com&body=a%26cc%3Devil%40example.com%0Aline%202',
    );
    const url = new URL(link);
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
    expect(url.searchParams.get('subject')).toBe('Hi\r\nBcc: evil@example.com');
    expect(isMailtoLink(link)).toBe(true);
  });

  it('finds the placeholders a text still shows, of those the draft was written with', () => {
    const words = ['what you discussed', 'your name'];
    expect(placeholdersLeft('About [what you discussed].\n\nBest,\n[your name]', words)).toEqual([
      '[what you discussed]',
      '[your name]',
    ]);
    expect(placeholdersLeft('About the roadmap [sic].\n\nBest,\nRobin', words)).toEqual([]);
  });

  it("points to settings only when the user's own name or email is missing", () => {
    expect(isMissingOwnDetails(['what you discussed', 'your email'])).toBe(true);
    expect(isMissingOwnDetails(["interviewer's name"])).toBe(false);
  });
});
