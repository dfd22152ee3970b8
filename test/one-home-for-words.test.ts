import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { employmentTypes, remoteTypes, sourceKinds } from '../src/core/application.js';
import { contactRoles } from '../src/core/contact.js';
import { monthNames, weekdayNames } from '../src/core/date-words.js';
import { likelihoods } from '../src/core/diagnosis-schema.js';
import { draftKinds } from '../src/core/drafts.js';
import { channels, eventKinds, sentiments } from '../src/core/event.js';
import { followUpKinds, followUpStatuses, nudgeKinds, plannedFollowUpKinds } from '../src/core/follow-up.js';
import { interviewRounds } from '../src/core/interview.js';
import * as labels from '../src/core/labels.js';
import {
  closedReasonLabels,
  closedReasons,
  outcomeLabels,
  outcomes,
  stageLabels,
  stages,
} from '../src/core/pipeline.js';
import { delayUnits } from '../src/core/playbook.js';
import { watchStates } from '../src/core/posting-watch.js';
import { roles } from '../src/core/roles.js';
import { apiPathAliases } from '../src/server/route-aliases.js';

/**
 * Issue 14, "one home for words". Weekday and month names come from src/core/date-words.ts (Intl), never
 * from a list written out by hand; the words for each value of a core union come from one table, in
 * src/core/labels.ts (stages, outcomes and closed reasons: src/core/pipeline.ts). Tests and docs may spell
 * words out; other source files may not.
 */
const repo = path.resolve(import.meta.dirname, '..');

function sourceFiles(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        found.push({ file: path.relative(repo, full), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(repo, 'src'));
  return found;
}

/** The names among `names` that a text holds as whole string literals ('Mon', "march", `Sunday`), any case. */
function quotedNames(text: string, names: readonly string[]): string[] {
  const alternatives = names.map((n) => n.toLowerCase()).join('|');
  const literal = new RegExp(`(['"\`])(${alternatives})\\1`, 'gi');
  return [...new Set([...text.matchAll(literal)].map((m) => (m[2] ?? '').toLowerCase()))];
}

const weekdayWords = [...weekdayNames('long'), ...weekdayNames('short')];
const monthWords = [...monthNames('long'), ...monthNames('short')];

describe('date words', () => {
  const files = sourceFiles();

  it('finds the source files it guards', () => {
    expect(files.map((f) => f.file)).toContain(path.join('src', 'core', 'drafts.ts'));
    expect(files.length).toBeGreaterThan(100);
  });

  it('catches a list of names written out by hand', () => {
    expect(quotedNames("const days = ['Mon', 'Tue', \"wed\"];", weekdayWords)).toEqual(['mon', 'tue', 'wed']);
    expect(quotedNames('label: `Next Monday`, note: "1 is Monday"', weekdayWords)).toEqual([]);
  });

  it('no source file writes out weekday names by hand', () => {
    const offenders = files
      .map(({ file, text }) => ({ file, names: quotedNames(text, weekdayWords) }))
      .filter(({ names }) => names.length >= 2);
    expect(offenders).toEqual([]);
  });

  it('no source file writes out month names by hand', () => {
    const offenders = files
      .map(({ file, text }) => ({ file, names: quotedNames(text, monthWords) }))
      .filter(({ names }) => names.length >= 2);
    expect(offenders).toEqual([]);
  });
});

/** Each label table with the union it words, and the file that holds it. */
const tables: readonly {
  name: string;
  table: Readonly<Record<string, string>>;
  keys: readonly string[];
  home: string;
}[] = [
  { name: 'followUpKindLabels', table: labels.followUpKindLabels, keys: followUpKinds, home: 'labels' },
  { name: 'followUpKindHints', table: labels.followUpKindHints, keys: plannedFollowUpKinds, home: 'labels' },
  { name: 'nudgeKindNouns', table: labels.nudgeKindNouns, keys: nudgeKinds, home: 'labels' },
  {
    name: 'followUpStatusLabels',
    table: labels.followUpStatusLabels,
    keys: followUpStatuses,
    home: 'labels',
  },
  { name: 'delayUnitLabels', table: labels.delayUnitLabels, keys: delayUnits, home: 'labels' },
  { name: 'channelLabels', table: labels.channelLabels, keys: channels, home: 'labels' },
  { name: 'roundLabels', table: labels.roundLabels, keys: interviewRounds, home: 'labels' },
  { name: 'roundNouns', table: labels.roundNouns, keys: interviewRounds, home: 'labels' },
  { name: 'roleLabels', table: labels.roleLabels, keys: contactRoles, home: 'labels' },
  { name: 'accountRoleLabels', table: labels.accountRoleLabels, keys: roles, home: 'labels' },
  { name: 'remoteLabels', table: labels.remoteLabels, keys: remoteTypes, home: 'labels' },
  { name: 'employmentTypeLabels', table: labels.employmentTypeLabels, keys: employmentTypes, home: 'labels' },
  { name: 'sourceLabels', table: labels.sourceLabels, keys: sourceKinds, home: 'labels' },
  { name: 'sentimentLabels', table: labels.sentimentLabels, keys: sentiments, home: 'labels' },
  { name: 'eventKindLabels', table: labels.eventKindLabels, keys: eventKinds, home: 'labels' },
  { name: 'likelihoodLabels', table: labels.likelihoodLabels, keys: likelihoods, home: 'labels' },
  { name: 'watchStateLabels', table: labels.watchStateLabels, keys: watchStates, home: 'labels' },
  { name: 'stageLabels', table: stageLabels, keys: stages, home: 'pipeline' },
  { name: 'outcomeLabels', table: outcomeLabels, keys: outcomes, home: 'pipeline' },
  { name: 'closedReasonLabels', table: closedReasonLabels, keys: closedReasons, home: 'pipeline' },
];

// pipeline.ts re-exports the labels of pipeline-values.ts, their home since the web and CLI load them without zod.
const homes = new Set(
  ['src/core/labels.ts', 'src/core/pipeline-values.ts'].map((f) => path.join(...f.split('/'))),
);

/**
 * The keys of `keys` that a text maps to words, as a table of labels does (`offer_check: 'Check on …'`). A
 * value that is one lower-case token (`removed: 'removed'`, `saved: 'savedAt'`) maps a value to another
 * value, not to words, and a sentence (ending in a full stop) is a message, not a label: neither counts.
 */
function wordedKeys(text: string, keys: readonly string[]): string[] {
  return keys.filter((key) =>
    [...text.matchAll(new RegExp(`(?:^|[\\s{,])['"]?${key}['"]?\\s*:\\s*(['"\`])(.*?)\\1`, 'gm'))].some((m) =>
      isWords(m[2] ?? ''),
    ),
  );
}

function isWords(value: string): boolean {
  return !/^[a-z][A-Za-z0-9_]*$/.test(value) && !/\.$/.test(value.trim());
}

/** A file holds a table of words for a union when it words most of its values. */
function holdsTableFor(text: string, keys: readonly string[]): boolean {
  return wordedKeys(text, keys).length >= Math.max(2, Math.ceil(keys.length / 2));
}

describe('labels', () => {
  const files = sourceFiles();

  it('gives every value of each union exactly one label, and no two values the same one', () => {
    for (const { name, table, keys } of tables) {
      expect(Object.keys(table).sort(), name).toEqual([...keys].sort());
      for (const key of keys) expect(table[key]?.trim(), `${name}.${key}`).toBeTruthy();
      expect(new Set(Object.values(table)).size, `${name} repeats a label`).toBe(keys.length);
    }
    const draftLabels = draftKinds.map(labels.draftKindLabel);
    expect(new Set(draftLabels).size).toBe(draftKinds.length);
    expect(labels.draftKindLabel('offer_check')).toBe(labels.followUpKindLabels.offer_check);
  });

  it('catches a table of words for a union written in another file', () => {
    const copy =
      "const kindLabels = {\n  thank_you: 'Thank-you note',\n  'offer_check': \"Checking on the written offer\",\n};";
    expect(wordedKeys(copy, followUpKinds)).toEqual(['thank_you', 'offer_check']);
    expect(holdsTableFor(copy, ['thank_you', 'offer_check', 'custom'])).toBe(true);
    expect(
      holdsTableFor('const rules = { thank_you: messageRuleSchema, offer_check: rule };', followUpKinds),
    ).toBe(false);
  });

  it('no other source file holds a table of words for a union that has one', () => {
    const offenders = files.flatMap(({ file, text }) =>
      homes.has(file)
        ? []
        : tables
            .filter(({ keys }) => holdsTableFor(text, keys))
            .map(({ name, keys }) => `${file}: ${name} (${wordedKeys(text, keys).join(', ')})`),
    );
    expect(offenders).toEqual([]);
  });

  it('no other source file spells out a label of a step kind or a watch state', () => {
    const distinctive = [
      ...Object.values(labels.followUpKindLabels),
      ...draftKinds.map(labels.draftKindLabel),
      ...Object.values(labels.watchStateLabels),
    ]
      // "Follow-up", the label of a step of your own, is the glossary's word itself and used everywhere.
      .filter((label) => /[\s-]/.test(label) && label !== labels.followUpKindLabels.custom);
    const offenders = files.flatMap(({ file, text }) =>
      homes.has(file)
        ? []
        : distinctive
            .filter((label) => [`'${label}'`, `"${label}"`, `\`${label}\``].some((q) => text.includes(q)))
            .map((label) => `${file}: ${label}`),
    );
    expect(offenders).toEqual([]);
  });
});

describe('the glossary', () => {
  const glossary = fs.readFileSync(path.join(repo, 'docs', 'glossary.md'), 'utf8');
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  it('lists every kind of follow-up with its one label', () => {
    for (const kind of followUpKinds) {
      const label = labels.followUpKindLabels[kind];
      expect(glossary, kind).toMatch(new RegExp(`^\\| ${literal(label)} \\|.*\\| \`${kind}\` \\|$`, 'm'));
    }
  });

  it('documents every old spelling the API still answers, beside the current one', () => {
    for (const [alias, canonical] of Object.entries(apiPathAliases)) {
      expect(glossary).toMatch(new RegExp(`^\\| \`${literal(alias)}\`.*\\| \`${literal(canonical)}\``, 'm'));
    }
  });
});
