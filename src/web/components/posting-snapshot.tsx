import type { Application } from '../../core/application.js';
import { employmentTypeLabels, remoteLabels } from '../labels.js';
import { formatLocalDate } from '../zoned-time.js';
import { ExternalLink } from './external-link.js';

type PostingSnapshotProps = { readonly application: Application; readonly locale: string };

/**
 * The posting as it was when the user applied. The description is shown as plain text (the text the server
 * derived from its sanitised HTML): no markup from a job board ever reaches the page, links included.
 */
export function PostingSnapshot({ application, locale }: PostingSnapshotProps) {
  const p = application.posting;
  const salary = formatSalary(p.salaryMin, p.salaryMax, p.salaryCurrency, p.salaryPeriod, locale);
  const facts: [string, string][] = [];
  if (p.location) facts.push(['Location', p.location]);
  if (p.remoteType) facts.push(['Work place', remoteLabels[p.remoteType]]);
  if (salary) facts.push(['Salary', salary]);
  if (p.employmentType) facts.push(['Employment', employmentTypeLabels[p.employmentType]]);
  if (p.datePosted) facts.push(['Posted', formatLocalDate(p.datePosted, locale)]);
  if (p.validThrough) facts.push(['Open until', formatLocalDate(p.validThrough, locale)]);
  const description = p.descriptionText;
  if (facts.length === 0 && !description && !application.postingUrl) {
    return <p className="muted">No posting details saved. Edit the details to add them.</p>;
  }
  return (
    <div className="posting">
      {application.postingUrl ? (
        <p>
          <ExternalLink href={application.postingUrl}>Original posting</ExternalLink>
        </p>
      ) : null}
      {facts.length > 0 ? (
        <dl className="facts">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {description ? (
        <details className="posting-description" open={description.length < 600}>
          <summary>Description</summary>
          <div className="prose">{description}</div>
        </details>
      ) : null}
    </div>
  );
}

export function formatSalary(
  min: number | null,
  max: number | null,
  currency: string | null,
  period: string | null,
  locale: string,
): string | null {
  if (min === null && max === null) return null;
  const format = (n: number) => {
    try {
      return currency
        ? new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(n)
        : new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
    } catch {
      return String(n);
    }
  };
  const range =
    min !== null && max !== null ? `${format(min)} – ${format(max)}` : format((min ?? max) as number);
  return period ? `${range} per ${period}` : range;
}
