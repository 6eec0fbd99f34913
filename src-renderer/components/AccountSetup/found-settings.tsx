import { useState } from 'react';
import type { DiscoveredConfig, DiscoveredServer, IncomingProtocol } from '../../../src-main/ipc/contract';
import { useT } from '../../i18n/i18n-context';
import { warningWords } from './discovery-words';
import { offeredProtocols } from './form-from-discovery';

interface FoundSettingsProps {
  config: DiscoveredConfig;
  /** The address looked up: its domain names a provider that has no name of its own (SRV, a guess). */
  email: string;
  /** `oauth2`: the provider takes only its browser sign-in. */
  onUse(protocol: IncomingProtocol, oauth2: boolean): void;
  onManual(): void;
}

/**
 * What set-up found and where, the IMAP/POP3 choice when both exist, and any
 * warning, which the user must acknowledge before the settings are used. An
 * OAuth2-only provider goes on to the form set to "Sign in with the browser".
 */
export function FoundSettings({ config, email, onUse, onManual }: FoundSettingsProps) {
  const t = useT();
  const protocols = offeredProtocols(config);
  const [protocol, setProtocol] = useState<IncomingProtocol>(protocols[0]!);
  const [acknowledged, setAcknowledged] = useState(false);
  const oauth2Only = config.warnings.some((warning) => warning.kind === 'oauth2Only');
  const needsAck = config.warnings.some((warning) => warning.kind !== 'oauth2Only');
  return (
    <div className="account-setup__found" data-testid="discovery-result">
      {/* Not config.from: for SRV and a guess it is the core's English note ("SRV records of …"). */}
      <p>{t('discovery.found', { provider: config.displayName ?? email.slice(email.lastIndexOf('@') + 1), source: t(`discovery.source.${config.source}`) })}</p>
      {protocols.length > 1 && (
        <fieldset className="account-setup__protocols">
          <legend>{t('discovery.protocol')}</legend>
          {protocols.map((option) => (
            <label key={option}>
              <input type="radio" name="protocol" checked={protocol === option} onChange={() => setProtocol(option)} data-testid={`discovery-protocol-${option}`} />
              {t(`discovery.protocol.${option}`)}
            </label>
          ))}
        </fieldset>
      )}
      <ul className="account-setup__servers">
        <ServerLine label={protocol === 'imap' ? 'IMAP' : 'POP3'} server={config[protocol]} />
        <ServerLine label="SMTP" server={config.smtp} />
      </ul>
      {config.warnings.map((warning) => (
        <p key={`${warning.kind}-${'host' in warning ? warning.host : ''}`} className="account-setup__warning" data-testid="discovery-warning">
          ⚠ {warningWords(warning, t)}
        </p>
      ))}
      {needsAck && (
        <label className="account-form__consent">
          <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} data-testid="discovery-ack" />
          {t('discovery.acknowledge')}
        </label>
      )}
      <div className="account-form__actions">
        <button type="button" onClick={onManual} data-testid="discovery-manual">
          {t('discovery.manual')}
        </button>
        <button type="button" className="primary" disabled={needsAck && !acknowledged} onClick={() => onUse(protocol, oauth2Only)} data-testid="discovery-use">
          {t('discovery.use')}
        </button>
      </div>
    </div>
  );
}

function ServerLine({ label, server }: { label: string; server: DiscoveredServer | null }) {
  const t = useT();
  if (!server) return null;
  return (
    <li data-testid={`discovery-server-${label.toLowerCase()}`}>
      <strong>{label}</strong> {server.host}:{server.port} · {t(`security.${server.security}`)} · {server.user}
    </li>
  );
}
