/**
 * A sync in a process of its own, for the kill test (src/services/inbox-kill.test.ts): it syncs the SQLite
 * file given, prints "settled <uid>" after each message, and after the second one waits forever, so the
 * test can kill it with SIGKILL at a known point, as a crash or a power cut would.
 */
import { imapMailbox } from '../../src/integrations/imap/imap-mailbox.js';
import { createSecretBox } from '../../src/integrations/imap/secret-box.js';
import { startRuntime } from '../../src/runtime.js';
import { syncInbox } from '../../src/services/inbox.js';

const [file, keyFile] = process.argv.slice(2);
const runtime = await startRuntime({ kind: 'sqlite', file: file! });
const deps = {
  ...runtime.deps,
  inbox: { secrets: createSecretBox({ keyFile: keyFile! }), mailbox: imapMailbox },
};
let settled = 0;
await syncInbox(deps, {
  afterMessage: async (uid) => {
    process.stdout.write(`settled ${uid}\n`);
    settled++;
    if (settled === 2) await new Promise(() => {});
  },
});
