import type { Command } from 'commander';
import {
  companyCreateSchema,
  companySizeBands,
  companyUpdateSchema,
  describeSizeBand,
} from '../../core/company.js';
import { contactCreateSchema, contactRoles, contactUpdateSchema } from '../../core/contact.js';
import { roleLabels } from '../../core/labels.js';
import {
  type CliContext,
  inCliTransaction,
  parseInput,
  resolveId,
  resolveOrCreateCompany,
  runCommand,
} from '../context.js';
import { choices, formatFields, formatTable, safeText, shortId } from '../output.js';

// Loaded when a command runs, so `hearback --version` and `--help` load none of it (issue 12, item 11).
const loadCompanies = () => import('../../services/companies.js');
const loadContacts = () => import('../../services/contacts.js');

/** `hearback company …` and `hearback contact …`: the people and organisations around applications. */
export function registerPeopleCommands(program: Command): void {
  const company = program.command('company').description('Companies you apply to');
  const companyFlags = {
    name: '--name',
    website: '--website',
    sizeBand: '--size',
    industry: '--industry',
    notes: '--notes',
  };
  // An empty value (or "none" for the size) clears the field.
  const companyFields = (o: {
    name?: string;
    website?: string;
    size?: string;
    industry?: string;
    notes?: string;
  }) => ({
    name: o.name,
    website: o.website,
    sizeBand: o.size === undefined ? undefined : o.size === '' || o.size === 'none' ? null : o.size,
    industry: o.industry === undefined ? undefined : o.industry === '' ? null : o.industry,
    notes: o.notes,
  });
  const withCompanyOptions = (c: Command) =>
    c
      .option('--name <name>', 'name')
      .option('--website <url>', 'website')
      .option('--size <band>', `how many people it employs: ${companySizeBands.join(', ')} (none clears)`)
      .option('--industry <text>', 'its industry, e.g. Government ("" clears)')
      .option('--notes <text>', 'notes');

  withCompanyOptions(company.command('add').description('Add a company')).action(
    (options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { createCompany } = await loadCompanies();
        const created = await createCompany(
          ctx.deps,
          parseInput(companyCreateSchema, companyFields(options), companyFlags),
        );
        print(ctx, created, `Added company ${safeText(created.name)} (${shortId(created.id)})`);
      }),
  );
  company
    .command('list')
    .option('-q, --search <text>', 'name contains')
    .action((options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { listCompanies } = await loadCompanies();
        const companies = await listCompanies(ctx.deps, { q: options.search });
        if (ctx.out.isJson) return ctx.out.json(companies);
        if (companies.length === 0)
          return ctx.out.line('No companies yet. They are added with applications.');
        ctx.out.line(
          formatTable(
            companies,
            [
              { header: 'ID', value: (c) => shortId(c.id) },
              { header: 'NAME', value: (c) => c.name },
              { header: 'WEBSITE', value: (c) => c.website ?? '' },
            ],
            ctx.out.color,
          ),
        );
      }),
    );
  company.command('show <company>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getCompany } = await loadCompanies();
      const found = await getCompany(ctx.deps, await resolveId(ctx, 'companies', ref));
      print(
        ctx,
        found,
        formatFields(
          [
            ['id', found.id],
            ['name', safeText(found.name)],
            ['website', found.website],
            ['size', found.sizeBand === null ? null : describeSizeBand(found.sizeBand)],
            ['industry', found.industry === null ? null : safeText(found.industry)],
            ['notes', safeText(found.notes)],
          ],
          ctx.out.color,
        ),
      );
    }),
  );
  withCompanyOptions(company.command('edit <company>')).action((ref: string, options, command: Command) =>
    runCommand(command, async (ctx) => {
      const { updateCompany } = await loadCompanies();
      const id = await resolveId(ctx, 'companies', ref);
      const updated = await updateCompany(
        ctx.deps,
        id,
        parseInput(companyUpdateSchema, companyFields(options), companyFlags),
      );
      print(ctx, updated, `Updated company ${safeText(updated.name)}`);
    }),
  );
  company.command('rm <company>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { deleteCompany } = await loadCompanies();
      const id = await resolveId(ctx, 'companies', ref);
      await deleteCompany(ctx.deps, id);
      print(ctx, { deleted: id }, 'Deleted the company');
    }),
  );

  const contact = program
    .command('contact')
    .description('Recruiters, hiring managers, interviewers, referrals');
  const contactFlags = {
    name: '--name',
    role: '--role',
    email: '--email',
    phone: '--phone',
    profileUrl: '--profile',
    companyId: '--company',
    notes: '--notes',
  };
  const withContactOptions = (c: Command) =>
    c
      .option('--name <name>', 'name')
      .option('--role <role>', choices(contactRoles))
      .option('--email <email>', 'email')
      .option('--phone <phone>', 'phone')
      .option('--profile <url>', 'profile URL, e.g. LinkedIn')
      .option('--company <company>', 'company: id, or name (added if new)')
      .option('--notes <text>', 'notes');
  const contactFields = async (ctx: CliContext, o: Record<string, string | undefined>) => ({
    name: o.name,
    role: o.role,
    email: o.email,
    phone: o.phone,
    profileUrl: o.profile,
    companyId: o.company ? await resolveOrCreateCompany(ctx, o.company) : undefined,
    notes: o.notes,
  });

  withContactOptions(contact.command('add').description('Add a contact')).action(
    (options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { createContact } = await loadContacts();
        // A new company named with --company is added with the contact, or not at all.
        const created = await inCliTransaction(ctx, async (txCtx) => {
          const input = parseInput(contactCreateSchema, await contactFields(txCtx, options), contactFlags);
          return createContact(txCtx.deps, input);
        });
        print(ctx, created, `Added contact ${safeText(created.name)} (${shortId(created.id)})`);
      }),
  );
  contact
    .command('list')
    .option('--company <company>', 'only at this company (id or name)')
    .option('--role <role>', 'only this role')
    .option('-q, --search <text>', 'name or email contains')
    .action((options, command: Command) =>
      runCommand(command, async (ctx) => {
        const { listContacts } = await loadContacts();
        const companyId = options.company ? await resolveId(ctx, 'companies', options.company) : undefined;
        const contacts = await listContacts(ctx.deps, {
          companyId,
          role: options.role,
          q: options.search,
        });
        if (ctx.out.isJson) return ctx.out.json(contacts);
        if (contacts.length === 0)
          return ctx.out.line('No contacts yet. Add one with: hearback contact add --name …');
        ctx.out.line(
          formatTable(
            contacts,
            [
              { header: 'ID', value: (c) => shortId(c.id) },
              { header: 'NAME', value: (c) => c.name },
              { header: 'ROLE', value: (c) => roleLabels[c.role] },
              { header: 'EMAIL', value: (c) => c.email ?? '' },
            ],
            ctx.out.color,
          ),
        );
      }),
    );
  contact.command('show <contact>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { getContact } = await loadContacts();
      const c = await getContact(ctx.deps, await resolveId(ctx, 'contacts', ref));
      print(
        ctx,
        c,
        formatFields(
          [
            ['id', c.id],
            ['name', safeText(c.name)],
            ['role', roleLabels[c.role]],
            ['email', c.email],
            ['phone', c.phone],
            ['profile', c.profileUrl],
            ['notes', safeText(c.notes)],
          ],
          ctx.out.color,
        ),
      );
    }),
  );
  withContactOptions(contact.command('edit <contact>')).action((ref: string, options, command: Command) =>
    runCommand(command, async (ctx) => {
      const { updateContact } = await loadContacts();
      const id = await resolveId(ctx, 'contacts', ref);
      const updated = await inCliTransaction(ctx, async (txCtx) => {
        const input = parseInput(contactUpdateSchema, await contactFields(txCtx, options), contactFlags);
        return updateContact(txCtx.deps, id, input);
      });
      print(ctx, updated, `Updated contact ${safeText(updated.name)}`);
    }),
  );
  contact.command('rm <contact>').action((ref: string, _o, command: Command) =>
    runCommand(command, async (ctx) => {
      const { deleteContact } = await loadContacts();
      const id = await resolveId(ctx, 'contacts', ref);
      await deleteContact(ctx.deps, id);
      print(ctx, { deleted: id }, 'Deleted the contact');
    }),
  );
}

/** Prints the record as JSON with --json, else the human line. */
export function print(ctx: CliContext, value: unknown, human: string): void {
  if (ctx.out.isJson) ctx.out.json(value);
  else ctx.out.line(human);
}
