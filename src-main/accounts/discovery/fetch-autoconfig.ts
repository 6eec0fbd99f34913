import { StepTimedOut } from './with-timeout';

/** An autoconfig file is a few KB; a server sending more is not serving one. */
const MAX_BYTES = 256 * 1024;

export class FetchFailed extends Error {}

/**
 * GETs an autoconfig URL: the body of a 200, or null when there is no file
 * (any other status). Redirects are not followed (one could lead to plain
 * HTTP or anywhere else); a slow server is cut at `timeoutMs`.
 */
export async function fetchAutoconfig(url: string, timeoutMs: number): Promise<string | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new StepTimedOut(timeoutMs)), timeoutMs);
  try {
    const response = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { accept: 'application/xml, text/xml' } });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return null;
    }
    return await readLimited(response.body);
  } catch (error) {
    if (controller.signal.aborted) throw new StepTimedOut(timeoutMs);
    if (error instanceof FetchFailed) throw error;
    throw new FetchFailed((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
  } finally {
    clearTimeout(timer);
  }
}

async function readLimited(body: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > MAX_BYTES) throw new FetchFailed(`the file is larger than ${MAX_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
