import { describe, expect, it } from 'vitest';
import {
  causeOf,
  expectWaiting,
  makeApplication,
  makeInput,
  makeInterview,
  message,
  ranking,
  reply,
} from '../../test/support/diagnosis-fixtures.js';
import { diagnose } from './diagnosis.js';
import type { TimelineEvent } from './event.js';
import type { ResponseLinkAnswer } from './response-link.js';

/** A reply that came through the employer response link. */
function linkAnswer(at: string, answer: ResponseLinkAnswer, expectedBy: string | null = null): TimelineEvent {
  const base = reply(at, answer === 'next_conversation' ? 'positive' : 'neutral', expectedBy);
  return { ...base, responseLink: { linkId: 'link-1', answer, expectedBy } } as TimelineEvent;
}

describe('diagnose: an answer through the response link', () => {
  const interviewed = {
    application: makeApplication({ stage: 'interviewing', furthestStage: 'interviewing' }),
    interviews: [makeInterview('2026-02-10T15:00:00.000Z')],
  };

  it('ranks "still deciding" first on their word, above weeks of silence', () => {
    // Long past the date they gave: without the link's answer, silence would point at a silent "no".
    const input = makeInput({
      ...interviewed,
      events: [linkAnswer('2026-02-12T10:00:00.000Z', 'still_deciding', '2026-02-20')],
      now: '2026-04-20T16:00:00.000Z',
    });
    const waiting = expectWaiting(diagnose(input));
    expect(ranking(waiting)[0]).toBe('still_deciding');
    const evidence = causeOf(waiting, 'still_deciding').evidence.find((e) => e.signal === 'employer_reply');
    expect(evidence?.text).toContain('answered through your response link: still deciding');
  });

  it('ranks "the position is gone" first when they said the role is on hold', () => {
    const input = makeInput({
      ...interviewed,
      events: [linkAnswer('2026-02-12T10:00:00.000Z', 'on_hold'), message('2026-02-13T10:00:00.000Z')],
      now: '2026-03-02T16:00:00.000Z',
    });
    const waiting = expectWaiting(diagnose(input));
    expect(ranking(waiting)[0]).toBe('position_gone');
  });
});
