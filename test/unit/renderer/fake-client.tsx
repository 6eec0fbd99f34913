import { act, configure, render, waitFor } from '@testing-library/react';
import { expect } from 'vitest';
import type { ReactElement } from 'react';
import type { EventName, Events, Method, ParamsOf, ResultOf } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { ClientError, type WrenClient } from '../../../src-renderer/client/wren-client';
import { ClientProvider } from '../../../src-renderer/client/client-context';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-context';
import type { Language } from '../../../src-renderer/i18n/language';
import { SettingsProvider } from '../../../src-renderer/settings/settings-context';

// waitFor and findBy give up after one second by default. On CI's two loaded cores a React update after the
// fake core's reply once took longer (identity-editor.test.tsx); a wait that succeeds returns as soon as it
// does, so only a failure waits the longer time.
configure({ asyncUtilTimeout: 5000 });

type Handler<M extends Method> = (params: ParamsOf<M>) => ResultOf<M> | Promise<ResultOf<M>>;
export type Handlers = { [M in Method]?: Handler<M> };

/** A WrenClient that answers from handlers the test gives and records every request. */
export class FakeClient implements WrenClient {
  readonly mode = 'web' as const;
  readonly calls: { method: Method; params: unknown }[] = [];
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  private readonly connectionListeners = new Set<(connected: boolean) => void>();

  constructor(public handlers: Handlers = {}) {}

  async request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
    this.calls.push({ method, params });
    const handler = this.handlers[method] as Handler<M> | undefined;
    if (!handler) throw new ClientError({ code: 'UnknownMethod', message: `no fake for ${method}` });
    return handler(params);
  }

  callsOf(method: Method): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.params);
  }

  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    this.listeners.set(event, set);
    set.add(listener as (payload: unknown) => void);
    return () => set.delete(listener as (payload: unknown) => void);
  }

  /** Whether a component has subscribed yet: React runs effects after the DOM it drew is visible, so a test can see a button before its screen listens. */
  listensTo(event: EventName): boolean {
    return (this.listeners.get(event)?.size ?? 0) > 0;
  }

  /** Emits once something listens, the way a real event comes after the screen is up; inside act() so React settles. */
  async deliver<E extends EventName>(event: E, payload: Events[E]): Promise<void> {
    await waitFor(() => expect(this.listensTo(event)).toBe(true));
    act(() => this.emit(event, payload));
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  }

  async saveAttachment(messageId: number, partId: string): Promise<void> {
    this.calls.push({ method: 'attachments.save', params: { messageId, partId } });
  }

  async saveAllAttachments(messageId: number): Promise<void> {
    await this.request('attachments.saveAll', { messageId });
  }

  /** As the desktop app does it, so a test's handler can answer (or refuse) for the OS. */
  async openAttachment(messageId: number, { partId }: { partId: string }): Promise<void> {
    await this.request('attachments.open', { messageId, partId });
  }

  async exportFolder(folderId: number): Promise<void> {
    this.calls.push({ method: 'folders.export', params: { folderId } });
  }

  async saveMessage(messageId: number): Promise<void> {
    this.calls.push({ method: 'messages.saveSource', params: { messageId } });
  }

  readonly importIntoFolder = null;
}

export function failure(shape: ErrorShape): never {
  throw new ClientError(shape);
}

export function renderWithClient(ui: ReactElement, client: WrenClient, language: Language = 'en') {
  return render(
    <ClientProvider client={client}>
      <I18nProvider language={language}>
        <SettingsProvider>{ui}</SettingsProvider>
      </I18nProvider>
    </ClientProvider>,
  );
}
