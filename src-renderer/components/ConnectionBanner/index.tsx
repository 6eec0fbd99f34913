import { useEffect, useState } from 'react';
import { useClient } from '../../client/client-context';
import { useT } from '../../i18n/i18n-context';

/** Only the web mode's socket can drop; while it is down, say so rather than look frozen. */
export function ConnectionBanner() {
  const client = useClient();
  const t = useT();
  const [connected, setConnected] = useState(true);
  useEffect(() => client.onConnectionChange(setConnected), [client]);
  if (connected) return null;
  return (
    <div className="banner banner--warning" role="status" data-testid="connection-lost">
      {t('app.connectionLost')}
    </div>
  );
}
