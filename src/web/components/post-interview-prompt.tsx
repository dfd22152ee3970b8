import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import { type Interview, interviewUpdateSchema } from '../../core/interview.js';
import type { InterviewUpdateInput } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { issuesOutside, validateWith } from '../field-issues.js';
import { useApi } from '../hooks/use-api.js';
import { refreshAfterSaving } from '../queries.js';
import { FormErrors, TextAreaField, TextField } from './field.js';
import { RatingField } from './rating-field.js';

type PostInterviewPromptProps = {
  readonly interview: Interview;
  readonly onDone: (interview: Interview | null) => void;
  readonly headingLevel?: 'h2' | 'h3';
};

/**
 * Right after an interview: how it went, what was discussed (thank-you notes cite it) and whether they gave a
 * decision date (the first follow-up is planned from it). Saved onto the interview.
 */
export function PostInterviewPrompt({ interview, onDone }: PostInterviewPromptProps) {
  const api = useApi();
  const client = useQueryClient();
  const [selfRating, setSelfRating] = useState<number | null>(interview.selfRating);
  const [topics, setTopics] = useState(interview.topics);
  const [decisionDate, setDecisionDate] = useState(interview.decisionDate ?? '');
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (input: InterviewUpdateInput) => api.updateInterview(interview.id, input),
    onSuccess: (saved) => {
      onDone(saved);
      refreshAfterSaving(client, { kind: 'interview', applicationId: saved.applicationId });
    },
    onError: (e) => {
      setError(describeError(e));
      setIssues(isApiError(e) ? [...e.issues] : []);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: InterviewUpdateInput = { selfRating, topics, decisionDate: decisionDate || null };
    const found = validateWith(interviewUpdateSchema, input);
    setIssues(found);
    setError(null);
    if (found.length === 0) save.mutate(input);
  };

  return (
    <form onSubmit={submit} noValidate className="post-interview">
      <FormErrors error={error} issues={issuesOutside(issues, ['selfRating', 'topics', 'decisionDate'])} />
      <RatingField value={selfRating} onChange={setSelfRating} issues={issues} />
      <TextAreaField
        label="What did you discuss?"
        name="topics"
        issues={issues}
        hint="Projects, questions, anything you connected on. Your thank-you notes will mention it."
        rows={3}
        value={topics}
        onChange={setTopics}
      />
      <TextField
        label="Did they give a decision date?"
        name="decisionDate"
        issues={issues}
        hint="Leave empty if not; hearback then follows up five business days after the interview."
        type="date"
        value={decisionDate}
        onChange={setDecisionDate}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Later
        </button>
      </div>
    </form>
  );
}
