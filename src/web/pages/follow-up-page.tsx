import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FollowUp } from '../../core/follow-up.js';
import { describeError } from '../api-error.js';
import { DraftDialog } from '../components/draft-dialog.js';
import { FollowUpCard } from '../components/follow-up-card.js';
import { Link } from '../components/link.js';
import { useApi } from '../hooks/use-api.js';
import { navigate } from '../hooks/use-location.js';
import { useApplication, useContacts } from '../queries.js';
import { applicationPath, followUpPath } from '../router.js';
import { type FollowUpCardItem, isDraftable } from '../today-view.js';

type FollowUpPageProps = { readonly id: string; readonly showDraft: boolean };

/** One follow-up step on its own page: where links from the calendar feed and emails land. */
export function FollowUpPage({ id, showDraft }: FollowUpPageProps) {
  const api = useApi();
  const step = useQuery({ queryKey: ['follow-ups', 'step', id], queryFn: () => api.getFollowUp(id) });
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Follow-up step</h1>
      {step.isError ? (
        <p className="form-errors" role="alert">
          {describeError(step.error)}
        </p>
      ) : step.data ? (
        <StepView step={step.data} showDraft={showDraft} />
      ) : (
        <div className="placeholder" aria-busy="true">
          Loading…
        </div>
      )}
    </div>
  );
}

function StepView({ step, showDraft }: { step: FollowUp; showDraft: boolean }) {
  const application = useApplication(step.applicationId);
  const contacts = useContacts();
  const isLoading = (application.isPending && !application.isError) || contacts.isPending;
  const [draftStep, setDraftStep] = useState<FollowUp | null>(showDraft ? step : null);
  const contact = (contacts.data ?? []).find((c) => c.id === step.contactId);
  const item: FollowUpCardItem = {
    step,
    application: application.data
      ? {
          id: application.data.id,
          jobTitle: application.data.jobTitle,
          companyName: application.data.company.name,
        }
      : null,
    contact: contact ? { id: contact.id, name: contact.name, email: contact.email } : null,
    explanation: step.reason,
    hasDraft: isDraftable(step),
  };
  if (isLoading) {
    return (
      <div className="placeholder" aria-busy="true">
        Loading…
      </div>
    );
  }
  return (
    <>
      <div className="panel">
        <FollowUpCard item={item} showApplication onOpenDraft={setDraftStep} headingLevel="h3" />
      </div>
      <p>
        <Link to={applicationPath(step.applicationId)}>Open the application</Link> ·{' '}
        <Link to="/">Back to Today</Link>
      </p>
      <DraftDialog
        step={draftStep}
        onClose={() => {
          setDraftStep(null);
          if (showDraft) navigate(followUpPath(step.id), { replace: true });
        }}
      />
    </>
  );
}
