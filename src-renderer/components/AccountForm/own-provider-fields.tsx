import { useT } from '../../i18n/i18n-context';
import { TextField } from '../Field';
import type { OwnProviderForm } from './own-provider';

interface OwnProviderFieldsProps {
  value: OwnProviderForm;
  onChange(value: OwnProviderForm): void;
  /** Labels of fields that do not pass the core's checks yet. */
  invalid: readonly string[];
  disabled?: boolean;
}

/**
 * "My provider is not in Wren's list": the OAuth2 settings its administrator
 * gives (Wren registers as a public client: PKCE, a loopback redirect).
 */
export function OwnProviderFields({ value, onChange, invalid, disabled }: OwnProviderFieldsProps) {
  const t = useT();
  const set = (patch: Partial<OwnProviderForm>) => onChange({ ...value, ...patch });
  const field = (key: 'authorizationEndpoint' | 'tokenEndpoint' | 'clientId' | 'clientSecret' | 'scope', label: Parameters<typeof t>[0], testId: string) => (
    <TextField label={t(label)} value={value[key]} onChange={(text) => set({ [key]: text })} testId={testId} invalid={invalid.includes(label)} disabled={disabled} />
  );
  return (
    <div className="account-form__own-provider" data-testid="oauth2-own-provider">
      <label className="account-form__check">
        <input type="checkbox" checked={value.enabled} onChange={(event) => set({ enabled: event.target.checked })} disabled={disabled} data-testid="oauth2-own-enabled" />
        {t('oauth2.ownProvider')}
      </label>
      {value.enabled && (
        <>
          <p className="account-form__hint">{t('oauth2.ownHint')}</p>
          {field('authorizationEndpoint', 'oauth2.authUrl', 'oauth2-own-auth-url')}
          {field('tokenEndpoint', 'oauth2.tokenUrl', 'oauth2-own-token-url')}
          {field('clientId', 'oauth2.clientId', 'oauth2-own-client-id')}
          {field('clientSecret', 'oauth2.clientSecret', 'oauth2-own-client-secret')}
          {field('scope', 'oauth2.scope', 'oauth2-own-scope')}
        </>
      )}
    </div>
  );
}
