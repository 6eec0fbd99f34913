import { useState } from 'react';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { useSettings } from '../../settings/settings-context';
import { ErrorNotice } from '../ErrorNotice';

/** Starts a sync of every account (not just the open folder's); progress arrives as events. */
export function SyncButton() {
  const client = useClient();
  const t = useT();
  const offline = useSettings().settings.app.workOffline;
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<ErrorShape | null>(null);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      await client.request('sync.start', {});
    } catch (failure) {
      setError(toErrorShape(failure));
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void start()} disabled={starting || offline} title={t(offline ? 'sync.offlineTitle' : 'sync.nowTitle')} data-testid="sync-now">
        ⟳ {t('sync.now')}
      </button>
      {error && <ErrorNotice error={error} />}
    </>
  );
}
