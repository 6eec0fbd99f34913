import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { WrenError } from '../errors/wren-error';

export interface StagedFile {
  stagedId: string;
  size: number;
}

const STAGED_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Files attached to a message being written live here (DATA/staging/<id>)
 * from the moment they are picked until the message is built, so the bytes
 * never pass through the renderer and a large file is streamed from disk into
 * the message. Electron's file picker and the web mode's upload both stage
 * through this; the composer only ever holds the id.
 */
export class AttachmentStaging {
  readonly dir: string;
  /** Removals under way: the core waits for them when it closes (the CLI exits right after), so no staged copy is left behind. */
  private readonly removing = new Set<Promise<void>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'staging');
    mkdirSync(this.dir, { recursive: true });
  }

  pathOf(stagedId: string): string {
    if (!STAGED_ID.test(stagedId)) throw new WrenError('BadRequest', `Invalid staged attachment id ${stagedId}`);
    return join(this.dir, stagedId);
  }

  /** The staged file's size, or NotFound when it is gone (already sent, or never staged). */
  require(stagedId: string): Stats {
    const stats = statSync(this.pathOf(stagedId), { throwIfNoEntry: false });
    if (!stats?.isFile()) throw new WrenError('NotFound', `The attached file ${stagedId} is no longer staged.`, { stagedId });
    return stats;
  }

  /** Copies a file the user picked (streamed, never read whole). */
  stageFile(path: string): Promise<StagedFile> {
    return this.stageStream(createReadStream(path));
  }

  async stageStream(source: Readable | AsyncIterable<Buffer>): Promise<StagedFile> {
    const stagedId = randomBytes(12).toString('base64url');
    const target = this.pathOf(stagedId);
    try {
      await pipeline(source, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      rmSync(target, { force: true });
      throw error;
    }
    return { stagedId, size: statSync(target).size };
  }

  openStream(stagedId: string): Readable {
    this.require(stagedId);
    return createReadStream(this.pathOf(stagedId));
  }

  /** In libuv's pool: freeing a large file's blocks can take a while, and the core's thread must not wait for it. */
  remove(stagedId: string): Promise<void> {
    const removal = rm(this.pathOf(stagedId), { force: true });
    const tracked = removal.catch(() => undefined).finally(() => this.removing.delete(tracked));
    this.removing.add(tracked);
    return removal;
  }

  /** Removes the file, told in the log when it cannot be (locked by another program): no caller's work depends on its going. */
  async discard(stagedId: string, what: string): Promise<void> {
    await this.remove(stagedId).catch((error: unknown) => console.warn(`[wren] could not remove ${what}:`, (error as Error).message));
  }

  /** Once every removal asked for so far has ended (done or failed: a failure was told to whoever asked). */
  async settled(): Promise<void> {
    await Promise.all([...this.removing]);
  }
}
