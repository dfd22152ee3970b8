/**
 * What an employer's email says, decided by rules a person can read (docs/inbox.md, "The rules"). Each rule
 * is a phrase pattern in one language for one kind; the first rule that fires, in the order of `kindOrder`,
 * names the kind and is stored beside the message as the reason. No rule reads the quoted or forwarded
 * history of a reply when the new text says something: "we'd like to invite you" quoted from an old thread
 * is not a new invitation.
 */

export const inboxKinds = [
  'not_a_reply',
  'offer',
  'rejection',
  'interview_invitation',
  'availability_request',
  'acknowledgement',
  'other_reply',
] as const;
export type InboxKind = (typeof inboxKinds)[number];

export type Classification = {
  readonly kind: InboxKind;
  /**
   * True only for the kinds whose rules are strict enough to act on without asking: a rejection phrase, an
   * acknowledgement phrase, an invitation with a calendar file, and mail that is not a reply. The corpus test
   * holds these to zero false positives.
   */
  readonly certain: boolean;
  /** The rule that fired, e.g. `en.rejection.other-candidates`; `default.other-reply` when none did. */
  readonly rule: string;
};

/** What the rules read: the mail's subject, its new text, the headers that mark bulk and automatic mail. */
export type ClassifiableMail = {
  readonly subject: string;
  readonly text: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly fromAddress: string;
  /** Calendar files attached (text/calendar): an invitation with one is certain. */
  readonly hasCalendar: boolean;
};

type Rule = {
  readonly id: string;
  readonly kind: InboxKind;
  readonly certain: boolean;
  readonly pattern: RegExp;
};

/**
 * Patterns are written with `\w` for a letter or digit and `\W` for anything else, and compiled Unicode-aware,
 * so "Büro" or "Vorschläge" is one word: German reads as English does.
 */
const rule = (id: string, kind: InboxKind, certain: boolean, pattern: RegExp): Rule => ({
  id,
  kind,
  certain,
  pattern: new RegExp(
    pattern.source.replaceAll('\\W', '[^\\p{L}\\p{N}]').replaceAll('\\w', '[\\p{L}\\p{N}]'),
    'iu',
  ),
});

/**
 * The phrases, per kind and language. Patterns are case-insensitive and match across line breaks; `\W+`
 * between words tolerates the line wrapping and non-breaking spaces of HTML mail turned into text.
 */
export const rules: readonly Rule[] = [
  // Offers come before rejections: "we are pleased to offer you" never appears in a rejection.
  rule(
    'en.offer.pleased-to-offer',
    'offer',
    false,
    /\b(pleased|happy|delighted|excited|thrilled)\W+to\W+(extend\W+(you\W+)?(an?\W+)?(formal\W+)?offer|offer\W+you\W+the\W+(position|role|job))/,
  ),
  rule(
    'en.offer.offer-letter',
    'offer',
    false,
    /\b(your|the|an?)\W+(formal\W+|written\W+|employment\W+|job\W+)?offer\W+letter\b|\battached\W+(is\W+)?(your\W+)?offer\b/,
  ),
  rule(
    'de.offer.angebot',
    'offer',
    false,
    /\b(freuen\W+uns|gerne\W+möchten\W+wir),?\W+(ihnen|dir)\W+(ein\W+(vertrags)?angebot|die\W+(stelle|position)\W+(\w+\W+){0,4}anzubieten)|\bvertragsangebot\b|\barbeitsvertrag\W+(im\W+anhang|anbei)/,
  ),

  rule(
    'en.rejection.other-candidates',
    'rejection',
    true,
    /\b(decided|chosen|elected|opted)\W+to\W+(move\W+forward|proceed|go\W+forward|continue|pursue)\W+with\W+(other|another|a\W+different)\W+(candidates?|applicants?)/,
  ),
  rule(
    'en.rejection.not-moving-forward',
    'rejection',
    true,
    /\b(will|won\W?t|have\W+decided\W+to|decided\W+to|are)\W+not\W+(be\W+)?(moving|move|going|proceeding|proceed|progressing|progress)\W+(forward\W+)?(with\W+your|further\W+with\W+your|to\W+the\W+next)|\bwon\W?t\W+be\W+(moving|going)\W+forward\W+with\W+your|\bdecided\W+not\W+to\W+(move\W+forward\W+with|progress|proceed\W+with|continue\W+with)\W+your/,
  ),
  rule(
    'en.rejection.not-selected',
    'rejection',
    true,
    /\byou\W+(have\W+)?(were\W+)?not\W+been\W+selected\b|\bwere\W+not\W+selected\b|\b(unable|not\W+able)\W+to\W+offer\W+you\b/,
  ),
  rule('en.rejection.regret', 'rejection', true, /\bregret\W+to\W+(inform|let\W+you\W+know|tell\W+you)\b/),
  rule(
    'en.rejection.position-filled',
    'rejection',
    true,
    /\b(position|role|vacancy)\W+(has|have)\W+(now\W+)?been\W+(filled|closed)\b/,
  ),
  rule(
    'en.rejection.not-a-match',
    'rejection',
    true,
    /\b(unfortunately|after\W+careful\W+(review|consideration)),?\W+[^.]{0,120}\b(not\W+(be\W+)?(a\W+)?(the\W+right\W+|a\W+)?(fit|match)|not\W+(be\W+)?(able\W+to\W+)?(move|moving)\W+forward)/,
  ),
  rule(
    'de.rejection.leider-absage',
    'rejection',
    true,
    /\bleider\W+(\w+\W+){0,12}(absage|absagen|nicht\W+(weiter\W+)?berücksichtigen|nicht\W+in\W+die\W+engere\W+wahl|nicht\W+weiter\W+verfolgen|keine\W+positive\W+rückmeldung|nicht\W+positiv|anderen?\W+(kandidat|bewerber))/,
  ),
  rule(
    'de.rejection.anders-entschieden',
    'rejection',
    true,
    /\b(uns|wir\W+uns)\W+(\w+\W+){0,6}für\W+(eine\W+)?(einen\W+)?(andere|anderen)\W+(kandidat|bewerber|bewerbung)/,
  ),
  rule(
    'de.rejection.stelle-besetzt',
    'rejection',
    true,
    /\b(stelle|position)\W+(wurde\W+)?(bereits\W+|inzwischen\W+|mittlerweile\W+)?(anderweitig\W+)?besetzt\b/,
  ),
  rule(
    'de.rejection.mitteilen',
    'rejection',
    true,
    /\bmüssen\W+(wir\W+)?(ihnen|dir)\W+(\w+\W+){0,3}leider\W+mitteilen\b|\bteilen\W+(ihnen|dir)\W+(\w+\W+){0,3}leider\W+mit\b/,
  ),

  rule(
    'en.invitation.invite-to-interview',
    'interview_invitation',
    false,
    /\b(like|love|want|happy|pleased|delighted)\W+to\W+invite\W+(you|\w+)\W+(to|for)\W+(an?\W+|the\W+|our\W+)?(\w+\W+){0,3}(interview|chat|call|conversation|meeting|onsite|on-site)/,
  ),
  rule(
    'en.invitation.interview-scheduled',
    'interview_invitation',
    false,
    /\byour\W+(\w+\W+){0,2}interview\W+(has\W+been|is)\W+(scheduled|confirmed|booked)\b|\bconfirm(ing)?\W+your\W+interview\W+(on|for)\b/,
  ),
  rule(
    'en.invitation.next-round',
    'interview_invitation',
    false,
    /\b(move|moving|advance|advancing|invite)\W+you\W+to\W+the\W+next\W+(round|stage|step)\b/,
  ),
  rule(
    'de.invitation.einladen',
    'interview_invitation',
    false,
    /\b(möchten|würden|freuen\W+uns),?\W+(\w+\W+){0,3}(sie|dich)\W+(gerne\W+)?(herzlich\W+)?(zu\W+)?(einem|einen|unserem|einer)\W+(\w+\W+){0,3}(vorstellungsgespräch|gespräch|interview|kennenlernen|termin)\W+(\w+\W+){0,5}ein(zu)?laden|\beinladung\W+zum\W+(\w+\W+){0,2}(vorstellungsgespräch|gespräch|interview)/,
  ),

  rule(
    'en.availability.when-available',
    'availability_request',
    false,
    /\b(let\W+(me|us)\W+know\W+your\W+availability|what\W+(is|does)\W+your\W+availability|your\W+availability\W+(for|next|this|over)|when\W+(would\W+you\W+be|are\W+you)\W+available|which\W+(times?|slots?|days?)\W+(work|suit|would\W+work)|(send|share)\W+(me|us)\W+(a\W+few|some)\W+(times|slots)|(book|pick|choose|select)\W+(a\W+)?(time|slot)\W+(that|using|via|here|on\W+my|in\W+my))/,
  ),
  rule(
    'de.availability.wann-zeit',
    'availability_request',
    false,
    /\b(wann\W+(hätten|haben|hättest|hast)\W+(sie|du)\W+zeit|(nennen|schicken|senden)\W+(sie\W+)?(uns|mir)\W+(bitte\W+)?(\w+\W+){0,4}(termine|terminvorschläge|zeitfenster|verfügbarkeit)|ihre\W+verfügbarkeit|wie\W+sieht\W+(ihre|deine)\W+verfügbarkeit|welche\W+(termine|tage|zeiten)\W+(passen|würden))/,
  ),

  rule(
    'en.acknowledgement.received',
    'acknowledgement',
    true,
    /\b(we('ve|\W+have)?\W+(successfully\W+)?received\W+your\W+application|(thank\W+you|thanks)\W+(so\W+much\W+)?for\W+(applying|your\W+application|submitting\W+your\W+application)[\s\S]{0,200}\b(we\W+(will|'ll)\W+(review|be\W+in\W+touch|get\W+back|contact)|our\W+(team|recruiters?|hiring\W+team)\W+will\W+review|under\W+review|if\W+your\W+(skills|profile|experience|qualifications))|your\W+application\W+(has\W+been|was)\W+(successfully\W+)?(received|submitted))/,
  ),
  rule(
    'de.acknowledgement.eingegangen',
    'acknowledgement',
    true,
    /\b(ihre|deine)\W+bewerbung\W+(ist\W+)?(\w+\W+){0,3}(bei\W+uns\W+)?(eingegangen|angekommen|erhalten)\b|\b(wir\W+)?(haben|bestätigen)\W+(\w+\W+){0,2}(den\W+)?(eingang|erhalt)\W+(ihrer|deiner)\W+bewerbung|\bvielen\W+dank\W+für\W+(ihre|deine)\W+bewerbung[\s\S]{0,160}\b(prüfen|sichten|melden\W+uns)/,
  ),
];

const autoReplySubject =
  /^\s*(out\s+of\s+(the\s+)?office|automatic\s+reply|auto(matic)?[- ]?reply|autoreply|abwesenheitsnotiz|automatische\s+antwort|abwesend|i\s+am\s+(currently\s+)?out|on\s+vacation|urlaub)\b/i;
const autoReplyText =
  /\b(i\s+am\s+(currently\s+)?out\s+of\s+(the\s+)?office|i('m|\s+am)\s+(currently\s+)?(away|on\s+(annual\s+|parental\s+)?leave|on\s+vacation)\s+(until|till|from|and)|ich\s+bin\s+(derzeit\s+|bis\s+\S+\s+)?(nicht\s+im\s+büro|abwesend|im\s+urlaub)|bin\s+ich\s+(nicht\s+im\s+büro|abwesend|im\s+urlaub))/i;
const newsletterText =
  /\b(unsubscribe|abmelden|abbestellen|manage\s+(your\s+)?(email\s+)?(preferences|subscriptions)|newsletter|job\s+alert|jobs?\s+(you\s+might|matching\s+your|for\s+you)|new\s+jobs\s+(for|matching)|view\s+(this\s+email\s+)?in\s+(your\s+)?browser)\b/i;

/**
 * Mail that is no answer to anything: auto-replies and out-of-office notes (RFC 3834 `Auto-Submitted:
 * auto-replied`, the vendors' own headers, the usual subjects), and bulk mail (a `List-Unsubscribe` or
 * `List-Id` header, or `Precedence: bulk` with newsletter words): a newsletter that says "interview" is still
 * a newsletter.
 */
function notAReplyRule(mail: ClassifiableMail): string | null {
  const h = mail.headers;
  if ((h['auto-submitted'] ?? '').toLowerCase().startsWith('auto-replied'))
    return 'header.auto-submitted-auto-replied';
  if (
    h['x-autoreply'] ||
    h['x-autorespond'] ||
    (h['x-auto-response-suppress']?.toLowerCase() === 'all' && autoReplySubject.test(mail.subject))
  ) {
    return 'header.x-autoreply';
  }
  if (autoReplySubject.test(mail.subject)) return 'subject.auto-reply';
  if (autoReplyText.test(mail.text.slice(0, 600))) return 'text.out-of-office';
  const precedence = (h.precedence ?? '').toLowerCase();
  if (h['list-id'] || h['list-unsubscribe']) {
    // Some applicant tracking systems add List-Unsubscribe to their notices; a rejection or
    // acknowledgement phrase keeps such mail in the running.
    if (
      !rules.some((r) => r.certain && r.kind !== 'acknowledgement' && r.pattern.test(mail.text)) &&
      newsletterText.test(`${mail.subject}\n${mail.text}`)
    ) {
      return 'header.list-newsletter';
    }
  }
  if (
    (precedence === 'bulk' || precedence === 'list') &&
    newsletterText.test(`${mail.subject}\n${mail.text}`)
  ) {
    return 'header.precedence-bulk-newsletter';
  }
  if (
    /^(newsletter|digest|jobs?|alerts?|marketing|news)@/i.test(mail.fromAddress) &&
    newsletterText.test(mail.text)
  ) {
    return 'sender.newsletter';
  }
  return null;
}

/** Classifies one message. Pure: the same mail gives the same answer. */
export function classifyMail(mail: ClassifiableMail): Classification {
  const notReply = notAReplyRule(mail);
  if (notReply) return { kind: 'not_a_reply', certain: true, rule: notReply };
  const text = newTextOf(mail.text);
  const haystack = `${mail.subject}\n${text}`;
  for (const r of rules) {
    if (!r.pattern.test(haystack)) continue;
    if (r.kind === 'interview_invitation') {
      return { kind: r.kind, certain: mail.hasCalendar, rule: mail.hasCalendar ? `${r.id}+ics` : r.id };
    }
    return { kind: r.kind, certain: r.certain, rule: r.id };
  }
  if (mail.hasCalendar) return { kind: 'interview_invitation', certain: false, rule: 'attachment.calendar' };
  return { kind: 'other_reply', certain: false, rule: 'default.other-reply' };
}

const quoteMarkers = [
  /^\s*on\s.{4,200}\swrote:\s*$/im,
  /^\s*am\s.{4,200}\sschrieb\s.{0,120}:\s*$/im,
  /^\s*-{2,}\s*original\s+message\s*-{2,}/im,
  /^\s*-{2,}\s*ursprüngliche\s+nachricht\s*-{2,}/im,
  /^\s*-{2,}\s*(forwarded\s+message|weitergeleitete\s+nachricht)\s*-{2,}/im,
  /^\s*begin\s+forwarded\s+message:/im,
  /^\s*(from|von):\s.+\n\s*(sent|date|gesendet|datum):\s/im,
];

/**
 * The text the sender wrote now: everything above the first quote marker ("On … wrote:", "-----Original
 * Message-----", a forwarded header block) without `>` lines. A forward with (almost) nothing of its own
 * ("see below", "FYI") is read whole, since the forwarded message is then what is being said.
 */
export function newTextOf(text: string): string {
  let cut = text.length;
  for (const marker of quoteMarkers) {
    const found = marker.exec(text);
    if (found && found.index < cut) cut = found.index;
  }
  const own = text
    .slice(0, cut)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
  const words = own.match(/\p{L}+/gu) ?? [];
  return words.length < 6 ? text : own;
}

/** A short excerpt of the new text for the timeline: whitespace collapsed, at most `length` characters. */
export function excerptOf(text: string, length = 240): string {
  const flat = newTextOf(text).replace(/\s+/g, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length - 1).trimEnd()}…`;
}
