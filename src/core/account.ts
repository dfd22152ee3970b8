import { z } from 'zod';
import { roles } from './roles.js';

/**
 * Who is signed in (GET /api/account). Local mode has no accounts: one person, no sign-in. Server mode
 * answers with the signed-in account, or 401 SIGN_IN_REQUIRED without a session.
 */
export const accountViewSchema = z.object({
  mode: z.enum(['local', 'server']),
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.enum(roles) }).nullable(),
});

export type AccountView = z.infer<typeof accountViewSchema>;

/**
 * How better-auth's endpoints under /api/auth/ answer a failure: `{ code, message }`, both optional (the web
 * app loads this on a failure only: the first page's script does without zod).
 */
export const authErrorBodySchema = z.object({
  code: z.string().optional().catch(undefined),
  message: z.string().optional().catch(undefined),
});
