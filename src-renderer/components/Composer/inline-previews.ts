import type { WrenClient } from '../../client/wren-client';
import type { ComposerState } from './composer-state';
import { editorHtml } from './compose-html';

/**
 * A message coming back into the composer (a draft reopened, Undo after Send, Edit in the outbox) names its
 * inline images by `cid:` only, which the page cannot draw: each one whose part is attached is shown again
 * from its staged copy (a data: URL, as a pasted image's preview is), marked with its part (data-cid) so it
 * is saved and sent again. One the core will not preview keeps its mark: still sent, drawn empty.
 */
export async function withInlinePreviews(client: Pick<WrenClient, 'request'>, state: ComposerState): Promise<ComposerState> {
  if (state.html === null || !namesInlineImages(state)) return state;
  const doc = new window.DOMParser().parseFromString(editorHtml(state.html), 'text/html');
  const images = [...doc.querySelectorAll('img[data-cid]')].filter((image) => /^cid:/i.test(image.getAttribute('src') ?? ''));
  if (!images.length) return state;
  for (const image of images) {
    const part = state.attachments.find((attachment) => attachment.contentId === image.getAttribute('data-cid'));
    if (!part) continue;
    const { url } = await client.request('attachments.preview', { stagedId: part.stagedId, contentType: part.contentType }).catch(() => ({ url: null }));
    if (url) image.setAttribute('src', url);
  }
  return { ...state, html: doc.body.innerHTML };
}

/** Whether the message has inline parts its HTML may name by `cid:` (the composer opens at once when not). */
export function namesInlineImages(state: ComposerState): boolean {
  return state.html !== null && /\bcid:/i.test(state.html) && state.attachments.some((attachment) => attachment.contentId);
}
