import { OAuth2Provider } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';

/** A provider outside Wren's bundled list (a company's own, a self-hosted one), as typed. */
export interface OwnProviderForm {
  enabled: boolean;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  clientId: string;
  /** '' for none: a public client with PKCE needs none. */
  clientSecret: string;
  /** Scopes separated by spaces, as providers document them. */
  scope: string;
}

export const NO_OWN_PROVIDER: OwnProviderForm = { enabled: false, authorizationEndpoint: '', tokenEndpoint: '', clientId: '', clientSecret: '', scope: '' };

const LABELS: Partial<Record<string, StringKey>> = {
  authorizationEndpoint: 'oauth2.authUrl',
  tokenEndpoint: 'oauth2.tokenUrl',
  clientId: 'oauth2.clientId',
  clientSecret: 'oauth2.clientSecret',
  scopes: 'oauth2.scope',
};

export interface OwnProvider {
  provider: OAuth2Provider | null;
  /** The labels of the fields to fix before signing in. */
  invalid: StringKey[];
}

/**
 * The provider to sign in at: null for a bundled one (the core finds it from
 * the address), else the typed settings checked with the core's own schema.
 */
export function ownProviderOf(form: OwnProviderForm): OwnProvider {
  if (!form.enabled) return { provider: null, invalid: [] };
  const parsed = OAuth2Provider.safeParse({
    authorizationEndpoint: form.authorizationEndpoint.trim(),
    tokenEndpoint: form.tokenEndpoint.trim(),
    clientId: form.clientId.trim(),
    clientSecret: form.clientSecret.trim() || null,
    scopes: form.scope.split(/\s+/).filter(Boolean),
  });
  if (parsed.success) return { provider: parsed.data, invalid: [] };
  const labels = parsed.error.issues.flatMap((issue) => LABELS[String(issue.path[0])] ?? []);
  return { provider: null, invalid: [...new Set(labels)] };
}
