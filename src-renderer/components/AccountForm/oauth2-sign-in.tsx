import { useEffect, useRef, useState } from 'react';
import type { ErrorShape } from '../../../src-main/errors/error-codes';
import type { OAuth2Provider } from '../../../src-main/ipc/contract';
import { useClient } from '../../client/client-context';
import { toErrorShape } from '../../client/wren-client';
import { useT } from '../../i18n/i18n-context';
import { ErrorNotice } from '../ErrorNotice';
import { Spinner } from '../Spinner';

type SignInState =
  | { kind: 'idle' }
  | { kind: 'waiting'; flowId: string; authUrl: string }
  | { kind: 'signedIn' }
  | { kind: 'cancelled' }
  /** The provider said no (access_denied: Deny on its page, or a policy of its own). */
  | { kind: 'refused' }
  | { kind: 'failed'; error: ErrorShape };

interface OAuth2SignInProps {
  email: string;
  signedIn: boolean;
  onSignedIn(flowId: string | null): void;
  disabled?: boolean;
  /** A provider outside the bundled list, for a new account; null: the bundled one for the address. */
  provider?: OAuth2Provider | null;
  /** Signing an existing account in again: the core uses the provider it was set up with. */
  accountId?: number;
}

/**
 * "Sign in with the browser": the core starts the flow (PKCE, a loopback
 * redirect) and the provider's page opens in the system browser (Electron
 * hands window.open to shell.openExternal; the web mode opens a tab). The
 * link stays shown in case a pop-up blocker stopped the tab.
 */
export function OAuth2SignIn({ email, signedIn, onSignedIn, disabled, provider = null, accountId }: OAuth2SignInProps) {
  const t = useT();
  const client = useClient();
  const [state, setState] = useState<SignInState>(signedIn ? { kind: 'signedIn' } : { kind: 'idle' });
  const waiting = useRef<string | null>(null);
  // A form closed mid-way gives the flow up, so its loopback listener does not linger.
  useEffect(() => () => {
    if (waiting.current) void client.request('accounts.oauthCancel', { flowId: waiting.current }).catch(() => undefined);
  }, [client]);

  async function start(): Promise<void> {
    onSignedIn(null);
    try {
      const flow = await client.request('accounts.oauthStart', { email: email.trim(), provider, ...(accountId !== undefined && { accountId }) });
      waiting.current = flow.flowId;
      setState({ kind: 'waiting', flowId: flow.flowId, authUrl: flow.authUrl });
      window.open(flow.authUrl, '_blank', 'noopener,noreferrer');
      await client.request('accounts.oauthFinish', { flowId: flow.flowId });
      waiting.current = null;
      setState({ kind: 'signedIn' });
      onSignedIn(flow.flowId);
    } catch (error) {
      waiting.current = null;
      const shape = toErrorShape(error);
      setState(endedWith(shape));
    }
  }

  const cancel = (flowId: string) => void client.request('accounts.oauthCancel', { flowId }).catch(() => undefined);
  return (
    <div className="account-form__oauth2" data-testid="oauth2-sign-in" data-state={state.kind}>
      {state.kind === 'waiting' ? (
        <>
          <p aria-live="polite">
            <Spinner />
            {t('oauth2.waiting')} <a href={state.authUrl} target="_blank" rel="noopener noreferrer">{t('oauth2.openAgain')}</a>
          </p>
          <button type="button" onClick={() => cancel(state.flowId)} data-testid="oauth2-cancel">
            {t('oauth2.cancel')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => void start()} disabled={disabled || email.trim() === ''} data-testid="oauth2-start">
          {t(state.kind === 'signedIn' ? 'oauth2.again' : 'oauth2.signIn')}
        </button>
      )}
      {state.kind === 'signedIn' && <p data-testid="oauth2-signed-in">{t('oauth2.signedIn')}</p>}
      {state.kind === 'cancelled' && <p data-testid="oauth2-cancelled">{t('oauth2.cancelled')}</p>}
      {state.kind === 'refused' && <p className="account-form__refused" role="alert" data-testid="oauth2-refused">{t('oauth2.refused')}</p>}
      {state.kind === 'failed' && <ErrorNotice error={state.error} testId="oauth2-failed" />}
    </div>
  );
}

/** How a sign-in that did not finish is told: cancelled here, refused at the provider, or failed. */
function endedWith(error: ErrorShape): SignInState {
  if (error.code !== 'OAuth2Cancelled') return { kind: 'failed', error };
  return error.details?.reason === 'access_denied' ? { kind: 'refused' } : { kind: 'cancelled' };
}
