/** Keeps mail readable inside the frame without borrowing Wren's own styles. */
const BASELINE_STYLE =
  'body{margin:0;padding:12px 16px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;' +
  'color:#1d1d1f;background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}pre{white-space:pre-wrap}' +
  // Find in This Message marks its matches with these highlights (FindInMessage).
  '::highlight(wren-find){background-color:#ffe066;color:#1d1d1f}::highlight(wren-find-current){background-color:#ff9632;color:#1d1d1f}';

/**
 * The frame's whole document. Its own CSP forbids every fetch except inline
 * images (and https images once the user allowed remote content), form
 * submissions, base URLs and scripts; the sandbox forbids scripts and forms
 * a second time. No request from it carries a Referer.
 */
export function mailDocument(sanitizedHtml: string, allowRemote: boolean): string {
  const images = allowRemote ? 'data: https:' : 'data:';
  // form-action and base-uri do not fall back to default-src: without them a form or a base tag
  // that slipped past the sanitizer would still submit or redirect links.
  const policy = `default-src 'none'; img-src ${images}; style-src 'unsafe-inline'; font-src data:; form-action 'none'; base-uri 'none'`;
  return (
    '<!DOCTYPE html><html><head>' +
    `<meta http-equiv="Content-Security-Policy" content="${policy}">` +
    // The frame has Wren's origin (for its keys, see index.tsx): no request from it may name Wren's page.
    '<meta charset="utf-8"><meta name="referrer" content="no-referrer"><base target="_blank">' +
    `<style>${BASELINE_STYLE}</style>` +
    `</head><body>${sanitizedHtml}</body></html>`
  );
}
