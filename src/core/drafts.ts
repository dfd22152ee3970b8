import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { WorkCalendar } from './business-days.js';
import type { Contact } from './contact.js';
import { formatLongDate as formatDateWords } from './date-words.js';
import { AppError, type FieldIssue } from './errors.js';
import { type Channel, eventSchema } from './event.js';
import { limits, requiredText, text } from './fields.js';
import { type FollowUpKind, followUpSchema, messageFollowUpKinds } from './follow-up.js';
import type { InterviewRound } from './interview.js';
import { roundNouns } from './labels.js';

/**
 * Drafts: the message (or call script) for a follow-up step, from a user-editable template with merge
 * fields such as `{{contact.firstName}}`. Rendering is plain text and single-pass: a merged value is never
 * read as a template again, so a name like "{{user.email}}" or "$&" stays exactly that. A field with no
 * value becomes a visible placeholder in the user's words, such as "[interviewer's name]", and is listed in
 * `missingFields` (and, in the same words, in `missingWords`); nothing ever renders as "undefined".
 */
export type DraftKind = (typeof messageFollowUpKinds)[number] | 'phone_script';

/** A template for each kind of step that sends a message, and a call script beside the first follow-up. */
export const draftKinds: readonly DraftKind[] = messageFollowUpKinds.flatMap((kind): DraftKind[] =>
  kind === 'first_follow_up' ? [kind, 'phone_script'] : [kind],
);

export const mergeFieldNames = [
  'user.name',
  'user.firstName',
  'user.email',
  'contact.name',
  'contact.firstName',
  'contact.email',
  'company.name',
  'application.jobTitle',
  'application.appliedDate',
  'interview.round',
  'interview.date',
  'interview.topics',
  'interview.decisionDate',
  'followUp.checkBackDate',
] as const;
export type MergeField = (typeof mergeFieldNames)[number];

/**
 * A missing field in the user's words: the draft shows it in brackets ("[your name]") and the warning lists
 * the same words, so the user can find each one in the text. Contact names depend on who the note is for.
 */
const fieldWords: Readonly<Record<Exclude<MergeField, 'contact.name' | 'contact.firstName'>, string>> = {
  'user.name': 'your name',
  'user.firstName': 'your first name',
  'user.email': 'your email',
  'contact.email': 'their email',
  'company.name': 'company name',
  'application.jobTitle': 'job title',
  'application.appliedDate': 'the date you applied',
  'interview.round': 'type of interview',
  'interview.date': 'interview date',
  'interview.topics': 'what you discussed',
  'interview.decisionDate': 'the date they gave you',
  'followUp.checkBackDate': 'a date to check back',
};

export function missingFieldWords(field: MergeField, kind: DraftKind): string {
  if (field === 'contact.name' || field === 'contact.firstName') {
    return kind === 'thank_you' ? "interviewer's name" : "hiring manager's name";
  }
  return fieldWords[field];
}

const mergeToken = /\{\{\s*([^{}]*?)\s*\}\}/g;
const lineBreaks = /\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/g;

function checkMergeFields(value: string, ctx: z.RefinementCtx): void {
  for (const match of value.matchAll(mergeToken)) {
    const name = match[1] ?? '';
    if (!(mergeFieldNames as readonly string[]).includes(name)) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown merge field {{${name}}}; use one of ${mergeFieldNames.map((f) => `{{${f}}}`).join(', ')}`,
      });
    }
  }
  if (value.replace(mergeToken, '').includes('{{')) {
    ctx.addIssue({ code: 'custom', message: 'has a "{{" that is not closed by "}}"' });
  }
}

export const draftTemplateSchema = z
  .strictObject({
    kind: z.enum(draftKinds),
    subject: text(limits.title)
      .refine((s) => !/[\r\n\u2028\u2029]/.test(s), { message: 'must be a single line' })
      .superRefine(checkMergeFields),
    body: requiredText(20_000).superRefine(checkMergeFields),
  })
  .meta({ id: 'DraftTemplate' });

export type DraftTemplate = z.infer<typeof draftTemplateSchema>;

export type Draft = {
  readonly kind: DraftKind;
  /** One line: any line break a merged value brought in is replaced by a space. */
  readonly subject: string;
  readonly body: string;
  /** Fields the template uses that had no value, in order of first use; each shows as a placeholder. */
  readonly missingFields: readonly MergeField[];
  /** The same fields in the user's words ("your name"); each shows in the text as "[your name]". */
  readonly missingWords: readonly string[];
};

/** Everything a draft can draw on; any part may be missing, and shows as a placeholder when used. */
export type DraftContext = {
  readonly user: { readonly name: string | null; readonly email: string | null };
  readonly company?: { readonly name: string } | null;
  readonly application?: { readonly jobTitle: string; readonly appliedAt: string | null } | null;
  readonly contact?: { readonly name: string; readonly email: string | null } | null;
  readonly interview?: {
    readonly round: InterviewRound;
    readonly startsAt: string;
    /** What was discussed, noted after the interview; when empty, the notes taken with the interview. */
    readonly topics: string;
    readonly notes: string;
    readonly decisionDate: string | null;
  } | null;
  /** The step the draft is for: a date to offer to check back on (`checkBackDate`), never one already past. */
  readonly followUp?: { readonly checkBackDate: string | null } | null;
  /** The user's zone: "Tuesday 3 March" is the date of the interview where the user lives. */
  readonly timeZone: string;
};

/** Checks a template a user saved or submitted; an unknown merge field is an error that names it. */
export function parseDraftTemplate(raw: unknown): DraftTemplate {
  const parsed = draftTemplateSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'template',
    message: issue.message,
  }));
  const first = issues[0];
  throw new AppError('VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'invalid template', {
    issues,
  });
}

/** Templates already checked, by content: the defaults and a stored template are checked once. */
const checkedTemplates = new Set<string>();

export function renderDraft(rawTemplate: DraftTemplate, context: DraftContext): Draft {
  const key = JSON.stringify([rawTemplate.kind, rawTemplate.subject, rawTemplate.body]);
  const template = checkedTemplates.has(key) ? rawTemplate : parseDraftTemplate(rawTemplate);
  if (checkedTemplates.size >= 1_000) checkedTemplates.clear();
  checkedTemplates.add(key);
  const values = mergeValues(context);
  const missing: MergeField[] = [];
  const fill = (source: string, isSubject: boolean) =>
    source.replace(mergeToken, (_token, rawName: string) => {
      const field = rawName as MergeField;
      const value = values[field];
      if (value === null) {
        if (!missing.includes(field)) missing.push(field);
        return `[${missingFieldWords(field, template.kind)}]`;
      }
      return isSubject ? value.replace(lineBreaks, ' ') : value;
    });
  const subject = fill(template.subject, true);
  const body = fill(template.body, false);
  const missingWords = [...new Set(missing.map((field) => missingFieldWords(field, template.kind)))];
  return { kind: template.kind, subject, body, missingFields: missing, missingWords };
}

function mergeValues(context: DraftContext): Readonly<Record<MergeField, string | null>> {
  const { user, company, application, contact, interview, followUp, timeZone } = context;
  return {
    'user.name': present(user.name),
    'user.firstName': firstName(user.name),
    'user.email': present(user.email),
    'contact.name': present(contact?.name),
    'contact.firstName': firstName(contact?.name),
    'contact.email': present(contact?.email),
    'company.name': present(company?.name),
    'application.jobTitle': present(application?.jobTitle),
    'application.appliedDate': application?.appliedAt
      ? formatLongDate(application.appliedAt, timeZone)
      : null,
    'interview.round': interview ? roundNouns[interview.round] : null,
    'interview.date': interview ? formatLongDate(interview.startsAt, timeZone) : null,
    'interview.topics': interview ? (joinTopics(interview.topics) ?? joinTopics(interview.notes)) : null,
    'interview.decisionDate': interview?.decisionDate
      ? formatLongDate(interview.decisionDate, timeZone)
      : null,
    'followUp.checkBackDate': followUp?.checkBackDate
      ? formatLongDate(followUp.checkBackDate, timeZone)
      : null,
  };
}

function present(value: string | null | undefined): string | null {
  return value != null && value.trim().length > 0 ? value : null;
}

function firstName(name: string | null | undefined): string | null {
  const full = present(name);
  return full === null ? null : (full.trim().split(/\s+/)[0] ?? null);
}

/**
 * Topics are noted as free text, often one per line or as a bulleted list; in a sentence they read as
 * "the roadmap, the on-call rota and testing". A line's closing full stop goes, as the sentence has its
 * own; otherwise single-line text is kept exactly as typed.
 */
export function joinTopics(topics: string): string | null {
  const items = topics
    .split(/\r\n|[\r\n]/)
    .map((line) =>
      line
        .replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')
        .trim()
        .replace(/(?<!\.)\.$/, ''),
    )
    .filter((line) => line.length > 0);
  if (items.length === 0) return null;
  if (items.length === 1) return items[0] ?? null;
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Tuesday 3 March": a local date, or the date an instant falls on in the user's zone. */
export function formatLongDate(dateOrInstant: string, timeZone: string): string {
  const key = `${timeZone}|${dateOrInstant}`;
  const cached = longDates.get(key);
  if (cached) return cached;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant)
    ? Temporal.PlainDate.from(dateOrInstant)
    : Temporal.Instant.from(dateOrInstant).toZonedDateTimeISO(timeZone).toPlainDate();
  const result = formatDateWords(date.toString());
  if (longDates.size >= 10_000) longDates.clear();
  longDates.set(key, result);
  return result;
}

const longDates = new Map<string, string>();

/**
 * The day the call or message is offered to check back on, should they need more time: two business days
 * after the date they gave when it is still ahead (the playbook's default after a given date), else a week
 * of business days after the day of the call. The call is made on the day the step is due, or today when
 * that has passed, so the date offered is never one already past.
 */
export function checkBackDate(
  calendar: Pick<WorkCalendar, 'addBusinessDays'>,
  step: { readonly dueDate: string; readonly today: string; readonly decisionDate: string | null },
): string {
  const callDate = [step.dueDate, step.today].sort().at(-1) ?? step.dueDate;
  return step.decisionDate !== null && step.decisionDate >= callDate
    ? calendar.addBusinessDays(step.decisionDate, 2)
    : calendar.addBusinessDays(callDate, 5);
}

type Addressee = Pick<Contact, 'id' | 'role' | 'email'>;

/**
 * Whom a step's message is for. The planner names the interviewer a thank-you is for, and for the nudges the
 * person last heard from or written to; when it names no one, a nudge goes to the people of the interview it
 * follows, else to a hiring manager or recruiter known at the company: someone with an email before someone
 * without, and a hiring manager before a recruiter before anyone else. A thank-you without an interviewer
 * stays unaddressed: only an interviewer gets one.
 */
export function chooseAddressee<C extends Addressee>(
  step: { readonly kind: FollowUpKind },
  people: {
    readonly named: C | null;
    readonly interviewers: readonly C[];
    readonly atCompany: readonly C[];
  },
): C | null {
  if (people.named) return people.named;
  if (step.kind === 'thank_you') return null;
  const rank = (contact: C) =>
    (contact.role === 'hiring_manager' ? 0 : contact.role === 'recruiter' ? 1 : 2) + (contact.email ? 0 : 3);
  const best = (contacts: readonly C[]) => [...contacts].sort((a, b) => rank(a) - rank(b))[0] ?? null;
  return (
    best(people.interviewers) ??
    best(people.atCompany.filter((c) => c.role === 'hiring_manager' || c.role === 'recruiter'))
  );
}

/** Which draft fits a step: a first follow-up planned as a call gets the call script. */
export function draftKindFor(step: {
  readonly kind: FollowUpKind;
  readonly channel: Channel | null;
}): DraftKind | null {
  switch (step.kind) {
    case 'first_follow_up':
      return step.channel === 'phone' ? 'phone_script' : 'first_follow_up';
    case 'thank_you':
    case 'second_follow_up':
    case 'closing_note':
    case 'offer_check':
    case 'feedback_request':
    case 'application_check_in':
      return step.kind;
    case 'suggest_no_response':
    case 'custom':
      return null;
  }
}

/**
 * A `mailto:` link (RFC 6068). Every part is percent-encoded, so nothing a user typed can add a header or
 * a recipient: the subject has no line breaks left to encode, and the body's line breaks become %0D%0A,
 * which is how RFC 6068 says a body line break is written.
 */
export function mailtoLink(draft: Pick<Draft, 'subject' | 'body'>, to: string | null): string {
  const address = to === null ? '' : encodeURIComponent(wellFormed(to)).replace(/%40/g, '@');
  const subject = encodeURIComponent(wellFormed(draft.subject.replace(lineBreaks, ' ')));
  const body = encodeURIComponent(wellFormed(draft.body.replace(/\r\n|\r|\n/g, '\r\n')));
  return `mailto:${address}?subject=${subject}&body=${body}`;
}

/** encodeURIComponent throws on a lone surrogate; such a character becomes U+FFFD instead. */
function wellFormed(value: string): string {
  return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const signOff = '\n\nBest regards,\n{{user.name}}';

/**
 * The default templates: short, polite, and specific, following the common recruiters' advice (thank
 * every interviewer and cite what you discussed; follow up once their date has passed; close the loop
 * gracefully; ask for feedback after a rejection). Users edit them as data.
 */
export const defaultDraftTemplates: Readonly<Record<DraftKind, DraftTemplate>> = {
  thank_you: {
    kind: 'thank_you',
    subject: 'Thank you for the {{interview.round}}: {{application.jobTitle}}',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'Thank you for taking the time to speak with me on {{interview.date}} about the {{application.jobTitle}} role at {{company.name}}. ' +
      'I especially enjoyed our conversation about {{interview.topics}}.\n\n' +
      'It left me even more enthusiastic about the role and the team. If there is anything else I can share to help with your decision, please let me know.' +
      signOff,
  },
  first_follow_up: {
    kind: 'first_follow_up',
    subject: 'Following up on the {{application.jobTitle}} role',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'I hope you are well. I am writing to follow up on my {{interview.round}} on {{interview.date}} for the {{application.jobTitle}} role at {{company.name}}. ' +
      'I remain very interested in the position and would be grateful for any update on your timeline.\n\n' +
      'Thank you again for your time.' +
      signOff,
  },
  second_follow_up: {
    kind: 'second_follow_up',
    subject: 'Checking in: {{application.jobTitle}} at {{company.name}}',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'I wanted to check in once more about the {{application.jobTitle}} role. I understand these decisions take time; ' +
      'I am still very interested, and happy to provide anything else that would help.\n\n' +
      'Thank you for keeping me in mind.' +
      signOff,
  },
  phone_script: {
    kind: 'phone_script',
    subject: 'Call about the {{application.jobTitle}} role at {{company.name}}',
    body:
      'Hello, this is {{user.name}}. May I speak with {{contact.name}}, please?\n\n' +
      'Hi {{contact.firstName}}, I had my {{interview.round}} for the {{application.jobTitle}} role on {{interview.date}}, and I am calling to follow up. ' +
      'I am still very interested in the position. Is there any news on the timeline for a decision?\n\n' +
      'If they need more time: Thank you, that helps. Would it be all right if I checked back on {{followUp.checkBackDate}}?\n\n' +
      'If you reach voicemail: Hi {{contact.firstName}}, this is {{user.name}}, calling about the {{application.jobTitle}} role I interviewed for on {{interview.date}}. ' +
      'I am still very interested and would appreciate an update when you have one. You can reach me at {{user.email}}. Thank you!',
  },
  closing_note: {
    kind: 'closing_note',
    subject: 'Closing the loop: {{application.jobTitle}}',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'I have followed up a few times about the {{application.jobTitle}} role and have not heard back, so I will assume you have decided to move forward with other candidates. ' +
      'Thank you for considering me; I enjoyed learning about {{company.name}}.\n\n' +
      'If anything changes, I would be glad to hear from you, and I hope our paths cross again.' +
      signOff,
  },
  offer_check: {
    kind: 'offer_check',
    subject: 'Written offer for the {{application.jobTitle}} role',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'Thank you again for the offer for the {{application.jobTitle}} role at {{company.name}}; I am excited about it. ' +
      'Could you let me know when I can expect the written offer, so that I can review the details?' +
      signOff,
  },
  feedback_request: {
    kind: 'feedback_request',
    subject: 'Thank you, and a request for feedback',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'Thank you for letting me know your decision about the {{application.jobTitle}} role. Although I am disappointed, I appreciated the chance to learn about {{company.name}}.\n\n' +
      'If you have a moment, I would value any feedback on my application or interviews that could help me improve. ' +
      'I would also be glad to stay in touch about future opportunities.' +
      signOff,
  },
  application_check_in: {
    kind: 'application_check_in',
    subject: 'My application for the {{application.jobTitle}} role',
    body:
      'Dear {{contact.firstName}},\n\n' +
      'I applied for the {{application.jobTitle}} role at {{company.name}} on {{application.appliedDate}} and wanted to make sure my application reached you. ' +
      'I am very interested in the role and would welcome the chance to discuss how I could contribute.\n\n' +
      'Thank you for your time.' +
      signOff,
  },
};

const missingWords = z
  .array(z.string())
  .readonly()
  .describe('the missing fields in your words ("your name"); each shows in the text as "[your name]"');

/** What `GET /api/follow-ups/:id/draft` answers: the rendered message for one step, ready to copy or send. */
export const stepDraftSchema = z
  .object({
    followUpId: z.string(),
    kind: z.enum(draftKinds),
    subject: z.string(),
    body: z.string(),
    missingFields: z
      .array(z.string())
      .readonly()
      .describe('merge fields with no value; each shows as a [placeholder]'),
    missingWords: missingWords,
    contact: z
      .object({
        id: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
      })
      .nullable()
      .describe('whom the message is for: the interviewer, or the person last heard from'),
    to: z.string().nullable(),
    mailto: z.string(),
  })
  .meta({ id: 'Draft' });

export type StepDraft = z.infer<typeof stepDraftSchema>;

/** A template rendered against a step or sample data, without saving it. */
export const renderedTemplateSchema = z.object({
  kind: z.enum(draftKinds),
  subject: z.string(),
  body: z.string(),
  missingFields: z.array(z.string()).readonly(),
  missingWords,
});

export type RenderedTemplate = z.infer<typeof renderedTemplateSchema>;

/** A message template as the user keeps it, and whether it is still the default text. */
export const templateViewSchema = draftTemplateSchema
  .extend({ isDefault: z.boolean() })
  .meta({ id: 'TemplateView' });

export type TemplateView = z.infer<typeof templateViewSchema>;

/** What sending a draft answers: the step, now done, and the message as recorded on the timeline. */
export const sentDraftSchema = z.object({ step: followUpSchema, event: eventSchema });

export type SentDraft = z.infer<typeof sentDraftSchema>;
