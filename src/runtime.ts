import type { AccountsConfig } from './config.js';
import type { Accounts } from './core/ports.js';
import { createBetterAuthAccounts } from './integrations/accounts/better-auth-accounts.js';
import { type Runtime, systemLocale } from './start-runtime.js';
import { ensureUser } from './storage/user-store.js';

export * from './start-runtime.js';

/**
 * Server mode's accounts on the runtime's database. A new account gets its `users` row (same id), default
 * settings (this server's time zone and locale, the account's name and email) and a data version, as the
 * local user does at first start.
 */
export function createAccounts(
  runtime: Pick<Runtime, 'deps'>,
  options: Omit<AccountsConfig, 'mail' | 'requireEmailVerification'> & {
    readonly mail?: AccountsConfig['mail'];
    readonly requireEmailVerification?: boolean;
    readonly publicUrl: string;
    readonly log?: (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
    readonly system?: { timeZone: string; locale: string };
  },
): Accounts {
  const { db, clock, mailer } = runtime.deps;
  const mail = options.mail;
  return createBetterAuthAccounts({
    db,
    publicUrl: options.publicUrl,
    secret: options.secret,
    signUp: options.signUp,
    log: options.log,
    sendMail: mail
      ? async ({ to, subject, text }) => {
          await mailer.send(mail.smtpUrl, {
            from: { name: 'hearback', address: mail.from },
            to: [{ address: to }],
            subject,
            text,
          });
        }
      : null,
    requireEmailVerification: options.requireEmailVerification ?? false,
    onUser: async (user) => {
      await ensureUser(
        db,
        { id: user.id, displayName: user.name },
        async () => {
          const system = options.system ?? systemLocale();
          const [{ countryOfLocale }, { defaultSettings }] = await Promise.all([
            import('./core/places.js'),
            import('./core/settings.js'),
          ]);
          return {
            ...defaultSettings(system, countryOfLocale(system.locale)),
            name: user.name,
            email: user.email,
          };
        },
        clock.now().toISOString(),
      );
    },
  });
}
