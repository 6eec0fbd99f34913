import { beforeAll, describe, expect, it } from 'vitest';
import { addLabAccount } from './add-lab-account';
import { screenshot } from './web-app';
import { webSession } from './web-session';

const SUBJECT = 'Our new video';

/** An HTML mail with a video (a remote poster and source) holding a fallback link, and a remote picture. */
function videoMessage(): string {
  return [
    'From: News <news@shop.example>',
    'To: Bob <bob@example.test>',
    `Subject: ${SUBJECT}`,
    'Date: Wed, 02 Dec 2026 08:00:00 +0000',
    'Message-ID: <video-1@shop.example>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Before the video 视频之前</p>',
    '<video poster="https://media.shop.example/poster.png" controls width="300" height="150"><source src="https://media.shop.example/clip.mp4" type="video/mp4">',
    '<a href="https://shop.example/watch">Watch it on the web</a></video>',
    '<audio src="https://media.shop.example/jingle.mp3" controls></audio>',
    '<img src="https://images.shop.example/banner.png" alt="banner"><p>After the video</p>',
    '',
  ].join('\r\n');
}

/** Mail shows no video or audio player (an empty black box before), only the fallback the sender wrote for clients without one. */
describe('web mode: video and audio in an HTML mail', () => {
  const web = webSession();
  const mailFrame = () => web.page.frameLocator('[data-testid="html-body"]');
  const mediaRequests: string[] = [];

  beforeAll(async () => {
    const bob = web.lab.users[1]!;
    await web.lab.seed(bob.email, 'INBOX', [videoMessage()]);
    web.context.on('request', (request) => {
      if (request.url().includes('media.shop.example')) mediaRequests.push(request.url());
    });
    await addLabAccount(web.page, web.app.url, web.lab, bob);
    await web.page.getByTestId('message-row').filter({ hasText: SUBJECT }).click();
    await mailFrame().getByText('After the video').waitFor();
  });

  it('remote content blocked: no player, the fallback link shows', async () => {
    await web.page.getByTestId('remote-blocked').waitFor();
    expect(await mailFrame().locator('video, audio').count()).toBe(0);
    expect(await mailFrame().getByRole('link', { name: 'Watch it on the web' }).isVisible()).toBe(true);
    await screenshot(web.page, 'mail-video-blocked');
  });

  it('remote content loaded: still no player, and nothing fetched from the media server', async () => {
    await web.page.getByTestId('load-remote').click();
    await mailFrame().locator('img[src^="https://images.shop.example/"]').waitFor({ state: 'attached' });
    expect(await mailFrame().locator('video, audio').count()).toBe(0);
    expect(await mailFrame().getByRole('link', { name: 'Watch it on the web' }).isVisible()).toBe(true);
    expect(mediaRequests).toEqual([]);
    await screenshot(web.page, 'mail-video-remote-allowed');
  });
});
