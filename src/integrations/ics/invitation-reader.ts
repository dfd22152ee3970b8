import type { InvitationReader } from '../../core/ports.js';

/** The InvitationReader port on ical.js, loaded with the first invitation rather than at start-up. */
export const icsInvitationReader: InvitationReader = {
  read: async (icsText, options) => (await import('./parse-invitation.js')).parseInvitation(icsText, options),
};
