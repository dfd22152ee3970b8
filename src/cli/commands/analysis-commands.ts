import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import pc from 'picocolors';
import { diagnosisQuerySchema } from '../../core/diagnosis-schema.js';
import { likelihoodLabels, retrospectiveQuestions } from '../../core/labels.js';
import { type Retrospective, retrospectiveInputSchema } from '../../core/retrospective.js';
import { parseInput, resolveId, runCommand } from '../context.js';
import { safeText } from '../output.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadDiagnosis = () => import('../../services/diagnosis.js');
const loadTailoring = () => import('../../services/tailoring.js');
const loadRetrospectives = () => import('../../services/retrospectives.js');

const retrospectiveFlags = { wentWell: '--went-well', wouldChange: '--change', theySaid: '--they-said' };

/** `hearback why`, `hearback retro` and `hearback tailor`. */
export function registerAnalysisCommands(program: Command): void {
  program
    .command('why <application>')
    .description("Why haven't I heard back? The likely causes, their evidence, and what to do")
    .option(
      '--as-of <date>',
      'answer as of this date (its end) or instant, leaving out anything recorded later, e.g. 2027-03-24',
    )
    .action((ref: string, options: { asOf?: string }, command: Command) =>
      runCommand(command, async (ctx) => {
        const { diagnoseApplication } = await loadDiagnosis();
        const { asOf } = parseInput(diagnosisQuerySchema, { asOf: options.asOf }, { asOf: '--as-of' });
        const id = await resolveId(ctx, 'applications', ref);
        const diagnosis = await diagnoseApplication(ctx.deps, id, asOf);
        if (ctx.out.isJson) return ctx.out.json(diagnosis);
        ctx.out.line(safeText(diagnosis.summary));
        for (const notice of diagnosis.notices)
          ctx.out.line(`\n${ctx.out.color ? pc.yellow('!') : '!'} ${safeText(notice)}`);
        if (diagnosis.status !== 'waiting') return;
        for (const cause of diagnosis.causes) {
          ctx.out.line(
            `\n${ctx.out.color ? pc.bold(cause.label) : cause.label} — ${likelihoodLabels[cause.likelihood]} (${Math.round(cause.score * 100)}%)`,
          );
          for (const e of cause.evidence)
            ctx.out.line(
              `  ${e.direction === 'for' ? '+' : e.direction === 'against' ? '−' : '·'} ${safeText(e.text)}`,
            );
          ctx.out.line(`  → ${safeText(cause.recommendation.text)}`);
        }
      }),
    );

  program
    .command('tailor <application>')
    .description(
      'Check a resume (PDF, DOCX or text) against the posting: keywords covered, missing, and a score',
    )
    .requiredOption('--resume <file>', 'the resume you sent or will send')
    .option('--cover-letter <file>', 'the cover letter')
    .option('--name <version>', 'a name for this resume version (default: the file name)')
    .action(
      (ref: string, options: { resume: string; coverLetter?: string; name?: string }, command: Command) =>
        runCommand(command, async (ctx) => {
          const { checkTailoring } = await loadTailoring();
          const id = await resolveId(ctx, 'applications', ref);
          const file = (f: string) => ({
            file: { fileName: path.basename(f), contentBase64: fs.readFileSync(f).toString('base64') },
          });
          const check = await checkTailoring(ctx.deps, id, {
            resume: file(options.resume),
            ...(options.coverLetter && { coverLetter: file(options.coverLetter) }),
            ...(options.name && { resumeName: options.name }),
          });
          if (ctx.out.isJson) return ctx.out.json(check);
          const { analysis } = check;
          ctx.out.line(
            `Match score: ${check.score ?? 'n/a'}${check.score === null ? ' (the posting gave no keywords)' : ' / 100'}`,
          );
          ctx.out.line(`Covered: ${(analysis.covered ?? []).map((k) => safeText(k.term)).join(', ') || '—'}`);
          ctx.out.line(`Missing: ${(analysis.missing ?? []).map((k) => safeText(k.term)).join(', ') || '—'}`);
          if (analysis.formula) ctx.out.line(pc.dim(safeText(analysis.formula)));
        }),
    );
  program
    .command('retro <application>')
    .description(
      "The retrospective of an ended application: what went well, what you'd change, what they said; later diagnoses quote it. Without options, shows it",
    )
    .option('--went-well <text>', 'what went well')
    .option('--change <text>', "what you'd change next time")
    .option('--they-said <text>', 'what they said: feedback, the reason given')
    .action(
      (ref: string, options: { wentWell?: string; change?: string; theySaid?: string }, command: Command) =>
        runCommand(command, async (ctx) => {
          const { getRetrospective, saveRetrospective } = await loadRetrospectives();
          const id = await resolveId(ctx, 'applications', ref);
          const saved = await getRetrospective(ctx.deps, id);
          const given = {
            wentWell: options.wentWell,
            wouldChange: options.change,
            theySaid: options.theySaid,
          };
          if (Object.values(given).every((value) => value === undefined)) {
            if (ctx.out.isJson) return ctx.out.json(saved);
            ctx.out.line(saved === null ? 'No retrospective yet.' : describeRetrospective(saved));
            return;
          }
          // A part not given keeps what was saved, so one answer can be added at a time.
          const input = parseInput(
            retrospectiveInputSchema,
            {
              wentWell: given.wentWell ?? saved?.wentWell ?? '',
              wouldChange: given.wouldChange ?? saved?.wouldChange ?? '',
              theySaid: given.theySaid ?? saved?.theySaid ?? '',
            },
            retrospectiveFlags,
          );
          const written = await saveRetrospective(ctx.deps, id, input);
          if (ctx.out.isJson) return ctx.out.json(written);
          ctx.out.line(
            `Retrospective saved; later diagnoses will remind you of it.\n${describeRetrospective(written)}`,
          );
        }),
    );
}

function describeRetrospective(r: Retrospective): string {
  return retrospectiveQuestions
    .filter(([field]) => r[field] !== '')
    .map(([field, label]) => `${label}: ${safeText(r[field])}`)
    .join('\n');
}
