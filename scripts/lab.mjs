#!/usr/bin/env node
// `npm run lab`: brings the real-server test lab up by hand for development and keeps it up
// until Ctrl-C. The lab is TypeScript (test/lab), so it is bundled on the fly with esbuild;
// packages stay external and resolve from the repo's node_modules.
import { importTs } from './import-ts.mjs';

function describe(lab) {
  const { host, ports } = lab;
  const lines = [
    'Wren test lab is up.',
    '',
    `  host         ${host}`,
    `  IMAP         ${ports.imap}  (STARTTLS offered)`,
    `  IMAPS        ${ports.imaps}  (implicit TLS)`,
    `  POP3         ${ports.pop3}  (STLS offered)`,
    `  POP3S        ${ports.pop3s}  (implicit TLS)`,
    `  submission   ${ports.submission}  (SMTP, STARTTLS, AUTH PLAIN/LOGIN)`,
    `  smtps        ${ports.smtps}  (SMTP, implicit TLS)`,
    '',
    '  users:',
    ...lab.users.map((u) => `    ${u.email.padEnd(28)} ${u.password}`),
    '',
    `  cert SHA-256 ${lab.certFingerprint256}`,
    `  temp dir     ${lab.dir}`,
    `  dovecot log  ${lab.logPath}`,
    '',
    'Press Ctrl-C to stop.',
  ];
  return lines.join('\n');
}

async function main() {
  const { startLab } = await importTs('test/lab/lab.ts');
  const started = Date.now();
  const lab = await startLab();
  console.log(describe(lab));
  console.log(`(started in ${Date.now() - started} ms)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping lab...');
    await lab.stop();
    console.log('Lab stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
