import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FieldIssue } from '../../core/errors.js';
import type { BackupRestoreReport } from '../api-client.js';
import { describeError, isApiError } from '../api-error.js';
import { fileTooLarge, maxBackupBytes, readTextFile } from '../file-upload.js';
import { useApi } from '../hooks/use-api.js';
import { Choice } from './field.js';
import { FileField } from './file-field.js';
import { Link } from './link.js';
import { useNotices } from './notices.js';

type Chosen = { readonly name: string; readonly backup: unknown };

/**
 * Brings back a backup made with "Download a backup", on this machine or a new one: all of it or nothing.
 * A database that already has records is only overwritten when the user says so, twice.
 */
export function BackupRestore() {
  const api = useApi();
  const client = useQueryClient();
  const { notify } = useNotices();
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [fileIssues, setFileIssues] = useState<FieldIssue[]>([]);
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsReplace, setNeedsReplace] = useState(false);
  const [report, setReport] = useState<BackupRestoreReport | null>(null);

  const restore = useMutation({
    mutationFn: (input: { backup: unknown; replace: boolean }) =>
      api.restoreBackup(input.backup, { replace: input.replace }),
    onSuccess: async (result) => {
      setReport(result);
      setError(null);
      setNeedsReplace(false);
      notify('Backup restored');
      // Everything may have changed: every list, setting and step.
      await client.invalidateQueries();
    },
    onError: (e) => {
      setError(describeError(e));
      setNeedsReplace(isApiError(e) && e.code === 'IMPORT_TARGET_NOT_EMPTY');
    },
  });

  const choose = async (file: File | undefined) => {
    setChosen(null);
    setReport(null);
    setError(null);
    setNeedsReplace(false);
    setFileIssues([]);
    if (!file) return;
    const tooLarge = fileTooLarge(file, maxBackupBytes);
    if (tooLarge) {
      setFileIssues([{ field: 'backup', message: tooLarge }]);
      return;
    }
    try {
      setChosen({ name: file.name, backup: JSON.parse(await readTextFile(file)) });
    } catch {
      setFileIssues([
        {
          field: 'backup',
          message: 'this is not a JSON file; choose the .json file "Download a backup" saved',
        },
      ]);
    }
  };

  const start = () => {
    if (!chosen) return;
    if (
      replace &&
      !window.confirm(
        'Replace everything in hearback with this backup? What you have now is deleted; download a backup first if you may want it back.',
      )
    ) {
      return;
    }
    restore.mutate({ backup: chosen.backup, replace });
  };

  return (
    <div className="backup-restore">
      <FileField
        label="Backup file (.json)"
        accept=".json,application/json"
        name="backup"
        issues={fileIssues}
        onChoose={(file) => void choose(file)}
      />
      {error ? (
        <div className="form-errors" role="alert">
          <p>{error}</p>
          {needsReplace ? <p>To overwrite what is here, tick “Replace everything I have now”.</p> : null}
        </div>
      ) : null}
      {report ? (
        <div className="success" role="status">
          <p>
            Restored {report.applications} applications, {report.companies} companies, {report.contacts}{' '}
            contacts, {report.interviews} interviews, {report.events} timeline entries and {report.followUps}{' '}
            follow-up steps.
          </p>
          <p>
            <Link to="/board">See them on the board</Link>
          </p>
        </div>
      ) : chosen ? (
        <>
          <Choice checked={replace} onChange={setReplace}>
            Replace everything I have now
          </Choice>
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={start} disabled={restore.isPending}>
              {restore.isPending ? 'Restoring…' : `Restore ${chosen.name}`}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
