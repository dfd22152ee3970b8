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
