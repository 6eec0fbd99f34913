// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsPatchInput, SettingsView } from '../../../src-main/ipc/contract';
import { useSettings } from '../../../src-renderer/settings/settings-context';
import { FakeClient, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';

afterEach(cleanup);

/** Shows the undo delay, and sets it to 5 then 20 at once. */
function UndoDelay() {
  const { settings, update } = useSettings();
  return (
    <>
      <output data-testid="shown">{settings.app.undoSendSeconds}</output>
      <button type="button" onClick={() => { void update({ app: { undoSendSeconds: 5 } }); void update({ app: { undoSendSeconds: 20 } }); }}>twice</button>
    </>
  );
}

describe('the settings as shown', () => {
  it('keep the latest change shown while an earlier one is answered (or echoed) after it', async () => {
    const core = settingsCore();
    const answers: (() => void)[] = [];
    // The core answers only when the test says: the first change's answer comes after the second was shown.
    const client = new FakeClient({
      ...core.handlers,
      'settings.update': (patch: SettingsPatchInput) => {
        const view = core.handlers['settings.update']!(patch as never) as SettingsView;
        return new Promise((resolve) => answers.push(() => resolve(view)));
      },
    });
    renderWithClient(<UndoDelay />, client);
    await waitFor(() => expect(client.callsOf('settings.get')).toHaveLength(1));
    fireEvent.click(screen.getByText('twice'));
    expect(screen.getByTestId('shown').textContent).toBe('20');
    const first = answers.shift()!;
    await act(async () => first());
    // The answer to the first change is the state then (5): what was done last stays shown.
    expect(screen.getByTestId('shown').textContent).toBe('20');
    act(() => client.emit('settings.changed', { settings: { ...core.saved(), app: { ...core.saved().app, undoSendSeconds: 5 } }, previous: core.saved() }));
    expect(screen.getByTestId('shown').textContent).toBe('20');
    await act(async () => answers.shift()!());
    expect(screen.getByTestId('shown').textContent).toBe('20');
    expect(client.callsOf('settings.update')).toHaveLength(2);
  });
});
