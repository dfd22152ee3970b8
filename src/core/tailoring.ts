import type { PartOfSpeechTagger } from './ports.js';
import {
  findSkills,
  type Skill,
  type SkillCategory,
  singularizeWord,
  skillsDictionary,
  tokenizeWords,
  type WordToken,
} from './skills-dictionary.js';
import type {
  CoverLetterChecks,
  PostingExcerpt,
  PostingSection,
  TailoringAnalysis,
  TailoringKeyword,
} from './tailoring-check.js';

export type { CoverLetterChecks, PostingExcerpt, PostingSection, TailoringAnalysis, TailoringKeyword };

/**
 * The tailoring check: which of a posting's key skills and phrases a resume (and a cover letter) covers,
 * which are missing and where the posting asks for them, and a match score. Pure and deterministic: the
 * same texts always give the same analysis.
 *
 * Keywords come from two sources. First the skills dictionary (exact spellings, aliases, "Node.js" kept
 * whole). Then noun phrases found in the posting with a part-of-speech tagger (the PartOfSpeechTagger
 * port: wink-nlp's English model, loaded by an integration) ("feature extraction", "enterprise
 * applications"), minus generic words and minus anything the dictionary already matched.
 *
 * Score formula (also in docs/tailoring.md):
 *
 *   section weight   requirements 3, responsibilities 2, preferred 2, other text 1, about the company 0.5,
 *                    benefits / equal-opportunity / how-to-apply text 0 (such text is ignored)
 *   keyword weight   kind × best section weight × (1 + log2(occurrences)),
 *                    kind = 1 for a dictionary skill, 0.5 for a noun phrase;
 *                    occurrences = mentions outside ignored text
 *   score            round(100 × Σ weight of keywords found in the resume / Σ weight of all keywords)
 *
 * A resume covers a skill when it names the skill or a narrower one (PostgreSQL covers SQL), and a phrase
 * when it contains the same words in the same order (plurals folded). The score measures the resume only;
 * the cover letter is checked separately. With no keywords in the posting the score is null.
 */
export const sectionWeights: Readonly<Record<PostingSection, number>> = {
  requirements: 3,
  responsibilities: 2,
  preferred: 2,
  other: 1,
  company: 0.5,
  benefits: 0,
  legal: 0,
};

export const kindWeights = { skill: 1, phrase: 0.5 } as const;

export type KeywordKind = keyof typeof kindWeights;

export const scoreFormula =
  'score = round(100 × Σ weight of keywords found in the resume / Σ weight of all keywords); ' +
  'keyword weight = kind (skill 1, phrase 0.5) × best section weight (requirements 3, responsibilities 2, ' +
  'preferred 2, other 1, about the company 0.5, benefits and legal text 0) × (1 + log2(occurrences))';

export type TailoringInput = {
  readonly postingText: string;
  readonly resumeText: string;
  readonly coverLetterText?: string | null | undefined;
  readonly companyName?: string | null | undefined;
  readonly jobTitle?: string | null | undefined;
};

const maxPhrases = 12;
const maxExcerpts = 3;
const topRequirementCount = 5;

export function analyzeTailoring(input: TailoringInput, tagger: PartOfSpeechTagger): TailoringAnalysis {
  const posting = input.postingText;
  const segments = segmentPosting(posting);
  const postingTokens = tokenizeWords(posting);
  const skillMatches = findSkills(posting, postingTokens);
  const companyKey = normalizeName(input.companyName ?? '');

  const candidates = new Map<string, KeywordDraft>();
  for (const match of skillMatches) {
    if (
      companyKey !== '' &&
      (normalizeName(match.text) === companyKey || normalizeName(match.skill.canonical) === companyKey)
    ) {
      continue;
    }
    addOccurrence(candidates, `skill:${match.skill.canonical}`, {
      kind: 'skill',
      matchKey: match.skill.canonical,
      category: match.skill.category,
      term: match.text.replace(/\s+/g, ' '),
      start: match.start,
      end: match.end,
      segment: segmentAt(segments, match.start),
    });
  }
  const phrasesFound = isEnglish(postingTokens)
    ? findNounPhrases(tagger, posting, skillMatches, companyKey)
    : [];
  for (const phrase of phrasesFound) {
    addOccurrence(candidates, `phrase:${phrase.key}`, {
      kind: 'phrase',
      matchKey: phrase.key,
      category: null,
      term: phrase.surface,
      start: phrase.start,
      end: phrase.end,
      segment: segmentAt(segments, phrase.start),
    });
  }

  const resume = indexDocument(input.resumeText);
  const coverLetter = input.coverLetterText == null ? null : indexDocument(input.coverLetterText);
  const weighed = [...candidates.values()]
    .map((draft) => weighDraft(draft))
    .filter((draft): draft is WeighedDraft => draft !== null);
  const skills = weighed.filter((draft) => draft.kind === 'skill');
  // A phrase must come from requirements or duties, or recur: one mention in passing is not a keyword.
  const phrases = weighed
    .filter(
      (draft) =>
        draft.kind === 'phrase' &&
        (draft.occurrences >= 2 || draft.mentions.some((mention) => mention.segment.weight >= 2)),
    )
    .sort(byWeightThenName)
    .slice(0, maxPhrases);

  const keywords = [...skills, ...phrases].sort(byWeightThenName).map(
    (draft): TailoringKeyword => ({
      term: draft.term,
      canonical: draft.canonical,
      kind: draft.kind,
      category: draft.category,
      weight: draft.weight,
      occurrences: draft.occurrences,
      inPosting: chooseExcerpts(posting, draft.mentions),
      inResume: isCovered(resume, draft),
      inCoverLetter: coverLetter !== null && isCovered(coverLetter, draft),
    }),
  );

  const covered = keywords.filter((keyword) => keyword.inResume);
  const missing = keywords.filter((keyword) => !keyword.inResume);
  const totalWeight = round2(keywords.reduce((sum, keyword) => sum + keyword.weight, 0));
  const coveredWeight = round2(covered.reduce((sum, keyword) => sum + keyword.weight, 0));
  const score = totalWeight === 0 ? null : Math.round((100 * coveredWeight) / totalWeight);
  const formula =
    score === null
      ? 'No keywords were found in the posting, so there is nothing to score.'
      : `round(100 × ${coveredWeight} / ${totalWeight}) = ${score}: the weight of the keywords found in the resume over the weight of all ${keywords.length} keywords. ${scoreFormula}.`;

  return {
    keywords,
    covered,
    missing,
    score,
    coveredWeight,
    totalWeight,
    formula,
    coverLetterChecks:
      input.coverLetterText == null
        ? null
        : checkCoverLetter(input.coverLetterText, keywords, input.companyName, input.jobTitle),
  };
}

type Segment = {
  readonly start: number;
  readonly end: number;
  readonly section: PostingSection;
  readonly weight: number;
};

type Mention = {
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly segment: Segment;
};

type KeywordDraft = {
  readonly kind: KeywordKind;
  /** The dictionary name, or for a phrase its plural-folded words as matched against the resume. */
  readonly matchKey: string;
  readonly category: SkillCategory | null;
  readonly mentions: Mention[];
};

type WeighedDraft = KeywordDraft & {
  readonly canonical: string;
  readonly term: string;
  readonly weight: number;
  readonly occurrences: number;
};

function addOccurrence(
  drafts: Map<string, KeywordDraft>,
  id: string,
  occurrence: Omit<KeywordDraft, 'mentions'> & Mention,
): void {
  const { kind, matchKey, category, ...mention } = occurrence;
  const existing = drafts.get(id);
  if (existing === undefined) drafts.set(id, { kind, matchKey, category, mentions: [mention] });
  else existing.mentions.push(mention);
}

/** Applies the keyword weight formula; a keyword mentioned only in ignored text is dropped. */
function weighDraft(draft: KeywordDraft): WeighedDraft | null {
  const counted = draft.mentions.filter((mention) => mention.segment.weight > 0);
  if (counted.length === 0) return null;
  const best = Math.max(...counted.map((mention) => mention.segment.weight));
  return {
    ...draft,
    mentions: counted,
    canonical: draft.kind === 'skill' ? draft.matchKey : counted[0]!.term.toLowerCase(),
    term: counted[0]!.term,
    weight: round2(kindWeights[draft.kind] * best * (1 + Math.log2(counted.length))),
    occurrences: counted.length,
  };
}

function byWeightThenName(a: WeighedDraft, b: WeighedDraft): number {
  if (b.weight !== a.weight) return b.weight - a.weight;
  if (a.kind !== b.kind) return a.kind === 'skill' ? -1 : 1;
  return a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

// ---------------------------------------------------------------------------------------------------------
// Sections of a posting

const headerPatterns: readonly (readonly [PostingSection, RegExp])[] = [
  [
    'legal',
    /equal (employment )?opportunit|\beeo\b|accommodation|privacy|disclaimer|e-verify|how to apply|application process|to apply|legal notice/,
  ],
  [
    'benefits',
    /benefit|perks|what we offer|we offer|compensation|salary|\bpay\b|why (join|work)|our offer|rewards|beneficios|avantages|vorteile/,
  ],
  ['preferred', /preferred|nice to have|nice-to-have|bonus|desired|pluses|good to have|a plus|deseable/],
  [
    'requirements',
    /requirement|qualification|must have|must-have|what you('ll| will)? (need|bring)|looking for|who you are|about you|your profile|skills|experience|competenc|you have|you bring|requisitos|perfil|exigences|anforderungen|profil/,
  ],
  [
    'responsibilities',
    /responsibilit|duties|what you('ll| will)? (do|be doing)|what you get to do|the role|your role|about the (role|job|position)|in this role|day[- ]to[- ]day|job description|position (summary|description)|role (summary|description|overview)|overview|accountabilit|funciones|responsabilidades|missions|aufgaben|your impact|the opportunity/,
  ],
  [
    'company',
    /^about|who we are|our (company|mission|story|team|culture)|company (overview|description)|sobre nosotros|qui sommes/,
  ],
];

const legalCue =
  /equal (employment )?opportunity|without regard to|regardless of (race|gender|age|religion)|reasonable accommodation|e-verify|protected veteran|affirmative action|background check|privacy (notice|policy)/i;
const benefitsCue =
  /we offer|benefits package|competitive (salary|compensation|pay)|401\(?k\)?|paid time off|\bpto\b|health insurance|dental|vision insurance|parental leave|stock options|salary range|pay range|\$\s?\d/i;
const applyCue =
  /invite you to apply|encourage you to apply|apply now|apply today|click apply|send (us )?your (resume|cv)/i;

/** Splits a posting into lines and sentences, each with the section it belongs to and that section's weight. */
function segmentPosting(text: string): Segment[] {
  const segments: Segment[] = [];
  let section: PostingSection = 'other';
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const header = classifyHeader(line);
    if (header !== null) section = header;
    for (const sentence of line.matchAll(/[^\s].*?(?:[.!?](?=\s)|$)/g)) {
      const cue =
        legalCue.test(sentence[0]) || applyCue.test(sentence[0])
          ? 'legal'
          : benefitsCue.test(sentence[0])
            ? 'benefits'
            : null;
      const sentenceSection = cue ?? section;
      segments.push({
        start: lineStart + sentence.index,
        end: lineStart + sentence.index + sentence[0].length,
        section: sentenceSection,
        weight: sectionWeights[sentenceSection],
      });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return segments;
}

/** The section a header line opens, 'other' for a header of unknown kind, or null for ordinary text. */
function classifyHeader(line: string): PostingSection | null {
  const stripped = line
    .trim()
    .replace(/^[#*•\-–\s]+/, '')
    .replace(/[:*\s]+$/, '');
  if (stripped.length === 0 || stripped.length > 60) return null;
  const words = stripped.split(/\s+/).length;
  if (words > 8 || /[.!?]$/.test(stripped)) return null;
  const endsWithColon = /:\s*$/.test(line) || /^\s*\*\*.*\*\*\s*$/.test(line) || /^\s*#/.test(line);
  const isCapitals = /\p{Lu}/u.test(stripped) && stripped === stripped.toUpperCase();
  const lower = stripped.toLowerCase().replace(/&/g, 'and');
  for (const [section, pattern] of headerPatterns) {
    if (pattern.test(lower) && (endsWithColon || isCapitals || words <= 4)) return section;
  }
  if ((endsWithColon && words <= 6) || (isCapitals && words <= 5)) return 'other';
  return null;
}

function segmentAt(segments: readonly Segment[], offset: number): Segment {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle]!;
    if (offset < segment.start) high = middle - 1;
    else if (offset >= segment.end) low = middle + 1;
    else return segment;
  }
  return (
    segments[Math.max(0, Math.min(segments.length - 1, high))] ?? {
      start: 0,
      end: 0,
      section: 'other',
      weight: 1,
    }
  );
}

// ---------------------------------------------------------------------------------------------------------
// Noun phrases

/** Adjectives that say how much or how good, not what: stripped from the front of a phrase. */
const genericAdjectives = new Set(
  `able additional advanced appropriate available basic best broad clear competitive complex comprehensive concise
  core corresponding critical current cutting-edge deep demonstrated desired different diverse dynamic early
  early-stage based effective efficient emerging entire excellent exceptional existing expert extensive external fast-paced
  first following formal full future general global good great hands-on high highly ideal important innovative
  internal key large large-scale latest least less main major many minimum modern more most much multiple few same such necessary new non-technical numerous
  other outstanding overall own particular passionate positive preferred previous primary professional proficient
  proven real real-world related relevant required senior junior several significant similar solid specific
  stimulating strong successful superior technical third top various wide willing`.split(/\s+/),
);

/** Nouns every posting uses ("experience", "team", "ability"): never the point of a phrase, at either end. */
const genericNouns = new Set(
  `ability advancement area background basic benefit candidate capability company concept culture day degree
  description desire detail environment etc excellence expectation experience expertise familiarity field focus
  fundamental goal growth individual industry information job kind knowledge level lot manner member mission month
  need number opportunity overview package part passion people person plus position preference proficiency
  qualification range requirement responsibility result role salary skill success summary team thing time type
  understanding use value variety way week work world year`.split(/\s+/),
);

/** Broad head nouns ("solutions", "tools"): dropped from the end so the specific part remains. */
const weakHeads = new Set(
  `activity application approach challenge component framework function initiative issue method practice principle
  problem process product program project solution standard system task technique technology tool`.split(
    /\s+/,
  ),
);

/** English function words; a posting where they are rare is in another language and gets no noun phrases. */
const englishFunctionWords = new Set(
  'the and of to in with for you we our your is are will be on as or an this that from at by who have has'.split(
    ' ',
  ),
);

const prepositionalGerunds = new Set([
  'using',
  'including',
  'following',
  'regarding',
  'according',
  'involving',
]);

type NounPhrase = {
  readonly key: string;
  readonly surface: string;
  readonly start: number;
  readonly end: number;
};

type TaggedToken = {
  readonly value: string;
  readonly pos: string;
  readonly start: number;
  readonly end: number;
};

function isEnglish(tokens: readonly WordToken[]): boolean {
  let functionWords = 0;
  for (const token of tokens) if (englishFunctionWords.has(token.key)) functionWords += 1;
  return tokens.length > 0 && functionWords / tokens.length >= 0.05;
}

function findNounPhrases(
  tagger: PartOfSpeechTagger,
  text: string,
  skillMatches: readonly { start: number; end: number }[],
  companyKey: string,
): NounPhrase[] {
  const tagged = tagTokens(tagger, text);
  // Both lists are in text order, so one pointer walks the skill matches alongside the tokens.
  let skillIndex = 0;
  const inSkill = (token: TaggedToken): boolean => {
    while (skillIndex < skillMatches.length && skillMatches[skillIndex]!.end <= token.start) skillIndex += 1;
    const match = skillMatches[skillIndex];
    return match !== undefined && token.start < match.end && token.end > match.start;
  };
  const companyWords = new Set(companyKey.split(' ').filter((word) => word.length > 0));
  const phrases: NounPhrase[] = [];
  let chunk: TaggedToken[] = [];

  for (const [position, token] of tagged.entries()) {
    const previous = chunk.at(-1);
    const next = tagged[position + 1];
    const isHyphenJoint =
      token.value === '-' &&
      previous !== undefined &&
      previous.end === token.start &&
      next !== undefined &&
      next.start === token.end;
    // "data processing", "model training": a gerund that names an activity, not one taking an object
    // ("automation using Python").
    const isGerundAfterNoun =
      token.pos === 'VERB' &&
      /ing$/i.test(token.value) &&
      !prepositionalGerunds.has(token.value.toLowerCase()) &&
      previous?.pos === 'NOUN' &&
      (next === undefined ||
        next.pos === 'NOUN' ||
        next.pos === 'PUNCT' ||
        next.pos === 'CCONJ' ||
        next.pos === 'SPACE');
    const isPhraseWord =
      token.pos === 'NOUN' ||
      token.pos === 'PROPN' ||
      token.pos === 'ADJ' ||
      isHyphenJoint ||
      isGerundAfterNoun;
    if (token.start >= 0 && isPhraseWord && !inSkill(token)) {
      chunk.push(token);
      continue;
    }
    const phrase = shapePhrase(text, chunk, companyWords);
    if (phrase !== null) phrases.push(phrase);
    chunk = [];
  }
  const phrase = shapePhrase(text, chunk, companyWords);
  if (phrase !== null) phrases.push(phrase);
  return phrases;
}

/** The tagger's words, placed in the text. */
function tagTokens(tagger: PartOfSpeechTagger, text: string): TaggedToken[] {
  const tagged: TaggedToken[] = [];
  let cursor = 0;
  for (const { value, pos } of tagger.tag(text)) {
    const at = text.indexOf(value, cursor);
    // The tagger keeps word text as written; a word that cannot be placed is left out of any phrase.
    if (at === -1 || at - cursor > 200) {
      tagged.push({ value, pos, start: -1, end: -1 });
      continue;
    }
    tagged.push({ value, pos, start: at, end: at + value.length });
    cursor = at + value.length;
  }
  return tagged;
}

function lowerKey(token: TaggedToken): string {
  return singularizeWord(token.value.toLowerCase());
}

function isNoiseAtStart(token: TaggedToken): boolean {
  const key = lowerKey(token);
  return token.value === '-' || token.pos === 'VERB' || genericAdjectives.has(key) || genericNouns.has(key);
}

function isNoiseAtEnd(token: TaggedToken): boolean {
  const key = lowerKey(token);
  return token.value === '-' || token.pos === 'ADJ' || genericNouns.has(key) || weakHeads.has(key);
}

/**
 * Trims a run of adjectives and nouns to its specific core ("excellent research skills" → none,
 * "large datasets and feature extraction techniques" → "feature extraction") and keeps it when two to four
 * words of substance remain.
 */
function shapePhrase(
  text: string,
  chunk: readonly TaggedToken[],
  companyWords: ReadonlySet<string>,
): NounPhrase | null {
  let first = 0;
  let last = chunk.length - 1;
  while (first <= last && isNoiseAtStart(chunk[first]!)) first += 1;
  while (last >= first && isNoiseAtEnd(chunk[last]!)) last -= 1;
  if (first > last) return null;
  const words = chunk.slice(first, last + 1).filter((token) => token.value !== '-');
  if (words.length < 2 || words.length > 4) return null;
  if (words.some((word) => !/^\p{L}[\p{L}\p{N}'’]*$/u.test(word.value))) return null;
  const keys = words.map(lowerKey);
  if (keys.every((key) => genericNouns.has(key) || genericAdjectives.has(key) || weakHeads.has(key)))
    return null;
  if (keys.some((key) => companyWords.has(key))) return null;
  const start = chunk[first]!.start;
  const end = chunk[last]!.end;
  const surface = text.slice(start, end).replace(/\s+/g, ' ');
  const key = phraseKey(tokenizeWords(surface));
  return key === '' ? null : { key, surface, start, end };
}

function phraseKey(tokens: readonly WordToken[]): string {
  return tokens.map((token) => singularizeWord(token.key)).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Resume and cover letter

type DocumentIndex = {
  /** Canonical names of the skills the document names, with every skill they imply. */
  readonly skills: ReadonlySet<string>;
  /** " word word | word …": plural-folded words, "|" where punctuation breaks a phrase. */
  readonly words: string;
};

const documentCache = new Map<string, DocumentIndex>();
const documentCacheSize = 8;

/**
 * Indexes a resume or cover letter. The last few are kept, so checking one resume against many postings
 * (the benchmark, a batch re-score) reads the resume once; the cache holds derived data only, so results
 * never depend on it.
 */
function indexDocument(text: string): DocumentIndex {
  const cached = documentCache.get(text);
  if (cached !== undefined) return cached;
  const tokens = tokenizeWords(text);
  const skills = new Set<string>();
  for (const match of findSkills(text, tokens)) addWithImplied(skills, match.skill);
  let words = ' ';
  for (const token of tokens) {
    if (!token.joinsPrevious && words !== ' ') words += '| ';
    words += `${singularizeWord(token.key)} `;
  }
  const index = { skills, words };
  if (documentCache.size >= documentCacheSize) documentCache.delete(documentCache.keys().next().value!);
  documentCache.set(text, index);
  return index;
}

const skillsByName = new Map<string, Skill>(skillsDictionary.map((skill) => [skill.canonical, skill]));

function addWithImplied(into: Set<string>, skill: Skill): void {
  if (into.has(skill.canonical)) return;
  into.add(skill.canonical);
  for (const name of skill.implies) {
    const implied = skillsByName.get(name);
    if (implied !== undefined) addWithImplied(into, implied);
  }
}

function isCovered(document: DocumentIndex, draft: KeywordDraft): boolean {
  return draft.kind === 'skill'
    ? document.skills.has(draft.matchKey)
    : document.words.includes(` ${draft.matchKey} `);
}

// ---------------------------------------------------------------------------------------------------------
// Excerpts

function chooseExcerpts(text: string, mentions: readonly Mention[]): PostingExcerpt[] {
  const chosen: Mention[] = [];
  const lines = new Set<number>();
  const ranked = [...mentions].sort((a, b) => b.segment.weight - a.segment.weight || a.start - b.start);
  for (const mention of ranked) {
    const lineStart = text.lastIndexOf('\n', mention.start - 1) + 1;
    if (lines.has(lineStart)) continue;
    lines.add(lineStart);
    chosen.push(mention);
    if (chosen.length === maxExcerpts) break;
  }
  return chosen
    .sort((a, b) => a.start - b.start)
    .map((mention) => ({
      excerpt: excerptAround(text, mention.start, mention.end),
      section: mention.segment.section,
      start: mention.start,
      end: mention.end,
    }));
}

const excerptReach = 80;

function excerptAround(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  let from = Math.max(lineStart, start - excerptReach);
  let to = Math.min(lineEnd, end + excerptReach);
  if (from > lineStart) from = text.indexOf(' ', from) + 1 || from;
  if (to < lineEnd) to = Math.max(end, text.lastIndexOf(' ', to));
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > lineStart ? '…' : ''}${body}${to < lineEnd ? '…' : ''}`;
}

// ---------------------------------------------------------------------------------------------------------
// Cover letter checks

const legalSuffixes = new Set(
  'inc incorporated llc llp ltd limited corp corporation co company gmbh ag sa sas sarl srl spa plc pty bv nv oy ab as group holdings'.split(
    ' ',
  ),
);

/** Lower case, punctuation to spaces, legal form removed: "ServiceNow, Inc." → "servicenow". */
function normalizeName(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '');
  while (words.length > 1 && legalSuffixes.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}

const seniorityWords = new Set(
  'senior sr junior jr lead principal staff chief head associate assistant intern internship trainee entry level mid i ii iii iv v remote hybrid onsite on site contract contractor temporary temp full part time freelance'.split(
    ' ',
  ),
);

function namesPhrase(letter: string, phrase: string): boolean {
  if (phrase === '') return false;
  const spaced = ` ${letter} `;
  if (spaced.includes(` ${phrase} `)) return true;
  const squashedPhrase = phrase.replaceAll(' ', '');
  return squashedPhrase.length >= 4 && letter.replaceAll(' ', '').includes(squashedPhrase);
}

function roleCore(jobTitle: string): string {
  const main = jobTitle.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').split(/\s[-–—|]\s|,|\//)[0] ?? '';
  return normalizeName(main)
    .split(' ')
    .filter((word) => !seniorityWords.has(word))
    .map(singularizeWord)
    .join(' ');
}

function checkCoverLetter(
  letterText: string,
  keywords: readonly TailoringKeyword[],
  companyName: string | null | undefined,
  jobTitle: string | null | undefined,
): CoverLetterChecks {
  const letter = normalizeName(letterText).split(' ').map(singularizeWord).join(' ');
  const company = normalizeName(companyName ?? '');
  const role = roleCore(jobTitle ?? '');
  const fullTitle = normalizeName(jobTitle ?? '')
    .split(' ')
    .map(singularizeWord)
    .join(' ');

  const fromDuties = keywords.filter((keyword) =>
    keyword.inPosting.some((excerpt) => sectionWeights[excerpt.section] >= 2),
  );
  const top = (fromDuties.length > 0 ? fromDuties : keywords).slice(0, topRequirementCount);
  const addressed = top.filter((keyword) => keyword.inCoverLetter).map((keyword) => keyword.canonical);
  const missing = top.filter((keyword) => !keyword.inCoverLetter).map((keyword) => keyword.canonical);

  return {
    namesCompany: company === '' ? null : namesPhrase(letter, company),
    namesRole: fullTitle === '' ? null : namesPhrase(letter, fullTitle) || namesPhrase(letter, role),
    addressesTopRequirements: {
      passed: top.length === 0 ? null : addressed.length >= Math.ceil(top.length / 2),
      top: top.map((keyword) => keyword.canonical),
      addressed,
      missing,
    },
  };
}
