import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { sankeyImagePrefix } from './story-image.js';

/**
 * The story's Markdown as HTML: `marked` renders it and `sanitize-html` keeps only formatting tags, so
 * whatever the user typed into the story (a `<script>`, an `onerror`, a `javascript:` link) never runs. The
 * one image kept is an embedded SVG (the Sankey): an SVG shown through `<img>` runs no script and loads
 * nothing, and any other image (a URL that would call home when the story is opened) is dropped.
 * The web page's preview and the downloaded .html file both come from here.
 */
const marked = new Marked({ gfm: true, async: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'del',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'code',
    'pre',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'hr',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    th: ['align'],
    td: ['align'],
    code: ['class'],
    img: ['src', 'alt'],
  },
  allowedSchemesByTag: { img: ['data'] },
  exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs.src ?? '').startsWith(sankeyImagePrefix),
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
};

/** The story's body as safe HTML. */
export function storyBodyHtml(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown) as string, allowed);
}

/** A whole HTML document of the story, to download or open on its own. */
export function storyHtmlDocument(markdown: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>My job search</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; }
pre { background: #f3f3f3; padding: 0.75rem; overflow-x: auto; }
img { max-width: 100%; height: auto; }
</style>
</head>
<body>
${storyBodyHtml(markdown)}
</body>
</html>
`;
}
