import { useEffect, useState } from 'react';
import type { FilterLogAction, FilterLogEntry, SendResult } from '../../../src-main/ipc/contract';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import { useClient } from '../../client/client-context';
import { useClientEvent } from '../../hooks/use-client-event';
import { toErrorShape } from '../../client/wren-client';
import { formatListDate } from '../../format/format-date';
import { useI18n } from '../../i18n/i18n-context';
import type { Translate } from '../../i18n/translate';
import { ErrorNotice } from '../ErrorNotice';
import { TAG_LOOKS } from '../TagChips';

/** How many of the newest entries the panel shows (the core keeps 1,000; `wren filter log --limit` reads them all). */
const SHOWN = 200;

/** Why the server refused a change, or a sending failed, in the user's words (one line). */
type Why = (error: ErrorShape) => string;

/** One thing a filter did, in the user's words: with how a sending went, and a change the server refused. */
function didWords(action: FilterLogAction, t: Translate, why: Why): string {
  const went = ({ outcome, error }: SendResult) => {
    if (outcome === 'sent') return '';
    if (outcome === 'skipped') return t('msgFilter.did.skipped');
    if (outcome === 'sentBefore') return t('msgFilter.did.sentBefore');
    return error ? t('msgFilter.did.failedWhy', { why: why(error) }) : t('msgFilter.did.failed');
  };
  switch (action.kind) {
    case 'redirect':
    case 'forward':
      return t(action.kind === 'redirect' ? 'msgFilter.did.redirect' : 'msgFilter.did.forward', { to: action.to }) + went(action);
    case 'reply':
      return t('msgFilter.did.reply', { template: action.template }) + went(action);
    default:
      return changeWords(action, t) + (action.refused ? t('msgFilter.did.refused', { why: why(action.refused) }) : '');
  }
}

function changeWords(action: Exclude<FilterLogAction, { kind: 'redirect' | 'forward' | 'reply' }>, t: Translate): string {
  switch (action.kind) {
    case 'move':
    case 'copy': {
      const folder = action.local ? `${t('folders.local')} › ${action.folder}` : action.folder;
      return t(action.kind === 'move' ? 'msgFilter.did.move' : 'msgFilter.did.copy', { folder });
    }
    case 'delete':
      return t('msgFilter.did.delete');
    case 'markRead':
      return t('msgFilter.did.markRead');
    case 'flag':
      return t('msgFilter.did.flag');
    case 'tag':
      return t('msgFilter.did.tag', { tag: t(TAG_LOOKS[action.tag].label) });
  }
}

/**
 * Thunderbird's Filter Log: what the account's filters did, newest first, each line when, which filter, which
 * message and what it did (a redirect, forward or reply with how it went; a change the server refused). Read when opened and after a run;
 * "Clear the log" empties it.
 */
export function FilterLog({ accountId, readAfter }: { accountId: number; /** Changes when the filters ran, to read the log again. */ readAfter: unknown }) {
  const client = useClient();
  const { t, locale, errorWords, sentences } = useI18n();
  const why: Why = (failure) => sentences(errorWords(failure, 'background'));
  const [entries, setEntries] = useState<FilterLogEntry[] | null>(null);
  const [error, setError] = useState<ErrorShape | null>(null);
  // Bumped by "Clear the log", and by the server refusing an operation (the core writes that into the log first), to read it again.
  const [readAgain, setReadAgain] = useState(0);
  useClientEvent('operation.failed', (failure) => failure.accountId === accountId && setReadAgain((n) => n + 1));
  useEffect(() => {
    let current = true;
    client.request('filters.log', { accountId, limit: SHOWN }).then(
      (found) => current && setEntries(found),
      (failure: unknown) => current && setError(toErrorShape(failure)),
    );
    return () => {
      current = false;
    };
  }, [client, accountId, readAfter, readAgain]);
  const clear = () => client.request('filters.clearLog', { accountId }).then(() => setReadAgain((n) => n + 1), (failure: unknown) => setError(toErrorShape(failure)));
  return (
    <section className="filter-log" aria-label={t('msgFilter.log')} data-testid="filter-log">
      {error && <ErrorNotice error={error} />}
      {entries?.length === 0 && <p className="settings__hint">{t('msgFilter.logEmpty')}</p>}
      {entries && entries.length > 0 && (
        <>
          <ol className="filter-log__lines">
            {entries.map((entry) => (
              <li key={entry.id} data-testid="filter-log-line">
                <span className="filter-log__when">{formatListDate(entry.at, locale)}</span>{' '}
                <span className="filter-log__what">
                  {t('msgFilter.logLine', {
                    filter: entry.filterName, subject: entry.subject || t('messages.noSubject'), from: entry.from.name || entry.from.address,
                    did: entry.did.map((action) => didWords(action, t, why)).join(t('list.separator')),
                  })}
                </span>
              </li>
            ))}
          </ol>
          <span className="filter-editor__bottom">
            <button type="button" onClick={() => void clear()} data-testid="filter-log-clear">{t('msgFilter.clearLog')}</button>
          </span>
        </>
      )}
    </section>
  );
}
