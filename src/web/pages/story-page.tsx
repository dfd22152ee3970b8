import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { storyBodyHtml, storyHtmlDocument } from '../../core/story-html.js';
import { describeError } from '../api-error.js';
import { Choice, TextAreaField } from '../components/field.js';
import { Link } from '../components/link.js';
import { useNotices } from '../components/notices.js';
import { useApi } from '../hooks/use-api.js';

/**
 * The story of the search (docs/insights.md): the Markdown the server assembles, editable, beside a preview
 * that `marked` renders and `sanitize-html` cleans (core/story-html.ts), so nothing typed here ever runs.
 * Loaded as its own chunk from a link on the insights page, not the main navigation.
 */
export function StoryPage() {
  const api = useApi();
  const [isAnonymized, setAnonymized] = useState(false);
  // Each version keeps its own edits: switching Anonymise shows the other version and never drops these.
  const [edits, setEdits] = useState<{ named?: string; anonymized?: string }>({});
  const version = isAnonymized ? 'anonymized' : 'named';
  const other = isAnonymized ? 'named' : 'anonymized';
  const story = useQuery({
    queryKey: ['story', isAnonymized],
    queryFn: () => api.getStory(isAnonymized ? { anonymize: 'true' } : {}),
  });
  return (
    <div className="page story-page">
      <div className="page-heading">
        <h1 tabIndex={-1}>Story</h1>
        <Link to="/insights">Back to insights</Link>
      </div>
      <form className="insights-filters" onSubmit={(e) => e.preventDefault()}>
        <Choice checked={isAnonymized} onChange={setAnonymized}>
          Anonymise (no companies, job titles, people or dates)
        </Choice>
      </form>
      {edits[other] !== undefined ? (
        <p className="muted" role="status">
          Your edits to the {other === 'named' ? 'named' : 'anonymised'} story are kept:{' '}
          {other === 'named' ? 'untick' : 'tick'} Anonymise to go back to them. Edits are not carried from one
          version to the other.
        </p>
      ) : null}
      {story.isError ? (
        <p className="form-errors" role="alert">
          {describeError(story.error)}
        </p>
      ) : story.data === undefined ? (
        <div className="placeholder" aria-busy="true">
          Loading the story…
        </div>
      ) : (
        <StoryEditor
          markdown={edits[version] ?? story.data.markdown}
          onChange={(markdown) => setEdits((e) => ({ ...e, [version]: markdown }))}
        />
      )}
    </div>
  );
}

function StoryEditor({ markdown, onChange }: { markdown: string; onChange: (markdown: string) => void }) {
  const { notify } = useNotices();
  const [error, setError] = useState<string | null>(null);
  // storyBodyHtml sanitises what marked renders: only formatting tags, http(s)/mailto links and the
  // embedded Sankey picture remain.
  const html = useMemo(() => storyBodyHtml(markdown), [markdown]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setError(null);
      notify('Copied the story');
    } catch {
      setError('Could not copy here; select the text and copy it yourself.');
    }
  };
  const download = (name: string, type: string, content: string) => {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = name;
    anchor.click();
    URL.revokeObjectURL(url);
  };
  return (
    <>
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={() => download('my-job-search.md', 'text/markdown', markdown)}>
          Download .md
        </button>
        <button
          type="button"
          onClick={() => download('my-job-search.html', 'text/html', storyHtmlDocument(markdown))}
        >
          Download .html
        </button>
      </div>
      <div className="story-panes">
        <TextAreaField
          className="story-source"
          label="Markdown"
          name="markdown"
          value={markdown}
          onChange={onChange}
          rows={24}
          spellCheck
        />
        <section aria-labelledby="story-preview" className="story-preview card">
          <h2 id="story-preview">Preview</h2>
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by storyBodyHtml (sanitize-html) */}
          <div className="story-rendered" dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      </div>
    </>
  );
}
