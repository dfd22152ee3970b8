/** The pages of the UI and the paths that lead to them. */
export type Route =
  | { readonly name: 'today' }
  | { readonly name: 'board' }
  | { readonly name: 'application'; readonly id: string }
  | { readonly name: 'follow_up'; readonly id: string; readonly showDraft: boolean }
  | { readonly name: 'add' }
  | { readonly name: 'contacts' }
  | { readonly name: 'companies' }
  | { readonly name: 'settings' }
  | { readonly name: 'import' }
  | { readonly name: 'insights' }
  | { readonly name: 'story' }
  | { readonly name: 'admin_invitations' }
  | { readonly name: 'coaching' }
  | { readonly name: 'coaching_job_seeker'; readonly id: string }
  | { readonly name: 'coaching_application'; readonly id: string }
  | { readonly name: 'admin' }
  | { readonly name: 'not_found'; readonly path: string };

export type RouteName = Route['name'];

const fixed: Readonly<Record<string, Route>> = {
  '/': { name: 'today' },
  '/today': { name: 'today' },
  '/board': { name: 'board' },
  '/add': { name: 'add' },
  '/contacts': { name: 'contacts' },
  '/companies': { name: 'companies' },
  '/settings': { name: 'settings' },
  '/import': { name: 'import' },
  '/insights': { name: 'insights' },
  '/insights/story': { name: 'story' },
  '/admin/invitations': { name: 'admin_invitations' },
  '/coach': { name: 'coaching' },
  '/admin': { name: 'admin' },
};

/**
 * Server mode's pages reached from an emailed link, before anyone is signed in: accepting an invitation
 * (/invite/<token>) and setting a new password (/reset-password?token=…). They replace the app.
 */
export type AccountLink =
  | { readonly name: 'invite'; readonly token: string }
  | { readonly name: 'reset_password'; readonly token: string };

export function matchAccountLink(pathname: string, search: string): AccountLink | null {
  const invite = /^\/invite\/([A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (invite?.[1]) return { name: 'invite', token: invite[1] };
  if (/^\/reset-password\/?$/.test(pathname))
    return { name: 'reset_password', token: new URLSearchParams(search).get('token') ?? '' };
  return null;
}

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const known = fixed[path];
  if (known) return known;
  try {
    const application = /^\/applications\/([^/]+)$/.exec(path);
    if (application?.[1]) return { name: 'application', id: decodeURIComponent(application[1]) };
    const jobSeeker = /^\/coach\/job-seekers\/([^/]+)$/.exec(path);
    if (jobSeeker?.[1]) return { name: 'coaching_job_seeker', id: decodeURIComponent(jobSeeker[1]) };
    const shared = /^\/coach\/applications\/([^/]+)$/.exec(path);
    if (shared?.[1]) return { name: 'coaching_application', id: decodeURIComponent(shared[1]) };
    // Calendar entries and emails link to a step's draft as /follow-ups/:id/draft.
    const step = /^\/follow-ups\/([^/]+)(\/draft)?$/.exec(path);
    if (step?.[1])
      return { name: 'follow_up', id: decodeURIComponent(step[1]), showDraft: step[2] !== undefined };
  } catch {
    return { name: 'not_found', path };
  }
  return { name: 'not_found', path };
}

export function applicationPath(id: string): string {
  return `/applications/${encodeURIComponent(id)}`;
}

export function followUpPath(id: string, showDraft = false): string {
  return `/follow-ups/${encodeURIComponent(id)}${showDraft ? '/draft' : ''}`;
}

/** Server mode: a job seeker's shared applications, as their coach sees them. */
export function coachJobSeekerPath(id: string): string {
  return `/coach/job-seekers/${encodeURIComponent(id)}`;
}

/** Server mode: a shared application and its timeline, as the coach sees it. */
export function coachApplicationPath(id: string): string {
  return `/coach/applications/${encodeURIComponent(id)}`;
}

export const pageTitles: Readonly<Record<RouteName, string>> = {
  today: 'Today',
  board: 'Board',
  application: 'Application',
  follow_up: 'Follow-up step',
  add: 'Add an application',
  contacts: 'Contacts',
  companies: 'Companies',
  settings: 'Settings',
  import: 'Import and export',
  insights: 'Insights',
  story: 'Story',
  admin_invitations: 'Invitations',
  coaching: 'Coaching',
  coaching_job_seeker: 'Job seeker',
  coaching_application: 'Shared application',
  admin: 'Admin',
  not_found: 'Page not found',
};
