import { Link } from '../components/link.js';

export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is no page at <code>{path}</code>. Go to <Link to="/">Today</Link> or the{' '}
        <Link to="/board">board</Link>.
      </p>
    </div>
  );
}
