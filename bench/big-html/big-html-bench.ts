// `npm run bench -- --big-html`: a 5 MB HTML newsletter opened in the real UI (web mode, Debian's
// Chromium), before and after "Load remote content". Writes test-artifacts/bench-big-html.json.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startLab } from '../../test/lab/lab';
import { simpleMessage } from '../../test/lab/simple-message';
import { addLabAccount } from '../../test/e2e/add-lab-account';
import { bigHtmlMessage } from '../../test/e2e/big-html-message';
import { startWebApp } from '../../test/e2e/web-app';
import { atCleanup, makeTempDir } from '../cleanup';
import { startImageServer } from './image-server';
import { loadRemoteContent, openMessage, showTheRest, type RemoteFigures, type RestFigures } from './open-big-html';

const IMAGE_HOST = 'img.example.com';
const BIG_SUBJECT = 'Big newsletter';
const SMALL_SUBJECT = 'Small note';

export async function runBigHtmlBench(root: string, megabytes: number, say: (line: string) => void): Promise<void> {
  const lab = await startLab();
  atCleanup(() => lab.stop());
  const bob = lab.users[1]!;
  const message = bigHtmlMessage({ bytes: megabytes * 1024 * 1024, subject: BIG_SUBJECT, imageHost: IMAGE_HOST });
  await lab.seed(bob.email, 'INBOX', [simpleMessage(1, { subject: SMALL_SUBJECT }), message]);
  const images = await startImageServer(await makeTempDir('bench-images-'));
  atCleanup(() => images.close());
  const app = await startWebApp();
  atCleanup(() => app.stop());
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--host-resolver-rules=MAP ${IMAGE_HOST} 127.0.0.1:${images.port}`,
    ],
  });
  atCleanup(() => browser.close());
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 1400, height: 900 }, ignoreHTTPSErrors: true });
  await addLabAccount(page, app.url, lab, bob);
  await page.getByTestId('message-row').nth(1).waitFor();

  say(`Opening a ${megabytes} MB HTML message (${Math.round(message.length / 1024)} KB on the wire) in Chromium, web mode...`);
  const firstOpen = await openMessage(page, BIG_SUBJECT);
  say(`  first open (body downloaded): ${describe(firstOpen)}`);
  await page.getByTestId('message-row').filter({ hasText: SMALL_SUBJECT }).click();
  await page.getByTestId('message-subject').filter({ hasText: SMALL_SUBJECT }).waitFor();
  const reopen = await openMessage(page, BIG_SUBJECT);
  say(`  reopen (cached):              ${describe(reopen)}`);
  const remote = await loadRemoteContent(page, SMALL_SUBJECT, images.requests);
  say(`  load remote content:          ${describeRemote(remote)}`);
  // The worst case: the whole mail, then all its images (a build without slices showed it all already).
  await openMessage(page, BIG_SUBJECT);
  let rest: RestFigures | null = null;
  let restRemote: RemoteFigures | null = null;
  if ((await page.getByTestId('show-rest').count()) > 0) {
    rest = await showTheRest(page);
    say(`  show the rest:                whole mail shown in ${rest.completeMs} ms, longest task ${rest.longestTaskMs} ms, longest stall ${rest.longestGapMs} ms`);
    const imagesBefore = images.requests();
    restRemote = await loadRemoteContent(page, SMALL_SUBJECT, () => images.requests() - imagesBefore);
    say(`  then load remote content:     ${describeRemote(restRemote)}`);
  } else {
    say('  show the rest:                (this build shows the whole mail at once)');
  }
  const dir = path.join(root, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'bench-big-html.json');
  const report = { finishedAt: new Date().toISOString(), megabytes, firstOpen, reopen, remote, rest, restRemote };
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  say(`Results: ${path.relative(root, file)}`);
}

function describeRemote(remote: RemoteFigures): string {
  return (
    `first image ${remote.renderMs} ms, busy for ${remote.settleMs} ms, longest task ${remote.longestTaskMs} ms, ` +
    `longest stall ${remote.longestGapMs} ms, ${remote.imageRequests} images; then another message shown in ${remote.otherMessageMs} ms`
  );
}

function describe(figures: { firstPaintMs: number; longestTaskMs: number; longestGapMs: number }): string {
  return `first paint ${figures.firstPaintMs} ms, longest task ${figures.longestTaskMs} ms, longest stall ${figures.longestGapMs} ms`;
}
