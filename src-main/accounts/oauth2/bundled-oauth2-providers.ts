import type { OAuth2Provider } from '../../ipc/account-shapes';

/**
 * OAuth2 endpoints and scopes of the bundled providers that take OAuth2 for
 * mail (the ISPDB files in discovery/providers say which; they do not carry
 * endpoints, Thunderbird keeps these apart too). A client id is registered
 * with each provider by whoever ships Wren; this build has none of its own,
 * so it is read from the environment (`WREN_OAUTH2_GOOGLE_CLIENT_ID`,
 * `WREN_OAUTH2_GOOGLE_CLIENT_SECRET`, `WREN_OAUTH2_MICROSOFT_CLIENT_ID`).
 */
interface BundledOAuth2 {
  domains: readonly string[];
  envPrefix: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  scopes: readonly string[];
}

const BUNDLED: readonly BundledOAuth2[] = [
  {
    domains: ['gmail.com', 'googlemail.com'],
    envPrefix: 'WREN_OAUTH2_GOOGLE',
    authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenEndpoint: 'https://oauth2.googleapis.com/token',
    scopes: ['https://mail.google.com/'],
  },
  {
    domains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com'],
    envPrefix: 'WREN_OAUTH2_MICROSOFT',
    authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopes: ['https://outlook.office.com/IMAP.AccessAsUser.All', 'https://outlook.office.com/POP.AccessAsUser.All', 'https://outlook.office.com/SMTP.Send', 'offline_access'],
  },
];

export type BundledLookup = { found: false } | { found: true; provider: OAuth2Provider | null; name: string };

/** The bundled provider for the address's domain; `provider` is null when no client id is configured. */
export function bundledOAuth2Provider(email: string, env: NodeJS.ProcessEnv = process.env): BundledLookup {
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  const entry = BUNDLED.find((candidate) => candidate.domains.includes(domain));
  if (!entry) return { found: false };
  const clientId = env[`${entry.envPrefix}_CLIENT_ID`];
  if (!clientId) return { found: true, provider: null, name: entry.envPrefix };
  return {
    found: true,
    name: entry.envPrefix,
    provider: {
      authorizationEndpoint: entry.authorizationEndpoint,
      tokenEndpoint: entry.tokenEndpoint,
      clientId,
      clientSecret: env[`${entry.envPrefix}_CLIENT_SECRET`] || null,
      scopes: [...entry.scopes],
    },
  };
}
