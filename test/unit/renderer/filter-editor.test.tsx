// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageFilter } from '../../../src-main/ipc/contract';
import { FilterEditor } from '../../../src-renderer/components/FilterEditor';
import { FakeClient, failure, renderWithClient } from './fake-client';
import { ACCOUNT } from './mail-fixtures';

afterEach(cleanup);

const FILTER: MessageFilter = {
  id: 7, accountId: ACCOUNT.id, position: 1, name: 'Lists', enabled: true, match: 'all',
  conditions: [{ field: 'from', operator: 'contains', text: 'lists.example.org' }], actions: { moveTo: null, copyTo: null, redirectTo: null, forwardTo: null, forwardAs: 'inline', replyTemplate: null, markRead: true, flag: false, tag: null, delete: false },
  runOn: { newMail: true, afterSending: false, periodically: false },
};

describe('the filter list in Settings', () => {
  it('switches a filter off at once and saves it without its place; a refusal shows why and the saved state again', async () => {
    let refuse = false;
    const client = new FakeClient({
      'filters.list': () => [FILTER],
      'folders.list': () => [],
      'filters.save': (filter) => (refuse ? failure({ code: 'DatabaseBusy', message: 'locked' }) : { ...FILTER, ...filter, id: FILTER.id, position: 1 } as MessageFilter),
    });
    renderWithClient(<FilterEditor account={ACCOUNT} />, client);
    const toggle = (await screen.findByTestId('filter-enabled')) as HTMLInputElement;
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(false);
    await waitFor(() => expect(client.callsOf('filters.save')).toHaveLength(1));
    expect(client.callsOf('filters.save')[0]).not.toHaveProperty('position');
    expect(client.callsOf('filters.save')[0]).toMatchObject({ id: 7, enabled: false });
    // The switch is off limits while the save and the list's reading after it are out (a click then does nothing).
    await waitFor(() => expect(toggle.disabled).toBe(false));
    refuse = true;
    fireEvent.click(toggle);
    await screen.findByRole('alert');
    // The core still holds the filter on (the stand-in lists it so): the switch shows that again.
    await waitFor(() => expect(toggle.checked).toBe(true));
  });
});
