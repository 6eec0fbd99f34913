import type { Security } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';
import { withSecurity, type ServerForm, type ServerKind } from '../AccountForm/form-state';
import { FieldRow, SelectField, TextField } from '../Field';

const SECURITIES: readonly Security[] = ['tls', 'starttls', 'none'];

const LABELS: Record<ServerKind, { host: StringKey; port: StringKey; security: StringKey; user: StringKey }> = {
  imap: { host: 'form.imapHost', port: 'form.imapPort', security: 'form.imapSecurity', user: 'form.user' },
  pop3: { host: 'form.pop3Host', port: 'form.pop3Port', security: 'form.pop3Security', user: 'form.user' },
  smtp: { host: 'form.smtpHost', port: 'form.smtpPort', security: 'form.smtpSecurity', user: 'form.smtpUser' },
};

interface ServerFieldsProps {
  kind: ServerKind;
  server: ServerForm;
  /** Shown while the user has not typed a user name of their own. */
  defaultUser: string;
  onChange(server: ServerForm): void;
  disabled: boolean;
}

/** Host, port, security and user name of one server. */
export function ServerFields({ kind, server, defaultUser, onChange, disabled }: ServerFieldsProps) {
  const t = useT();
  const labels = LABELS[kind];
  const securityOptions = SECURITIES.map((value) => ({ value, label: t(`security.${value}`) }));
  return (
    <>
      <FieldRow>
        <TextField label={t(labels.host)} value={server.host} onChange={(host) => onChange({ ...server, host })} testId={`setup-${kind}-host`} disabled={disabled} />
        <TextField label={t(labels.port)} value={server.port} onChange={(port) => onChange({ ...server, port })} testId={`setup-${kind}-port`} type="number" disabled={disabled} />
        <SelectField<Security>
          label={t(labels.security)}
          value={server.security}
          options={securityOptions}
          onChange={(security) => onChange(withSecurity(kind, server, security))}
          testId={`setup-${kind}-security`}
          disabled={disabled}
        />
      </FieldRow>
      <TextField
        label={t(labels.user)}
        value={server.user ?? defaultUser}
        onChange={(user) => onChange({ ...server, user })}
        testId={kind === 'smtp' ? 'setup-smtp-user' : 'setup-user'}
        autoComplete="username"
        disabled={disabled}
      />
    </>
  );
}
