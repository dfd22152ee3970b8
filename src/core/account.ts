import { z } from 'zod';

/**
 * Who is signed in (GET /api/account). Local mode has no accounts: one person, no sign-in. Server mode
 * answers with the signed-in account, or 401 SIGN_IN_REQUIRED without a session.
 */
export const accountViewSchema = z.object({
  mode: z.enum(['local', 'server']),
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
});

export type AccountView = z.infer<typeof accountViewSchema>;
