import type { EventName, Events, Method, ParamsOf, Reply, ResultOf, WrenBridge } from '../../src-main/ipc/contract';
import { ClientError, unwrapReply, type ImportCount, type WrenClient } from './wren-client';

/** Talks to the main process through the preload's `window.wren`. */
export class ElectronClient implements WrenClient {
  readonly mode = 'electron' as const;

  constructor(private readonly bridge: WrenBridge) {}

  async request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    let reply: Reply;
    try {
      reply = await this.bridge.request(method, params);
    } catch (error) {
      // The bridge itself failing (not the core answering) is never expected.
      throw new ClientError({ code: 'Internal', message: `IPC failed for ${method}: ${String(error)}` });
    }
    return unwrapReply(reply as Reply<M>);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    return this.bridge.on(event, listener as (payload: unknown) => void);
  }

  async saveAttachment(messageId: number, partId: string): Promise<void> {
    await this.request('attachments.save', { messageId, partId });
  }

  async saveAllAttachments(messageId: number): Promise<void> {
    await this.request('attachments.saveAll', { messageId });
  }

  async openAttachment(messageId: number, { partId }: { partId: string }): Promise<void> {
    await this.request('attachments.open', { messageId, partId });
  }

  async saveMessage(messageId: number): Promise<void> {
    await this.request('messages.saveSource', { messageId });
  }

  async exportFolder(folderId: number): Promise<void> {
    await this.request('folders.export', { folderId, format: 'mbox' });
  }

  readonly importIntoFolder = async (folderId: number): Promise<ImportCount | null> => {
    const { imported, skipped, files } = await this.request('folders.import', { folderId });
    return files === 0 ? null : { imported, skipped };
  };

  onConnectionChange(): () => void {
    return () => {};
  }
}
