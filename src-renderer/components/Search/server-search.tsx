import { useState } from 'react';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import type { ServerSearchAnswer } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { ErrorNotice } from '../ErrorNotice';
import { Spinner } from '../Spinner';

type ServerSearchState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; answer: ServerSearchAnswer } | { kind: 'failed'; error: ErrorShape };

/**
 * Thunderbird's Search on server, offered under search results that could not read some messages' text (never
 * downloaded): the servers look for the words in those, and what they find is downloaded, after which the results
 * are asked again and show it (once indexed). Keyed by the query where it is drawn: a new search starts idle.
 */
export function ServerSearch({ query, textless, onDownloaded }: { query: string; textless: number; onDownloaded(): void }) {
  const client = useClient();
  const t = useT();
  const [state, setState] = useState<ServerSearchState>({ kind: 'idle' });
  const run = () => {
    setState({ kind: 'running' });
    client.request('messages.searchServer', { query }).then(
      (answer) => {
        setState({ kind: 'done', answer });
        // The downloads are recorded without a change to the messages' rows the results would follow.
        if (answer.downloaded > 0) onDownloaded();
      },
      (error: unknown) => setState({ kind: 'failed', error: toErrorShape(error) }),
    );
  };
  if (state.kind === 'running') {
    return (
      <p className="message-list__note" role="status" data-testid="search-server-running">
        <Spinner />
        {t('search.serverRunning')}
      </p>
    );
  }
  if (state.kind === 'done') {
    return (
      <p className="message-list__note" role="status" data-testid="search-server-done">
        {serverSearchWords(t, state.answer)}
      </p>
    );
  }
  if (state.kind === 'failed') return <ErrorNotice error={state.error} />;
  if (textless === 0) return null;
  return (
    <p className="message-list__note">
      <button type="button" onClick={run} data-testid="search-server">
        {t('search.server', { count: textless })}
      </button>
    </p>
  );
}

function serverSearchWords(t: Translate, { found, downloaded }: ServerSearchAnswer): string {
  if (found === 0) return t('search.serverNone');
  if (downloaded < found) return t('search.serverSome', { found, downloaded });
  return t('search.serverFound', { count: found });
}
