import { describe, expect, it } from 'vitest';
import { withoutResponseLink, withResponseLink } from './response-link-text.js';

const url = 'https://hearback.example.org/r/abc';

describe('the response link in a draft', () => {
  it('goes in its own paragraph before the sign-off, and comes out again leaving the text as it was', () => {
    const body = 'Hi Dana,\n\nAny news on the role?\n\nBest regards,\nAda';
    const added = withResponseLink(body, url);
    expect(added).toBe(
      `Hi Dana,\n\nAny news on the role?\n\nIf it's easier, one click tells me where things stand: ${url}\n\nBest regards,\nAda`,
    );
    expect(withoutResponseLink(added, url)).toBe(body);
  });

  it('goes at the end of a text of one paragraph', () => {
    expect(withResponseLink('Any news?', url)).toBe(
      `Any news?\n\nIf it's easier, one click tells me where things stand: ${url}`,
    );
  });
});
