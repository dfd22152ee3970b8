import { Temporal } from 'temporal-polyfill';
import { formatWeekdayDate } from './date-words.js';
import { toIso } from './local-time.js';

/**
 * The morning digest: one plain-text email, at the user's chosen local time on their working days, listing
 * the follow-up steps that are overdue and due today, each with a link to its draft. Pure rules here; the
 * sending protocol (record before send, once per user and local day) is in services/digest.ts and
 * docs/digest.md.
 */
export type DigestItem = {
  /** What to do, e.g. "Thank Dana Lee (Acme) for the interview". */
  readonly title: string;
  /** Why it is due when it is. */
  readonly explanation: string;
  readonly dueAt: string;
  /** The step's page in hearback, opened on its draft when `hasDraft`. */
  readonly link: string;
  readonly hasDraft: boolean;
};

/** An employer's answer through the response link since the day before (docs/response-link.md). */
export type DigestAnswer = {
  /** The job and company, e.g. "Engineer at Acme". */
  readonly title: string;
  /** The answer in words, with the date they gave. */
  readonly answer: string;
  readonly message: string | null;
  /** The ending the answer suggests, in words; hearback never ends it by itself. */
  readonly suggestion: string | null;
  readonly link: string;
};

export type DigestContent = {
  /** The user's local date the digest is for, YYYY-MM-DD. */
  readonly date: string;
  readonly timeZone: string;
  readonly name: string | null;
  readonly overdue: readonly DigestItem[];
  readonly today: readonly DigestItem[];
  readonly answers?: readonly DigestAnswer[];
  readonly todayLink: string;
  readonly settingsLink: string;
};

export type DigestEmail = { readonly subject: string; readonly text: string };

/** Longer lists are cut, with a count of the rest and the link to Today, so the email stays readable. */
export const digestSectionLimit = 50;

export type DigestSchedule = {
  readonly digestEnabled: boolean;
  /** Local time, HH:MM. */
  readonly digestTime: string;
  readonly timeZone: string;
};

/** Why no digest is due now, or the local date one is due for. */
export type DigestDue =
  | { readonly due: true; readonly date: string }
  | {
      readonly due: false;
      readonly date: string;
      readonly reason: 'disabled' | 'not_working_day' | 'too_early';
    };

/** The user's local date at an instant. */
export function localDateAt(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/**
 * The instant of the digest on a local date. A time skipped by a DST change (02:30 on the spring-forward
 * night) moves forward with the clock, as calendar apps do.
 */
export function digestInstant(date: string, digestTime: string, timeZone: string): string {
  const zoned = Temporal.PlainDate.from(date).toZonedDateTime({
    timeZone,
    plainTime: Temporal.PlainTime.from(digestTime),
  });
  return toIso(zoned.toInstant());
}

/**
 * Whether today's digest is due at `now`: the digest is on, today is a working day, and its time has come.
 * After that time it stays due for the rest of the local day, so a server that was down at 08:00 still
 * sends it when it starts; a day that is over is never sent.
 */
export function digestDueAt(
  now: string,
  schedule: DigestSchedule,
  isWorkingDay: (date: string) => boolean,
): DigestDue {
  const date = localDateAt(now, schedule.timeZone);
  if (!schedule.digestEnabled) return { due: false, date, reason: 'disabled' };
  if (!isWorkingDay(date)) return { due: false, date, reason: 'not_working_day' };
  if (now < digestInstant(date, schedule.digestTime, schedule.timeZone)) {
    return { due: false, date, reason: 'too_early' };
  }
  return { due: true, date };
}

/** Minutes before the next try after failed attempt number `attempt`: 1, 2, 4, 8, 16, then every 30. */
export function digestRetryDelayMinutes(attempt: number): number {
  return Math.min(30, 2 ** Math.max(0, Math.min(10, attempt - 1)));
}

/** The email for the day, or null when there is nothing overdue and nothing due: no email is sent then. */
export function composeDigestEmail(content: DigestContent): DigestEmail | null {
  const { overdue, today } = content;
  const answers = content.answers ?? [];
  if (overdue.length === 0 && today.length === 0 && answers.length === 0) return null;
  const counts = [
    ...(answers.length > 0
      ? [`${answers.length} ${answers.length === 1 ? 'answer' : 'answers'} from employers`]
      : []),
    ...(overdue.length > 0 ? [`${overdue.length} overdue`] : []),
    ...(today.length > 0 ? [`${today.length} due today`] : []),
  ];
  const day = formatWeekdayDate(content.date);
  const name = content.name ? oneLine(content.name) : '';
  const lines = [
    name ? `Good morning, ${name}.` : 'Good morning.',
    '',
    `Your follow-ups for ${day} (${content.timeZone}): ${counts.join(', ')}.`,
  ];
  const section = (title: string, items: readonly DigestItem[], when: (item: DigestItem) => string) => {
    if (items.length === 0) return;
    lines.push('', `${title} (${items.length})`, '');
    for (const item of items.slice(0, digestSectionLimit)) {
      lines.push(`- ${oneLine(item.title)}`);
      const why = oneLine(item.explanation);
      lines.push(`  ${when(item)}${why ? ` ${why}` : ''}`);
      lines.push(`  ${item.hasDraft ? 'Draft' : 'Open'}: ${item.link}`);
    }
    if (items.length > digestSectionLimit) {
      lines.push(`- and ${items.length - digestSectionLimit} more: see Today in hearback.`);
    }
  };
  if (answers.length > 0) {
    lines.push('', `ANSWERED THROUGH YOUR RESPONSE LINK (${answers.length})`, '');
    for (const answer of answers.slice(0, digestSectionLimit)) {
      lines.push(`- ${oneLine(answer.title)}: ${oneLine(answer.answer)}`);
      if (answer.message) lines.push(`  Their message: ${oneLine(answer.message)}`);
      if (answer.suggestion) lines.push(`  ${oneLine(answer.suggestion)}`);
      lines.push(`  Open: ${answer.link}`);
    }
  }
  section(
    'OVERDUE',
    overdue,
    (item) =>
      `Was due ${formatWeekdayDate(localDateAt(item.dueAt, content.timeZone))} ${clock(item.dueAt, content.timeZone)}.`,
  );
  section('DUE TODAY', today, (item) => `Due ${clock(item.dueAt, content.timeZone)}.`);
  lines.push(
    '',
    `Everything for today: ${content.todayLink}`,
    '',
    '--',
    `You get this email because the morning digest is on in hearback. Change its time or turn it off in Settings: ${content.settingsLink}`,
  );
  return { subject: `Your follow-ups for ${day}: ${counts.join(', ')}`, text: lines.join('\n') };
}

/**
 * User text on one line of the email, inert: every kind of line break becomes a space and other control
 * characters are dropped, so a title cannot fake a section, a link or a signature line.
 */
export function oneLine(value: string): string {
  return value
    .replace(/\r\n|[\r\n\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/g, ' ')
    .replace(/[\u0000-\u0008\u000e-\u001b\u001f\u007f-\u0084\u0086-\u009f]/g, '')
    .trim();
}

function clock(instant: string, timeZone: string): string {
  const zoned = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  return `${String(zoned.hour).padStart(2, '0')}:${String(zoned.minute).padStart(2, '0')}`;
}
