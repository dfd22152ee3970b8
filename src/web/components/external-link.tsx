import type { ReactNode } from 'react';

/** True only for http(s) URLs: anything else (javascript:, data:) is never made a link. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

type ExternalLinkProps = { readonly href: string; readonly children?: ReactNode };

/** A link out of hearback, opened in a new tab without passing on who sent the user; plain text if unsafe. */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  if (!isWebUrl(href)) return <span className="break">{children ?? href}</span>;
  return (
    <a className="break" href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children ?? href}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
