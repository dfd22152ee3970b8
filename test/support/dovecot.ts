import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export const dovecotBinary = process.env.DOVECOT_BINARY ?? '/usr/sbin/dovecot';

export function hasDovecot(): boolean {
  return fs.existsSync(dovecotBinary);
}

export const noDovecotMessage = `dovecot not found at ${dovecotBinary} (apt-get install dovecot-imapd); skipping the real IMAP server tests`;

export type TestImapServer = {
  /** imap://user:password@127.0.0.1:port, as the user would give it. */
  readonly url: string;
  readonly user: string;
  readonly password: string;
  readonly port: number;
  /** Delivers a message into a folder (IMAP APPEND, as a mail server's delivery would put it there). */
  deliver(raw: string | Buffer, options?: { folder?: string; receivedAt?: Date }): Promise<void>;
  /** Every message of a folder with its flags: a test that hearback changed nothing. */
  flagsOf(folder?: string): Promise<string[][]>;
  close(): Promise<void>;
};

/**
 * A real Dovecot on loopback, run from its own config file in a temporary folder: a passwd-file with one
 * user, maildir storage, no TLS, no systemd. As root it runs its login process as `dovenull` and the mail as
 * `dovecot` (Debian's users); as anyone else, as that user.
 */
export async function startDovecot(): Promise<TestImapServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearback-dovecot-'));
  const port = await freePort();
  const user = 'jobseeker@example.test';
  const password = 'app-pass-Zq8!x';
  const root = process.getuid?.() === 0;
  const me = os.userInfo();
  const mailUser = root ? lookupUser('dovecot') : { uid: me.uid, gid: me.gid, name: me.username };
  const loginUser = root ? 'dovenull' : me.username;
  const mail = path.join(dir, 'mail');
  fs.mkdirSync(mail, { mode: 0o777 });
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(mail, 0o777);
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  fs.writeFileSync(
    path.join(dir, 'dovecot.conf'),
    `base_dir = ${dir}/run
state_dir = ${dir}/state
instance_name = hearback-test-${port}
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${dir}/dovecot.log
default_internal_user = ${mailUser.name}
default_internal_group = ${root ? mailUser.name : os.userInfo().username}
default_login_user = ${loginUser}
first_valid_uid = ${Math.min(mailUser.uid, 1)}
first_valid_gid = 0
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${mailUser.uid} gid=${mailUser.gid} home=${mail}/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`,
  );
  const child: ChildProcess = spawn(dovecotBinary, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitFor(
    async () => !exited && (await canLogIn(port, user, password)),
    () => exited,
    dir,
  );
  const client = () =>
    new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
    });
  return {
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    user,
    password,
    port,
    async deliver(raw, { folder = 'INBOX', receivedAt } = {}) {
      const c = client();
      await c.connect();
      try {
        if (folder !== 'INBOX') await c.mailboxCreate(folder).catch(() => {});
        await c.append(folder, raw, [], receivedAt);
      } finally {
        await c.logout();
      }
    },
    async flagsOf(folder = 'INBOX') {
      const c = client();
      await c.connect();
      try {
        await c.mailboxOpen(folder, { readOnly: true });
        const all = await c.fetchAll('1:*', { flags: true });
        return all.map((m) => [...(m.flags ?? [])].sort());
      } finally {
        await c.logout();
      }
    },
    async close() {
      if (!exited) {
        const done = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await done;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function lookupUser(name: string): { uid: number; gid: number; name: string } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name}: install dovecot-core, which creates it`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid), name };
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function canLogIn(port: number, user: string, pass: string): Promise<boolean> {
  const c = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    doSTARTTLS: false,
    auth: { user, pass },
    logger: false,
  });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.logout();
    return true;
  } catch {
    return false;
  }
}

/** Polls until Dovecot answers a login (a condition, not a fixed wait); fails with its log if it died. */
async function waitFor(ready: () => Promise<boolean>, died: () => boolean, dir: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await ready()) return;
    if (died()) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = fs.existsSync(path.join(dir, 'dovecot.log'))
    ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8')
    : '';
  throw new Error(`dovecot did not start:\n${log}`);
}
