/** The pages of the UI and the paths that lead to them. */
export type Route =
  | { readonly name: 'today' }
  | { readonly name: 'board' }
  | { readonly name: 'application'; readonly id: string }
  | { readonly name: 'add' }
  | { readonly name: 'contacts' }
  | { readonly name: 'companies' }
  | { readonly name: 'settings' }
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
};

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  const known = fixed[path];
  if (known) return known;
  const application = /^\/applications\/([^/]+)$/.exec(path);
  if (application?.[1]) {
    try {
      return { name: 'application', id: decodeURIComponent(application[1]) };
    } catch {
      return { name: 'not_found', path };
    }
  }
  return { name: 'not_found', path };
}

export function applicationPath(id: string): string {
  return `/applications/${encodeURIComponent(id)}`;
}

export const pageTitles: Readonly<Record<RouteName, string>> = {
  today: 'Today',
  board: 'Board',
  application: 'Application',
  add: 'Add an application',
  contacts: 'Contacts',
  companies: 'Companies',
  settings: 'Settings',
  not_found: 'Page not found',
};
