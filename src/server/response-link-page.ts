import { createHash } from 'node:crypto';
import {
  type ResponseLinkAnswer,
  responseLinkAnswers,
  responseLinkMessageLimit,
} from '../core/response-link.js';

/**
 * The employer's page (docs/response-link.md): server-rendered HTML, no script, one inline style allowed by
 * its hash, no request to anyone else. Every value from the database or the request is escaped.
 */
export type PageLanguage = 'en' | 'de';

export function pageLanguageOf(locale: string): PageLanguage {
  return /^de\b/i.test(locale) ? 'de' : 'en';
}

type Words = {
  readonly title: string;
  readonly about: (who: string | null, role: string, company: string) => string;
  readonly lastContact: (date: string) => string;
  readonly legend: string;
  readonly answers: Readonly<Record<ResponseLinkAnswer, string>>;
  readonly expectedBy: string;
  readonly message: string;
  readonly send: string;
  readonly privacy: (who: string | null) => string;
  readonly sent: string;
  readonly previous: (date: string, answer: string) => string;
  readonly staleForm: string;
  readonly chooseAnswer: string;
  readonly badDate: string;
  readonly notFoundTitle: string;
  readonly notFound: string;
  readonly tooMany: string;
};

const words: Readonly<Record<PageLanguage, Words>> = {
  en: {
    title: 'Where do things stand?',
    about: (who, role, company) =>
      who
        ? `${who} applied for ${role} at ${company} and would like to know where things stand.`
        : `This is about an application for ${role} at ${company}.`,
    lastContact: (date) => `Last contact: ${date}.`,
    legend: 'Your answer',
    answers: {
      still_deciding: 'We are still deciding; expect news by the date below',
      another_candidate: 'We went with another candidate',
      on_hold: 'The role is on hold or closed',
      next_conversation: "Let's schedule a next conversation",
    },
    expectedBy: 'News expected by (optional)',
    message: `A short message (optional, up to ${responseLinkMessageLimit} characters)`,
    send: 'Send answer',
    privacy: (who) =>
      `Your answer goes only to ${who ?? 'the candidate'}. No login, no tracking: this page loads nothing from elsewhere and sets one cookie that only protects the form.`,
    sent: 'Thank you. Your answer has been passed on. You can send a new one below while this link works.',
    previous: (date, answer) => `Answered on ${date}: “${answer}”. A new answer replaces it.`,
    staleForm: 'This form had expired or was already sent. Please choose your answer again.',
    chooseAnswer: 'Please choose one of the answers.',
    badDate: 'Please give a date from today on, or leave it empty.',
    notFoundTitle: 'This link does not work',
    notFound:
      'The link may have expired or been withdrawn. If you meant to answer, simply reply to the email instead.',
    tooMany: 'Too many requests from here. Please try again in a few minutes.',
  },
  de: {
    title: 'Wie ist der Stand?',
    about: (who, role, company) =>
      who
        ? `${who} hat sich bei ${company} als ${role} beworben und möchte wissen, wie der Stand ist.`
        : `Es geht um eine Bewerbung bei ${company} als ${role}.`,
    lastContact: (date) => `Letzter Kontakt: ${date}.`,
    legend: 'Ihre Antwort',
    answers: {
      still_deciding: 'Wir entscheiden noch; Nachricht bis zum Datum unten',
      another_candidate: 'Wir haben uns für eine andere Person entschieden',
      on_hold: 'Die Stelle ist pausiert oder geschlossen',
      next_conversation: 'Lassen Sie uns ein nächstes Gespräch vereinbaren',
    },
    expectedBy: 'Nachricht voraussichtlich bis (optional)',
    message: `Eine kurze Nachricht (optional, bis ${responseLinkMessageLimit} Zeichen)`,
    send: 'Antwort senden',
    privacy: (who) =>
      `Ihre Antwort geht nur an ${who ?? 'die Bewerberin oder den Bewerber'}. Keine Anmeldung, kein Tracking: Diese Seite lädt nichts von anderswo und setzt nur ein Cookie, das das Formular schützt.`,
    sent: 'Vielen Dank. Ihre Antwort wurde weitergegeben. Solange dieser Link gilt, können Sie unten eine neue senden.',
    previous: (date, answer) => `Beantwortet am ${date}: „${answer}“. Eine neue Antwort ersetzt sie.`,
    staleForm:
      'Dieses Formular war abgelaufen oder schon gesendet. Bitte wählen Sie Ihre Antwort noch einmal.',
    chooseAnswer: 'Bitte wählen Sie eine der Antworten.',
    badDate: 'Bitte geben Sie ein Datum ab heute an oder lassen Sie das Feld leer.',
    notFoundTitle: 'Dieser Link funktioniert nicht',
    notFound:
      'Der Link ist vielleicht abgelaufen oder wurde zurückgezogen. Antworten Sie in dem Fall einfach auf die E-Mail.',
    tooMany: 'Zu viele Anfragen von hier. Bitte versuchen Sie es in ein paar Minuten noch einmal.',
  },
};

const style = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f6f7f9}
main{max-width:36rem;margin:0 auto;padding:1.25rem 1rem 2rem}
h1{font-size:1.4rem;margin:0 0 .75rem}
p{margin:0 0 .75rem;overflow-wrap:anywhere}
fieldset{border:0;margin:0 0 1rem;padding:0}
legend{font-weight:600;margin-bottom:.5rem}
.answer{display:block;background:#fff;border:1px solid #8a939e;border-radius:.5rem;padding:.75rem;margin:0 0 .5rem}
.answer input{margin-right:.5rem;width:1.1rem;height:1.1rem;vertical-align:-.15rem}
label.field{display:block;font-weight:600;margin:.5rem 0 .25rem}
input[type=date],textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #5f6b78;border-radius:.375rem;background:#fff;color:inherit}
textarea{min-height:6rem;resize:vertical}
button{font:inherit;font-weight:600;color:#fff;background:#1f5fbf;border:0;border-radius:.5rem;padding:.75rem 1.25rem;margin-top:1rem;width:100%;cursor:pointer}
button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.note{color:#454d57;font-size:.9rem}
.notice{background:#e7f4ea;border:1px solid #2e7d46;border-radius:.5rem;padding:.75rem}
.error{background:#fdecea;border:1px solid #b3261e;border-radius:.5rem;padding:.75rem}
`;

/** The page's Content-Security-Policy: nothing loads, the one style block is allowed by its hash. */
export const responseLinkCsp = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function formatDate(date: string, language: PageLanguage): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function document(language: PageLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export type FormPageInput = {
  readonly language: PageLanguage;
  readonly action: string;
  readonly nonce: string;
  readonly candidateName: string | null;
  readonly jobTitle: string;
  readonly companyName: string;
  readonly lastContactDate: string | null;
  readonly today: string;
  readonly previousAnswer: { readonly answer: ResponseLinkAnswer; readonly date: string } | null;
  readonly notice: 'sent' | null;
  readonly error: 'stale_form' | 'choose_answer' | 'bad_date' | null;
  /** What the employer had typed, kept when the form is shown again. */
  readonly values?: { readonly answer?: string; readonly expectedBy?: string; readonly message?: string };
};

export function renderFormPage(input: FormPageInput): string {
  const w = words[input.language];
  const e = escapeHtml;
  const who = input.candidateName?.trim() ? input.candidateName : null;
  const values = input.values ?? {};
  const paragraphs = [
    `<h1>${e(w.title)}</h1>`,
    input.notice === 'sent' ? `<p class="notice" role="status">${e(w.sent)}</p>` : '',
    input.error
      ? `<p class="error" role="alert">${e(
          input.error === 'stale_form'
            ? w.staleForm
            : input.error === 'bad_date'
              ? w.badDate
              : w.chooseAnswer,
        )}</p>`
      : '',
    `<p>${e(w.about(who, input.jobTitle, input.companyName))}${
      input.lastContactDate ? ` ${e(w.lastContact(formatDate(input.lastContactDate, input.language)))}` : ''
    }</p>`,
    input.previousAnswer
      ? `<p class="note">${e(
          w.previous(
            formatDate(input.previousAnswer.date, input.language),
            w.answers[input.previousAnswer.answer],
          ),
        )}</p>`
      : '',
  ];
  const options = responseLinkAnswers
    .map(
      (answer) =>
        `<label class="answer"><input type="radio" name="answer" value="${answer}" required${
          values.answer === answer ? ' checked' : ''
        }>${e(w.answers[answer])}</label>`,
    )
    .join('\n');
  const form = `<form method="post" action="${e(input.action)}">
<input type="hidden" name="nonce" value="${e(input.nonce)}">
<fieldset>
<legend>${e(w.legend)}</legend>
${options}
</fieldset>
<label class="field" for="expectedBy">${e(w.expectedBy)}</label>
<input type="date" id="expectedBy" name="expectedBy" min="${e(input.today)}" value="${e(values.expectedBy ?? '')}">
<label class="field" for="message">${e(w.message)}</label>
<textarea id="message" name="message" maxlength="${responseLinkMessageLimit}">${e(values.message ?? '')}</textarea>
<button type="submit">${e(w.send)}</button>
</form>
<p class="note">${e(w.privacy(who))}</p>`;
  return document(input.language, w.title, [...paragraphs.filter(Boolean), form].join('\n'));
}

/** The one page an unknown, revoked or expired link shows: the same bytes for all three. */
export function renderNotFoundPage(): string {
  const en = words.en;
  const de = words.de;
  return document(
    'en',
    en.notFoundTitle,
    `<h1>${escapeHtml(en.notFoundTitle)}</h1>
<p>${escapeHtml(en.notFound)}</p>
<p lang="de">${escapeHtml(de.notFoundTitle)}. ${escapeHtml(de.notFound)}</p>`,
  );
}

export function renderTooManyPage(): string {
  return document(
    'en',
    words.en.tooMany,
    `<h1>${escapeHtml(words.en.tooMany)}</h1>
<p lang="de">${escapeHtml(words.de.tooMany)}</p>`,
  );
}
