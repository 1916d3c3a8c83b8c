// A real SMTP server on loopback for tests and benchmarks: every message it accepts is written,
// raw (RFC 5322, as received after DATA), to its own file in the directory given as argv[2].
// Prints `{"port":N}` on stdout once listening. Optional env: SMTP_SINK_REJECT=<address> answers
// that recipient with a 550 (a bounce).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: smtp-sink-process.mjs <directory>');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });
const reject = (process.env.SMTP_SINK_REJECT ?? '').toLowerCase();
let counter = 0;

const server = new SMTPServer({
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  logger: false,
  size: 10 * 1024 * 1024,
  maxClients: 100,
  onRcptTo(address, _session, callback) {
    if (reject && address.address.toLowerCase() === reject) {
      const err = new Error('Mailbox unavailable');
      err.responseCode = 550;
      return callback(err);
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const n = ++counter;
      const name = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${String(n).padStart(7, '0')}.eml`;
      const envelope = `X-Sink-Rcpt-To: ${session.envelope.rcptTo.map((r) => r.address).join(', ')}\r\n`;
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const tmp = join(dir, `.${name}.tmp`);
      writeFileSync(tmp, Buffer.concat([Buffer.from(envelope), ...chunks]));
      renameSync(tmp, join(dir, name));
      callback();
    });
  },
});

server.listen(Number(process.env.SMTP_SINK_PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
