import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '../api-error.js';
import { useApi } from '../hooks/use-api.js';
import { queryKeys, useUserClock } from '../queries.js';
import { withoutResponseLink, withResponseLink } from '../response-link-text.js';
import { formatDateTime } from '../zoned-time.js';
import { Choice } from './field.js';

/**
 * The draft's "add a response link" option. Ticking it makes the application's link (replacing an active
 * one) and puts it in the text before the sign-off; unticking takes the sentence out again. Without
 * HEARBACK_PUBLIC_URL it only says why there is no link: nothing is offered that an employer could not open.
 */
export function ResponseLinkOption({
  applicationId,
  body,
  onBody,
}: {
  readonly applicationId: string;
  readonly body: string;
  readonly onBody: (body: string) => void;
}) {
  const api = useApi();
  const client = useQueryClient();
  const { settings, timeZone, locale } = useUserClock();
  const status = useQuery({
    queryKey: queryKeys.responseLink(applicationId),
    queryFn: () => api.getResponseLink(applicationId),
  });
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Set in the click's own handler, so the box is ticked in the same frame: the mutation's pending state
  // reaches React a tick later, and a controlled box would show unticked in between.
  const [isMaking, setMaking] = useState(false);
  const latestBody = useRef(body);
  latestBody.current = body;
  const create = useMutation({
    mutationFn: () => api.createResponseLink(applicationId),
    onSuccess: (issued) => {
      setUrl(issued.url);
      setError(null);
      onBody(withResponseLink(latestBody.current, issued.url));
      void client.invalidateQueries({ queryKey: queryKeys.responseLink(applicationId) });
    },
    onError: (e) => setError(describeError(e)),
    onSettled: () => setMaking(false),
  });
  const data = status.data;
  // "By default" from the settings: only when no link is active, so an earlier email's link keeps working.
  const shouldAddByDefault = settings.responseLinkByDefault && data?.available === true && data.link === null;
  const hasAdded = useRef(false);
  useEffect(() => {
    if (!shouldAddByDefault || hasAdded.current) return;
    hasAdded.current = true;
    create.mutate();
  }, [shouldAddByDefault, create]);

  if (!data) return null;
  if (!data.available) {
    return <p className="hint response-link-unavailable">{data.explanation}</p>;
  }
  // Ticked at once while the link is being made, so the box answers the click before the server does.
  const isOn = isMaking || create.isPending || (url !== null && body.includes(url));
  return (
    <div className="response-link-option">
      <Choice
        checked={isOn}
        disabled={isMaking || create.isPending}
        onChange={(checked) => {
          if (checked && url !== null) onBody(withResponseLink(body, url));
          else if (checked) {
            setMaking(true);
            create.mutate();
          } else if (url !== null) onBody(withoutResponseLink(body, url));
        }}
      >
        Add a response link: the employer can say where things stand in one click, without a login
      </Choice>
      {data.link && url === null ? (
        <p className="hint">
          A link is already active (until {formatDateTime(data.link.expiresAt, timeZone, locale)}); adding one
          here replaces it.
        </p>
      ) : null}
      {error ? (
        <p className="form-errors" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
