'use strict';
// A local SMTP sink for the channel tests. It listens on 127.0.0.1 only, accepts any
// credentials, and writes every message it receives to <folder>/<n>.eml (raw, as received) with
// the SMTP envelope beside it in <n>.json. Nothing else is exposed: the tests read the folder.
//
// Usage: node server.js <port> <folder>   (or the SMTP_TEST_PORT / SMTP_TEST_DIR variables)
// Port 0 lets the OS choose; the real port is printed as one JSON line {"port": N} once listening,
// so the caller can wait for readiness without sleeping.
//
// Scripted failures, so the tests can see real SMTP error replies (addresses are test-only):
//   a recipient whose local part starts with "reject-" gets 550 (permanent),
//   one that starts with "busy-" gets 451 (transient).

const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const port = Number(process.argv[2] ?? process.env.SMTP_TEST_PORT ?? 0);
const folder = process.argv[3] ?? process.env.SMTP_TEST_DIR;
if (!folder) {
  console.error('usage: node server.js <port> <folder>');
  process.exit(2);
}
fs.mkdirSync(folder, { recursive: true });

let counter = 0;

function scriptedReply(address) {
  const local = String(address).split('@')[0].toLowerCase();
  if (local.startsWith('reject-')) {
    return Object.assign(new Error('5.1.1 Mailbox does not exist'), { responseCode: 550 });
  }
  if (local.startsWith('busy-')) {
    return Object.assign(new Error('4.3.0 Try again later'), { responseCode: 451 });
  }
  return null;
}

const server = new SMTPServer({
  secure: false,
  authOptional: true,
  allowInsecureAuth: true,
  logger: false,
  size: 25 * 1024 * 1024,
  onAuth(auth, session, callback) {
    callback(null, { user: auth.username });
  },
  onRcptTo(address, session, callback) {
    callback(scriptedReply(address.address));
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      counter += 1;
      const name = `${Date.now()}-${process.pid}-${counter}`;
      const envelope = {
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        rcptTo: session.envelope.rcptTo.map((r) => r.address),
        user: session.user ?? null,
        secure: Boolean(session.secure),
      };
      // Envelope first, then the .eml through a rename: a reader that sees the .eml sees it whole.
      fs.writeFileSync(path.join(folder, `${name}.json`), JSON.stringify(envelope));
      const temporary = path.join(folder, `${name}.eml.tmp`);
      fs.writeFileSync(temporary, Buffer.concat(chunks));
      fs.renameSync(temporary, path.join(folder, `${name}.eml`));
      callback(null, 'Stored');
    });
  },
});

server.on('error', (error) => console.error(`smtp-test-server: ${error.message}`));

server.listen(port, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: server.server.address().port }));
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// A test fixture that owns this process sets SMTP_TEST_EXIT_ON_STDIN_CLOSE=1: when it closes our
// stdin (or dies without cleaning up), we go too instead of lingering.
if (process.env.SMTP_TEST_EXIT_ON_STDIN_CLOSE === '1') {
  process.stdin.on('end', stop);
  process.stdin.resume();
}
