import { type ComponentType, lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { Role } from '../core/roles.js';
import { AccountMenu, useAccount } from './components/account-gate.js';
import { Dialog } from './components/dialog.js';
import { QuickAddForm } from './components/lazy-forms.js';
import { Link } from './components/link.js';
import { LogInterviewDialog } from './components/log-interview-dialog.js';
import { useNotices } from './components/notices.js';
import { ShortcutsOverlay } from './components/shortcuts-overlay.js';
import { type AppDialogs, AppDialogsContext } from './hooks/use-app-dialogs.js';
import { useGlobalShortcuts } from './hooks/use-global-shortcuts.js';
import { navigate, useLocation } from './hooks/use-location.js';
import { BoardPage } from './pages/board-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { TodayPage } from './pages/today-page.js';
import { useSettings } from './queries.js';
import { applicationPath, matchRoute, pageTitles, type Route, type RouteName } from './router.js';
import type { ShortcutAction } from './shortcuts.js';

// Today (the home page) and the board ship in the first script, so the board's code is fetched with it rather
// than after it; the other pages load when first visited.
const pageModules = {
  application: () => import('./pages/application-page.js'),
  contacts: () => import('./pages/contacts-page.js'),
  companies: () => import('./pages/companies-page.js'),
  settings: () => import('./pages/settings-page.js'),
  follow_up: () => import('./pages/follow-up-page.js'),
  add: () => import('./pages/quick-add-page.js'),
  import: () => import('./pages/import-page.js'),
  insights: () => import('./pages/insights-page.js'),
  story: () => import('./pages/story-page.js'),
  admin_invitations: () => import('./pages/admin-invitations-page.js'),
  coaching: () => import('./pages/coach-page.js'),
  coaching_job_seeker: () => import('./pages/coach-job-seeker-page.js'),
  coaching_application: () => import('./pages/coach-application-page.js'),
  admin: () => import('./pages/admin-page.js'),
} as const;

const ApplicationPage = lazy(() => pageModules.application().then((m) => ({ default: m.ApplicationPage })));
const ContactsPage = lazy(() => pageModules.contacts().then((m) => ({ default: m.ContactsPage })));
const CompaniesPage = lazy(() => pageModules.companies().then((m) => ({ default: m.CompaniesPage })));
const SettingsPage = lazy(() => pageModules.settings().then((m) => ({ default: m.SettingsPage })));
const FollowUpPage = lazy(() => pageModules.follow_up().then((m) => ({ default: m.FollowUpPage })));
const QuickAddPage = lazy(() => pageModules.add().then((m) => ({ default: m.QuickAddPage })));
const ImportPage = lazy(() => pageModules.import().then((m) => ({ default: m.ImportPage })));
const insightsPage = pageLoadedOnce(() => pageModules.insights().then((m) => m.InsightsPage));
const storyPage = pageLoadedOnce(() => pageModules.story().then((m) => m.StoryPage));
const AdminInvitationsPage = lazy(() =>
  pageModules.admin_invitations().then((m) => ({ default: m.AdminInvitationsPage })),
);
const CoachPage = lazy(() => pageModules.coaching().then((m) => ({ default: m.CoachPage })));
const CoachJobSeekerPage = lazy(() =>
  pageModules.coaching_job_seeker().then((m) => ({ default: m.CoachJobSeekerPage })),
);
const CoachApplicationPage = lazy(() =>
  pageModules.coaching_application().then((m) => ({ default: m.CoachApplicationPage })),
);
const AdminPage = lazy(() => pageModules.admin().then((m) => ({ default: m.AdminPage })));
const FirstRunSetUp = lazy(() =>
  import('./components/first-run-set-up.js').then((m) => ({ default: m.FirstRunSetUp })),
);

/** Starts loading the code of the first page at once, rather than after the app's first render. */
export function preloadPage(pathname: string): void {
  const route = matchRoute(pathname);
  if (route.name in pageModules) void pageModules[route.name as keyof typeof pageModules]();
}

/**
 * A page loaded on first visit that, once its code is here, renders without suspending. React keeps a
 * Suspense fallback on screen at least 300 ms before revealing what replaced it, so a first page that
 * suspended (its chunk arrives a few milliseconds after the main script) showed "Loading…" for 300 ms with
 * its data already there.
 */
type PageLoadedOnce = {
  loaded: ComponentType | null;
  readonly Lazy: ComponentType;
  readonly load: () => Promise<ComponentType>;
};

function pageLoadedOnce(load: () => Promise<ComponentType>): PageLoadedOnce {
  const page: PageLoadedOnce = {
    loaded: null,
    load: () =>
      load().then((component) => {
        page.loaded = component;
        return component;
      }),
    Lazy: lazy(() => page.load().then((component) => ({ default: component }))),
  };
  return page;
}

/** A page mounted before its code arrived stays the lazy one for its lifetime, so nothing mounts twice. */
function PageOnceLoaded({ page }: { readonly page: PageLoadedOnce }) {
  const [Component] = useState<ComponentType>(() => page.loaded ?? page.Lazy);
  return <Component />;
}

/**
 * Waits for the code of the first page when it is one that renders without suspending once loaded (the
 * insights and story pages), so the first render draws it at once; resolves at once for any other page.
 */
export function loadFirstPage(pathname: string): Promise<unknown> {
  const route = matchRoute(pathname);
  if (route.name === 'insights') return insightsPage.load();
  if (route.name === 'story') return storyPage.load();
  return Promise.resolve();
}

const navItems: readonly { to: string; label: string; routes: readonly RouteName[] }[] = [
  { to: '/', label: 'Today', routes: ['today'] },
  { to: '/board', label: 'Board', routes: ['board', 'application'] },
  { to: '/contacts', label: 'Contacts', routes: ['contacts'] },
  { to: '/companies', label: 'Companies', routes: ['companies'] },
  { to: '/insights', label: 'Insights', routes: ['insights', 'story'] },
  { to: '/settings', label: 'Settings', routes: ['settings', 'import'] },
];

/** Server mode: the coach's and the admin's pages, in the navigation of those roles only. */
const roleNavItems: readonly { to: string; label: string; role: Role; routes: readonly RouteName[] }[] = [
  {
    to: '/coach',
    label: 'Coaching',
    role: 'coach',
    routes: ['coaching', 'coaching_job_seeker', 'coaching_application'],
  },
  { to: '/admin', label: 'Admin', role: 'admin', routes: ['admin'] },
];

/** Searching always happens in the board's search box; this focuses it once the board has rendered. */
function focusSearch(attempt = 0): void {
  const input = document.getElementById('application-search');
  if (input) {
    input.focus();
    return;
  }
  if (attempt < 30) window.requestAnimationFrame(() => focusSearch(attempt + 1));
}

export function App() {
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const { notify, undoLatest } = useNotices();
  const [isQuickAddOpen, setQuickAddOpen] = useState(false);
  const [interviewDialog, setInterviewDialog] = useState<{ applicationId?: string } | null>(null);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const role = useAccount().data?.user?.role;
  const nav = [...navItems, ...roleNavItems.filter((item) => item.role === role)];

  const dialogs = useMemo<AppDialogs>(
    () => ({
      openQuickAdd: () => setQuickAddOpen(true),
      openLogInterview: (applicationId?: string) =>
        setInterviewDialog(applicationId ? { applicationId } : {}),
      openShortcuts: () => setHelpOpen(true),
    }),
    [],
  );

  useGlobalShortcuts((action: ShortcutAction) => {
    switch (action) {
      case 'help':
        return dialogs.openShortcuts();
      case 'quick-add':
        return dialogs.openQuickAdd();
      case 'log-interview':
        return dialogs.openLogInterview(route.name === 'application' ? route.id : undefined);
      case 'search':
        if (route.name !== 'board') navigate('/board');
        return focusSearch();
      case 'go-today':
        return navigate('/');
      case 'go-board':
        return navigate('/board');
      case 'go-contacts':
        return navigate('/contacts');
      case 'go-companies':
        return navigate('/companies');
      case 'go-settings':
        return navigate('/settings');
      case 'undo':
        return void undoLatest();
    }
  });

  usePageFocus(route);

  return (
    <AppDialogsContext.Provider value={dialogs}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="brand">
          hearback
        </Link>
        <nav aria-label="Main" className="main-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <Link to={item.to} aria-current={item.routes.includes(route.name) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-actions">
          <button
            type="button"
            className="button-primary"
            onClick={dialogs.openQuickAdd}
            aria-keyshortcuts="n"
          >
            Add<span className="hide-narrow"> application</span>
          </button>
          <button
            type="button"
            onClick={() => dialogs.openLogInterview(route.name === 'application' ? route.id : undefined)}
            aria-keyshortcuts="i"
          >
            Log<span className="hide-narrow"> interview</span>
          </button>
          <button
            type="button"
            className="button-icon"
            onClick={dialogs.openShortcuts}
            aria-label="Keyboard shortcuts"
            aria-keyshortcuts="?"
          >
            ?
          </button>
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <div className="page">
              <div className="placeholder" aria-busy="true">
                Loading…
              </div>
            </div>
          }
        >
          <Page route={route} />
        </Suspense>
      </main>
      <Dialog
        open={isQuickAddOpen}
        title="Add an application"
        onClose={() => setQuickAddOpen(false)}
        size="wide"
      >
        <QuickAddForm
          autoFocus
          onSaved={(application) => {
            setQuickAddOpen(false);
            notify(`Added “${application.jobTitle}” at ${application.company.name}`, {
              to: applicationPath(application.id),
              label: 'Open it',
            });
          }}
        />
      </Dialog>
      <LogInterviewDialog
        open={interviewDialog !== null}
        {...(interviewDialog?.applicationId ? { applicationId: interviewDialog.applicationId } : {})}
        onClose={() => setInterviewDialog(null)}
      />
      <ShortcutsOverlay open={isHelpOpen} onClose={() => setHelpOpen(false)} />
      <FirstRunGate />
    </AppDialogsContext.Provider>
  );
}

/** The first-run set-up, on a fresh database only; its code loads only then. */
function FirstRunGate() {
  const settings = useSettings();
  if (settings.data?.setUpAt !== null) return null;
  return (
    <Suspense fallback={null}>
      <FirstRunSetUp settings={settings.data} />
    </Suspense>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'today':
      return <TodayPage />;
    case 'board':
      return <BoardPage />;
    case 'application':
      return <ApplicationPage key={route.id} id={route.id} />;
    case 'follow_up':
      return <FollowUpPage key={route.id} id={route.id} showDraft={route.showDraft} />;
    case 'add':
      return <QuickAddPage />;
    case 'contacts':
      return <ContactsPage />;
    case 'companies':
      return <CompaniesPage />;
    case 'settings':
      return <SettingsPage />;
    case 'import':
      return <ImportPage />;
    case 'insights':
      return <PageOnceLoaded key="insights" page={insightsPage} />;
    case 'story':
      return <PageOnceLoaded key="story" page={storyPage} />;
    case 'admin_invitations':
      return <AdminInvitationsPage />;
    case 'coaching':
      return <CoachPage />;
    case 'coaching_job_seeker':
      return <CoachJobSeekerPage key={route.id} id={route.id} />;
    case 'coaching_application':
      return <CoachApplicationPage key={route.id} id={route.id} />;
    case 'admin':
      return <AdminPage />;
    case 'not_found':
      return <NotFoundPage path={route.path} />;
  }
}

/**
 * On every move to another page (not the first load), the page title is updated and focus goes to the new
 * page's heading, so keyboard and screen-reader users start reading at the top of what changed.
 */
function usePageFocus(route: Route): void {
  const key = 'id' in route ? `${route.name}:${route.id}` : route.name;
  const title = `${pageTitles[route.name]} · hearback`;
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    document.title = title;
    const isFirst = lastKey.current === null;
    const isNewPage = lastKey.current !== key;
    lastKey.current = key;
    if (isFirst || !isNewPage) return;
    window.scrollTo(0, 0);
    focusHeadingWhenLoaded();
  }, [key, title]);
}

/** Waits (up to a few seconds) for the page's code and data, then focuses its heading. */
function focusHeadingWhenLoaded(attempt = 0): void {
  const main = document.querySelector('main');
  const heading = main?.querySelector<HTMLElement>('h1');
  if (heading && !main?.querySelector('[aria-busy="true"]')) {
    heading.focus({ preventScroll: true });
    return;
  }
  if (attempt < 300) window.requestAnimationFrame(() => focusHeadingWhenLoaded(attempt + 1));
}
