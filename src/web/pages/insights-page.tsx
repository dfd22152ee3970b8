import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeSankey, toSankeyMatic, toSankeySvg } from '../../core/insights-sankey.js';
import { describeError } from '../api-error.js';
import { Link } from '../components/link.js';
import { useApi } from '../hooks/use-api.js';
import {
  activityHeaders,
  followUpHeaders,
  funnelHeaders,
  groupHeaders,
  type Insights,
  insightsPageOf,
} from '../insights-view.js';
import { queryKeys } from '../queries.js';

/**
 * What the whole search says (docs/insights.md): headline figures beside the market's, the Sankey, and each
 * chart with its table and a sentence saying what it shows. Loaded as its own chunk (app.tsx).
 */
export function InsightsPage() {
  const api = useApi();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [goal, setGoal] = useState('');
  const [isAnonymized, setAnonymized] = useState(false);
  const query = {
    ...(from && { from }),
    ...(to && { to }),
    ...(goal && { goalApplications: goal }),
    ...(isAnonymized && { anonymize: 'true' }),
  };
  const insights = useQuery({
    queryKey: queryKeys.insights(query),
    queryFn: () => api.getInsights(query),
  });
  return (
    <div className="page insights-page">
      <div className="page-heading">
        <h1 tabIndex={-1}>Insights</h1>
        <Link to="/insights/story">Tell the story (Markdown to share)</Link>
      </div>
      <form className="insights-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label>
          Weekly goal (applications){' '}
          <input
            type="number"
            min={0}
            max={1000}
            value={goal}
            placeholder="saved goal"
            aria-describedby="insights-goal-hint"
            onChange={(e) => setGoal(e.target.value)}
          />
        </label>
        <label>
          <input type="checkbox" checked={isAnonymized} onChange={(e) => setAnonymized(e.target.checked)} />{' '}
          Anonymise for sharing
        </label>
        <p id="insights-goal-hint" className="muted">
          Empty: the goal saved in <Link to="/settings">Settings</Link>; a number here is for this view only.
        </p>
      </form>
      {insights.isError ? (
        <p className="form-errors" role="alert">
          {describeError(insights.error)}
        </p>
      ) : insights.data === undefined ? (
        <div className="placeholder" aria-busy="true">
          Loading insights…
        </div>
      ) : (
        <InsightsBody insights={insights.data} />
      )}
    </div>
  );
}

function InsightsBody({ insights }: { insights: Insights }) {
  const page = useMemo(() => insightsPageOf(insights), [insights]);
  const svg = useMemo(() => toSankeySvg(insights.sankey), [insights]);
  if (insights.applications === 0) {
    return (
      <section className="empty-state">
        <h2>No applications yet</h2>
        <p>Insights appear once you have added or imported applications.</p>
      </section>
    );
  }
  const sankeyText = describeSankey(insights.sankey);
  return (
    <>
      <section aria-labelledby="insights-market">
        <h2 id="insights-market">You and the market</h2>
        <ul className="insights-headlines">
          {page.headlines.map((h) => (
            <li key={h.id} className="card">
              <p className="insights-label">{h.label}</p>
              <p className="insights-value">{h.value}</p>
              {h.note ? <p className="muted">{h.note}</p> : null}
              <ul className="insights-market">
                {h.market.map((m) => (
                  <li key={m.text} title={m.citation}>
                    Market: {m.text} — <cite>{m.citation}</cite>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="insights-sankey">
        <h2 id="insights-sankey">Your search as a flow</h2>
        <figure>
          <img
            className="insights-sankey"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
            alt={sankeyText}
          />
          <figcaption>{sankeyText}</figcaption>
        </figure>
        <p>
          <a download="search.svg" href={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}>
            Download SVG
          </a>{' '}
          ·{' '}
          <a
            download="search-sankeymatic.txt"
            href={`data:text/plain;charset=utf-8,${encodeURIComponent(toSankeyMatic(insights.sankey))}`}
          >
            Download SankeyMATIC text
          </a>
        </p>
        <Table
          caption="Flows of the search"
          headers={['From', 'To', 'Applications']}
          rows={insights.sankey.links.map((l) => [l.source, l.target, String(l.value)])}
        />
      </section>
      <section aria-labelledby="insights-funnel">
        <h2 id="insights-funnel">Funnel by furthest stage</h2>
        <p>{page.funnel.summary}</p>
        <Bars
          items={insights.funnel.map((f) => ({ label: f.label, value: f.reached }))}
          max={insights.applications}
        />
        <Table caption="Funnel" headers={funnelHeaders} rows={page.funnel.rows} />
      </section>
      {page.groups.map((g) => (
        <section key={g.id} aria-labelledby={`insights-${g.id}`}>
          <h2 id={`insights-${g.id}`}>{g.title}</h2>
          <p>{g.summary}</p>
          <Table caption={g.title} headers={groupHeaders} rows={g.rows} />
        </section>
      ))}
      <section aria-labelledby="insights-follow-ups">
        <h2 id="insights-follow-ups">Follow-ups that got answers</h2>
        <p>{page.followUps.summary}</p>
        {page.followUps.rows.length > 0 ? (
          <Table caption="Follow-ups" headers={followUpHeaders} rows={page.followUps.rows} />
        ) : null}
      </section>
      <section aria-labelledby="insights-silence">
        <h2 id="insights-silence">Silence</h2>
        <p>{page.silence}</p>
      </section>
      <section aria-labelledby="insights-activity">
        <h2 id="insights-activity">Activity</h2>
        <p>{page.activity.summary}</p>
        <Bars
          items={insights.activity.weeks.map((w) => ({ label: w.label, value: w.applications }))}
          max={Math.max(1, ...insights.activity.weeks.map((w) => w.applications))}
        />
        <Table caption="Activity by week" headers={activityHeaders} rows={page.activity.rows} />
      </section>
    </>
  );
}

/**
 * A bar chart, each bar a rectangle in an SVG as wide as its row (an attribute, not an inline style, which the
 * Content Security Policy refuses in HTML the server drew); hidden from screen readers, which read the table
 * and summary beside it.
 */
function Bars({ items, max }: { items: readonly { label: string; value: number }[]; max: number }) {
  return (
    <div className="insights-bars" aria-hidden="true">
      {items.map((item) => (
        <div key={item.label} className="insights-bar-row">
          <span className="insights-bar-label">{item.label}</span>
          <svg
            className="insights-bar"
            viewBox="0 0 100 1"
            preserveAspectRatio="none"
            focusable="false"
            aria-hidden="true"
          >
            <rect width={Math.max(0.5, max === 0 ? 0 : (item.value / max) * 100)} height="1" />
          </svg>
          <span>{item.value}</span>
        </div>
      ))}
    </div>
  );
}

function Table({
  caption,
  headers,
  rows,
}: {
  caption: string;
  headers: readonly string[];
  rows: ReadonlyArray<readonly string[]>;
}) {
  return (
    // A region that may scroll sideways on a phone must take keyboard focus to be scrolled (axe).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region has to be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={`${caption} (table)`}>
      <table className="insights-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and never reorder in place
            <tr key={i}>
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
