import { useState } from 'react';
import type { Interview } from '../../core/interview.js';
import { applicationPath } from '../router.js';
import { Dialog } from './dialog.js';
import { InterviewForm, PostInterviewPrompt } from './lazy-forms.js';
import { useNotices } from './notices.js';

type LogInterviewDialogProps = {
  readonly open: boolean;
  readonly applicationId?: string;
  readonly onClose: () => void;
};

/**
 * Logs an interview from anywhere (the `i` key). When the interview is already over, the same dialog goes
 * straight on to the post-interview questions.
 */
export function LogInterviewDialog({ open, applicationId, onClose }: LogInterviewDialogProps) {
  const { notify } = useNotices();
  const [logged, setLogged] = useState<Interview | null>(null);
  const close = () => {
    setLogged(null);
    onClose();
  };
  const link = (interview: Interview) => ({
    to: applicationPath(interview.applicationId),
    label: 'Open application',
  });
  return (
    <Dialog open={open} title={logged ? 'How did it go?' : 'Log an interview'} onClose={close} size="wide">
      {logged ? (
        <PostInterviewPrompt
          interview={logged}
          onDone={(saved) => {
            if (saved) notify('Saved how the interview went', link(saved));
            close();
          }}
        />
      ) : (
        <InterviewForm
          autoFocus
          {...(applicationId ? { applicationId } : {})}
          onSaved={(interview) => {
            notify('Interview logged; follow-ups are planned from it', link(interview));
            if (Date.parse(interview.endsAt) <= Date.now()) setLogged(interview);
            else close();
          }}
        />
      )}
    </Dialog>
  );
}
