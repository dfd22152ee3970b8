import { browser } from 'wxt/browser';
import { checkClip, HearbackError, pair, saveClip } from '../../lib/hearback-api.js';
import { capturePage } from '../../lib/page-capture.js';
import { type ClipDraft, parseSalary, readPosting } from '../../lib/read-posting.js';

/**
 * The popup: pairs with hearback once, then reads the active tab when opened (the toolbar button or the
 * shortcut grants activeTab for that one tab), fills the form, asks hearback about duplicates and saves.
 * Everything from the page is set as text (`value`, `textContent`), never as HTML.
 */

const stored = {
  get base() {
    return localStorage.getItem('hearback.base');
  },
  get token() {
    return localStorage.getItem('hearback.token');
  },
  save(base: string, token: string) {
    localStorage.setItem('hearback.base', base);
    localStorage.setItem('hearback.token', token);
  },
  forget() {
    localStorage.removeItem('hearback.token');
  },
};

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId<HTMLParagraphElement>('status');
const pairForm = byId<HTMLFormElement>('pair-form');
const clipForm = byId<HTMLFormElement>('clip-form');
const field = (id: string) => byId<HTMLInputElement | HTMLTextAreaElement>(id);

let draft: ClipDraft | null = null;
let allowDuplicate = false;

function say(message: string): void {
  status.textContent = message;
}

function isLoopback(base: string): boolean {
  const host = new URL(base).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

function showPairing(): void {
  clipForm.hidden = true;
  pairForm.hidden = false;
  if (stored.base) field('pair-base').value = stored.base;
}

pairForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const base = new URL(field('pair-base').value).origin;
  // Any address but this machine's needs its host permission, asked for now (the click is the gesture).
  if (!isLoopback(base)) {
    const granted = await browser.permissions.request({ origins: [`${base}/*`] });
    if (!granted) return say(`Without access to ${base} the clipper cannot reach hearback.`);
  }
  try {
    const label = navigator.userAgent.includes('Firefox') ? 'Firefox' : 'Chromium';
    const { token } = await pair(base, field('pair-code').value, label);
    stored.save(base, token);
    await showClip();
    say(`Paired. ${status.textContent ?? ''}`.trim());
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
  }
});

async function targetTabId(): Promise<number | undefined> {
  // Tests open the popup as a page and name the tab to read; the toolbar popup reads the active tab.
  const named = new URLSearchParams(location.search).get('tabId');
  if (named !== null) return Number(named);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function showClip(): Promise<void> {
  pairForm.hidden = true;
  const tabId = await targetTabId();
  if (tabId === undefined) return say('No tab to read.');
  let capture: ReturnType<typeof capturePage> | undefined;
  try {
    const [result] = await browser.scripting.executeScript({ target: { tabId }, func: capturePage });
    capture = result?.result as ReturnType<typeof capturePage> | undefined;
  } catch {
    return say('This page cannot be read (a browser page, or one the clipper has no access to).');
  }
  if (!capture) return say('This page cannot be read.');
  draft = readPosting(capture);
  field('company').value = draft.companyName;
  field('title').value = draft.jobTitle;
  field('location').value = draft.location;
  field('salary').value = draft.salary;
  field('url').value = draft.postingUrl;
  field('description').value = draft.descriptionText;
  field('applied-on').value = new Date().toLocaleDateString('sv');
  byId('read-from').textContent = `Read from ${draft.readFrom}.`;
  clipForm.hidden = false;
  say('');
  await showDuplicates();
}

async function showDuplicates(): Promise<void> {
  const base = stored.base;
  const token = stored.token;
  if (!base || !token) return;
  const notice = byId<HTMLParagraphElement>('duplicate');
  try {
    const { duplicates } = await checkClip(base, token, {
      postingUrl: field('url').value || null,
      companyName: field('company').value || null,
      jobTitle: field('title').value || null,
    });
    const first = duplicates[0];
    notice.hidden = first === undefined;
    if (first) {
      const day = new Date(first.savedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
      notice.textContent = `You saved this on ${day} (${first.companyName}, ${first.jobTitle}, now ${first.stage}).`;
    }
  } catch (error) {
    handleFailure(error);
  }
}

function handleFailure(error: unknown): void {
  if (error instanceof HearbackError && error.code === 'EXTENSION_TOKEN_INVALID') {
    stored.forget();
    showPairing();
  }
  say(error instanceof Error ? error.message : String(error));
}

clipForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const base = stored.base;
  const token = stored.token;
  if (!base || !token || !draft) return showPairing();
  const stage = (clipForm.elements.namedItem('stage') as RadioNodeList).value as 'saved' | 'applied';
  const description = field('description').value.trim();
  // The page's own HTML goes only when the description was left as read; hearback sanitises it.
  const unchanged = description === draft.descriptionText.trim() && draft.descriptionHtml !== null;
  const posting = {
    ...(field('location').value.trim() && { location: field('location').value.trim() }),
    ...parseSalary(field('salary').value),
    ...(unchanged
      ? { descriptionHtml: draft.descriptionHtml }
      : description !== '' && { descriptionText: description }),
    ...draft.extra,
  };
  const tags = field('tags')
    .value.split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  try {
    const saved = await saveClip(base, token, {
      companyName: field('company').value,
      jobTitle: field('title').value,
      postingUrl: field('url').value || null,
      posting: posting as never,
      stage,
      ...(stage === 'applied' && field('applied-on').value && { appliedOn: field('applied-on').value }),
      ...(tags.length > 0 && { tags }),
      ...(allowDuplicate && { allowDuplicate: true }),
    });
    say(`Saved to hearback: ${saved.jobTitle} at ${saved.companyName} (${saved.stage}).`);
    byId<HTMLButtonElement>('save').disabled = true;
  } catch (error) {
    if (error instanceof HearbackError && error.code === 'DUPLICATE_APPLICATION') {
      allowDuplicate = true;
      byId('save').textContent = 'Save anyway';
      return say('hearback already has this posting. Press “Save anyway” to add it again.');
    }
    handleFailure(error);
  }
});

byId('unpair').addEventListener('click', () => {
  stored.forget();
  showPairing();
});

if (stored.base && stored.token) void showClip();
else showPairing();
