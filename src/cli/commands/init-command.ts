import type { Command } from 'commander';
import type { z } from 'zod';
import { weekdayName } from '../../core/date-words.js';
import { fieldError } from '../../core/errors.js';
import { type Settings, settingsUpdateSchema } from '../../core/settings.js';
import { type CliContext, runCommand, withFlagNames } from '../context.js';
import { formatFields } from '../output.js';

// Loaded when the command runs: date-holidays' data is large (issue 12, item 11).
const loadPlaces = () => import('../../core/places.js');
const loadPrompts = () => import('../prompts.js');
const loadRuntime = () => import('../../start-runtime.js');
const loadSettings = () => import('../../services/settings.js');

/** Asks one question and answers what was typed, or the fallback for an empty answer. */
export type Asker = (question: string, fallback?: string) => Promise<string | undefined>;

export type InitFlags = {
  timeZone?: string;
  country?: string;
  region?: string;
  workingDays?: string;
  locale?: string;
  name?: string;
  email?: string;
};

const flagNames = {
  timeZone: '--time-zone',
  country: '--country',
  region: '--region',
  workingDays: '--working-days',
  locale: '--locale',
  name: '--name',
  email: '--email',
};

type Key = keyof typeof flagNames;

/** One answer checked by the same schema the API uses, its errors naming the flag. */
function valid<K extends Key>(key: K, value: unknown): z.output<(typeof settingsUpdateSchema.shape)[K]> {
  const result = settingsUpdateSchema.shape[key].safeParse(value);
  if (result.success) return result.data as z.output<(typeof settingsUpdateSchema.shape)[K]>;
  throw fieldError(flagNames[key], result.error.issues[0]?.message ?? 'is not valid');
}

/** `hearback init`: the first-run set-up of the web app, in a terminal. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'Set up your time zone, public holidays, working days and name: asks in a terminal, else takes the flags and this machine’s defaults',
    )
    .option('--time-zone <zone>', 'IANA time zone, e.g. Europe/Berlin (default: this machine’s)')
    .option('--country <code>', 'two-letter country code for public holidays, e.g. DE, or "none"')
    .option('--region <code>', 'state or region with holidays of its own, e.g. BE for Berlin, or "none"')
    .option('--working-days <days>', 'ISO weekdays, e.g. 1,2,3,4,5 for Monday to Friday')
    .option('--locale <locale>', 'how dates read, e.g. de-DE (default: this machine’s)')
    .option('--name <name>', 'your name, to sign drafts')
    .option('--email <email>', 'your email')
    .option('-y, --yes', 'ask nothing: take the flags and the suggestions')
    .action((options: InitFlags & { yes?: boolean }, command: Command) =>
      runCommand(command, async (ctx) => {
        const prompts = await loadPrompts();
        const ask = !options.yes && !ctx.out.isJson && prompts.canPrompt() ? prompts.ask : null;
        await runInit(ctx, options, ask);
      }),
    );
}

/**
 * Saves the settings from the flags, then the answers (when `ask` is given), then the suggestions: this
 * machine's time zone, locale and the locale's country on a fresh database, the current settings after.
 * Without anyone to ask it says what it took, so nothing is chosen silently.
 */
export async function runInit(ctx: CliContext, flags: InitFlags, ask: Asker | null): Promise<Settings> {
  const [{ countryOfLocale, listPlaces }, { updateSettings }] = await Promise.all([
    loadPlaces(),
    loadSettings(),
  ]);
  const suggested = await suggestions(ctx.settings, countryOfLocale);
  const places = listPlaces().countries;
  const answer = async (key: keyof InitFlags, question: string, fallback: string, hint = '') => {
    if (flags[key] !== undefined) return flags[key];
    if (!ask) return fallback;
    if (hint) ctx.out.line(hint);
    return (await ask(question, fallback || undefined)) ?? '';
  };
  // Each answer is checked as soon as it is given, so a typo is asked again rather than failing at the end.
  const checked = async <T>(read: () => Promise<string>, check: (value: string) => T): Promise<T> => {
    for (;;) {
      const value = await read();
      try {
        return check(value);
      } catch (error) {
        if (!ask) throw error;
        ctx.out.error(error instanceof Error ? error.message : String(error));
      }
    }
  };
  const timeZone = await checked(
    () => answer('timeZone', 'Time zone', suggested.timeZone),
    (value) => valid('timeZone', value),
  );
  const country = await checked(
    () =>
      answer(
        'country',
        'Country, for its public holidays (a code such as DE, or none)',
        suggested.country ?? 'none',
      ),
    (value) => {
      const code = none(value)?.toUpperCase() ?? null;
      if (code !== null && !places.some((p) => p.code === code))
        throw fieldError('--country', `${value} is not a country whose public holidays hearback knows`);
      return code;
    },
  );
  const regions = places.find((p) => p.code === country)?.regions ?? [];
  const region = await checked(
    () =>
      regions.length === 0
        ? Promise.resolve(flags.region ?? 'none')
        : answer(
            'region',
            'Region, for its own holidays (a code from the list, or none for the whole country)',
            suggested.country === country && suggested.region ? suggested.region : 'none',
            `Regions: ${regions.map((r) => `${r.code} ${r.name}`).join(', ')}`,
          ),
    (value) => {
      const code = none(value)?.toUpperCase() ?? null;
      if (code !== null && !regions.some((r) => r.code === code)) {
        const known =
          regions.length > 0 ? `: one of ${regions.map((r) => r.code).join(', ')}` : ', which has none';
        throw fieldError('--region', `${value} is not a region of ${country ?? 'no country'}${known}`);
      }
      return code;
    },
  );
  const workingDays = await checked(
    () => answer('workingDays', 'Working days, 1 is Monday and 7 is Sunday', suggested.workingDays.join(',')),
    (value) =>
      valid(
        'workingDays',
        value.split(',').map((d) => Number(d.trim())),
      ),
  );
  const name = await checked(
    () => answer('name', 'Your name, to sign drafts', suggested.name ?? ''),
    (value) => valid('name', none(value)),
  );
  const email = await checked(
    () => answer('email', 'Your email', suggested.email ?? ''),
    (value) => valid('email', none(value)),
  );
  const locale = await checked(
    () => Promise.resolve(flags.locale ?? suggested.locale),
    (value) => valid('locale', value),
  );

  const input = { timeZone, country, region, workingDays, locale, name, email };
  const saved = await updateSettings(ctx.deps, input).catch((error: unknown) => {
    throw withFlagNames(error, flagNames);
  });
  if (ctx.out.isJson) {
    ctx.out.json(saved);
    return saved;
  }
  const unasked = (Object.keys(flagNames) as Key[]).filter(
    (key) => key !== 'locale' && flags[key] === undefined,
  );
  if (!ask && unasked.length > 0) {
    const source = ctx.settings.setUpAt === null ? 'this machine’s defaults' : 'your current settings';
    ctx.out.error(
      `Nothing asked (no terminal, or --yes): took ${source} for ${unasked.map((key) => flagNames[key]).join(', ')}.`,
    );
  }
  ctx.out.line(
    formatFields(
      [
        ['time zone', saved.timeZone],
        ['country', saved.country ?? '(none: no public holidays)'],
        ['region', saved.region],
        ['working days', saved.workingDays.map((d) => weekdayName(d, 'short')).join(' ')],
        ['locale', saved.locale],
        ['name', saved.name],
        ['email', saved.email],
      ],
      ctx.out.color,
    ),
  );
  ctx.out.line('Change any of it later: hearback init, hearback settings set, or Settings in the web app.');
  return saved;
}

/** On a fresh database, this machine's time zone and locale and the locale's country; later, the settings. */
async function suggestions(
  current: Settings,
  countryOfLocale: (locale: string) => string | null,
): Promise<Settings> {
  if (current.setUpAt !== null) return current;
  const { systemLocale } = await loadRuntime();
  const system = systemLocale();
  return { ...current, ...system, country: countryOfLocale(system.locale), region: null };
}

/** "none" (any case) or nothing means no value. */
function none(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' || trimmed.toLowerCase() === 'none' ? null : trimmed;
}
