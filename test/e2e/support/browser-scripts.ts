/**
 * Code that runs inside the page, kept as text: the e2e files are type-checked without the DOM library, and
 * these snippets are small enough to read as they are.
 */

/** Sums every layout shift not caused by user input into `window.__hearbackCls`, from the very first paint. */
export const layoutShiftObserver = `
  window.__hearbackCls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) window.__hearbackCls += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
`;

/** A flag any injected script would have to set; hostile strings in the XSS corpora call alert() instead. */
export const xssSentinel = `
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { return window.__xssHits || 0; },
    set() { window.__xssHits = (window.__xssHits || 0) + 1; },
  });
`;

/**
 * Elements and attributes the UI itself never renders inside <main>: finding one means markup from stored
 * text reached the page.
 */
export const injectedElementsQuery = `(() => {
  const main = document.querySelector('main');
  if (!main) return ['no main element'];
  const found = [];
  for (const el of main.querySelectorAll('script, iframe, object, embed, img, svg, math, video, audio, form[action], base, link, meta, style, marquee, frame, frameset, applet')) {
    found.push(el.outerHTML.slice(0, 120));
  }
  for (const el of main.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name) || /^(formaction|xlink:href|srcdoc)$/i.test(attr.name)) found.push(el.tagName + ' ' + attr.name);
      if ((attr.name === 'href' || attr.name === 'src' || attr.name === 'action') && /^\\s*(javascript|data|vbscript):/i.test(attr.value)) {
        found.push(el.tagName + ' ' + attr.name + '=' + attr.value.slice(0, 60));
      }
    }
  }
  return found;
})()`;

/**
 * How wide the page is against the window, for the no-sideways-scrolling check on phones: the document
 * scrolls sideways when its scrollWidth is larger than innerWidth.
 */
export const pageWidthsQuery = `({
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
})`;

/**
 * Controls in <main> (and in an open dialog) that a phone user cannot fully see without scrolling sideways:
 * their box reaches past the left or right edge of the window, or past a box that clips it (a table
 * scrolled inside its frame). Visually hidden text for screen readers and closed parts are not looked at.
 */
export const controlsOffScreenQuery = `(() => {
  const root = document.querySelector('dialog[open]') || document.querySelector('main');
  const width = window.innerWidth;
  const clipsSideways = (el) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
  const describe = (el) => {
    const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim();
    return el.tagName.toLowerCase() + ': ' + name.replace(/\\s+/g, ' ').slice(0, 50);
  };
  const found = [];
  for (const el of root.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    if (el.closest('.visually-hidden')) continue;
    if (el.type === 'file' || el.type === 'hidden') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || !el.checkVisibility()) continue;
    let left = 0;
    let right = width;
    for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
      if (!clipsSideways(p)) continue;
      const frame = p.getBoundingClientRect();
      left = Math.max(left, frame.left);
      right = Math.min(right, frame.right);
    }
    if (box.left < left - 0.5 || box.right > right + 0.5) {
      found.push(describe(el) + ' spans ' + Math.round(box.left) + '–' + Math.round(box.right) + ' px');
    }
  }
  return found;
})()`;

/**
 * Short single words in table cells that wrap onto several lines ("Inte/rvie/wer"): a cell squeezed
 * narrower than its words.
 */
export const brokenWordsQuery = `(() => {
  const found = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const word = text.textContent.trim();
      if (!/^[\\p{L}]{4,16}$/u.test(word)) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) found.push(word + ' over ' + lines.size + ' lines');
    }
  }
  return found;
})()`;
