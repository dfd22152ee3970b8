import { type ComponentProps, lazy, Suspense } from 'react';

/**
 * The forms that dialogs open from every page (quick add, log an interview, "how did it go?"), loaded when
 * first shown. They check their input with core's zod schemas; keeping them out of the first script keeps
 * zod and temporal-polyfill out of it too (docs/performance.md). Their code starts loading at the user's
 * first key press or pointer press anywhere, so a dialog opened by shortcut rarely has to wait for it.
 */
const loadQuickAddForm = () => import('./quick-add-form.js');
const loadInterviewForm = () => import('./interview-form.js');
const loadPostInterviewPrompt = () => import('./post-interview-prompt.js');

const QuickAddFormModule = lazy(() => loadQuickAddForm().then((m) => ({ default: m.QuickAddForm })));
const InterviewFormModule = lazy(() => loadInterviewForm().then((m) => ({ default: m.InterviewForm })));
const PostInterviewPromptModule = lazy(() =>
  loadPostInterviewPrompt().then((m) => ({ default: m.PostInterviewPrompt })),
);

function Loading() {
  return (
    <p className="placeholder" aria-busy="true">
      Loading…
    </p>
  );
}

export function QuickAddForm(props: ComponentProps<typeof QuickAddFormModule>) {
  return (
    <Suspense fallback={<Loading />}>
      <QuickAddFormModule {...props} />
    </Suspense>
  );
}

export function InterviewForm(props: ComponentProps<typeof InterviewFormModule>) {
  return (
    <Suspense fallback={<Loading />}>
      <InterviewFormModule {...props} />
    </Suspense>
  );
}

export function PostInterviewPrompt(props: ComponentProps<typeof PostInterviewPromptModule>) {
  return (
    <Suspense fallback={<Loading />}>
      <PostInterviewPromptModule {...props} />
    </Suspense>
  );
}

/** Starts loading the forms' code on the first key or pointer press, once. */
export function preloadFormsOnFirstInput(): void {
  const preload = () => {
    document.removeEventListener('keydown', preload, true);
    document.removeEventListener('pointerdown', preload, true);
    void loadQuickAddForm();
    void loadInterviewForm();
    void loadPostInterviewPrompt();
  };
  document.addEventListener('keydown', preload, true);
  document.addEventListener('pointerdown', preload, true);
}
