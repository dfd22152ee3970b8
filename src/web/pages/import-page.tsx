import { BackupRestore } from '../components/backup-restore.js';
import { CsvImport } from '../components/csv-import.js';
import { InvitationImport } from '../components/invitation-import.js';

/**
 * Bringing data in and taking it out: a spreadsheet or another tracker's CSV export, an interview
 * invitation (.ics), downloads of everything as CSV or a JSON backup, and restoring such a backup.
 */
export function ImportPage() {
  return (
    <div className="page page-narrow">
      <h1 tabIndex={-1}>Import and export</h1>
      <section className="panel" aria-labelledby="csv-import-title">
        <h2 id="csv-import-title">Import applications from a spreadsheet</h2>
        <CsvImport />
      </section>
      <section className="panel" aria-labelledby="invitation-import-title">
        <h2 id="invitation-import-title">Import an interview invitation</h2>
        <InvitationImport />
      </section>
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p>
          Your applications as a CSV file for any spreadsheet (cells that a spreadsheet could run as a formula
          are made safe), or everything you have entered as one JSON backup.
        </p>
        <div className="form-actions">
          <a className="button" href="/api/export/applications.csv" download="hearback-applications.csv">
            Download applications as CSV
          </a>
          <a className="button" href="/api/backup" download="hearback-backup.json">
            Download a backup
          </a>
        </div>
      </section>
      <section className="panel" aria-labelledby="restore-title">
        <h2 id="restore-title">Restore a backup</h2>
        <p>
          Everything from a backup file, on this machine or a new one: all of it, or nothing if the file is
          damaged.
        </p>
        <BackupRestore />
      </section>
    </div>
  );
}
