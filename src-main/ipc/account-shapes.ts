/**
 * The shapes of accounts in the contract: what set-up sends (AccountDraft), what the UI
 * shows (AccountView), discovery, connection tests and sync outcomes. No Node APIs: the
 * renderer imports these through contract.ts.
 */
import { z } from 'zod';
import type { ErrorShape } from '../errors/error-codes';
import { DEFAULT_POP3_POLICY } from './contract-constants';

export const Security = z.enum(['tls', 'starttls', 'none']);
const host = z.string().trim().min(1).max(253).regex(/^[^\s/]+$/, 'a host name without spaces or slashes');
const port = z.number().int().min(1).max(65535);
/** SHA-256 fingerprint as Node prints it: 32 hex pairs joined by colons. */
const Fingerprint = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'a SHA-256 fingerprint like AB:CD:…'));

export const IncomingProtocol = z.enum(['imap', 'pop3']);
export type IncomingProtocol = z.infer<typeof IncomingProtocol>;

export const ServerSettings = z.object({
  host,
  port,
  security: Security,
  user: z.string().min(1).max(320),
});

/**
 * What a POP3 account does with mail on the server once it is stored:
 * keep it (default), delete it `deleteAfterDays` after download, delete it
 * when it is deleted locally, or delete it at once (download and delete).
 * Messages over `maxMessageKb` come with TOP (headers and first lines) only.
 */
export const Pop3Leave = z.enum(['keep', 'deleteAfterDays', 'deleteWhenDeleted', 'delete']);
export const Pop3Policy = z
  .object({
    leave: Pop3Leave.default('keep'),
    deleteAfterDays: z.number().int().min(1).max(3650).nullable().default(null),
    maxMessageKb: z.number().int().min(1).max(10_000_000).nullable().default(null),
  })
  .refine((policy) => policy.leave !== 'deleteAfterDays' || policy.deleteAfterDays !== null, { message: 'deleteAfterDays needs a number of days', path: ['deleteAfterDays'] });
export type Pop3Leave = z.infer<typeof Pop3Leave>;
export type Pop3Policy = z.infer<typeof Pop3Policy>;

/** An http(s) URL: a browser opens the authorization one and Wren posts to the token one (never javascript:, file:). */
function webUrl() {
  return z.string().url().max(2000).refine((url) => /^https?:\/\//i.test(url), 'an http:// or https:// address');
}

/**
 * Where an OAuth2 provider signs the user in and issues tokens (RFC 6749), with
 * the client id registered there for Wren. Secrets of "public" desktop clients
 * are not secret (Google still asks for one), so it may be given too.
 */
export const OAuth2Provider = z.object({
  authorizationEndpoint: webUrl(),
  tokenEndpoint: webUrl(),
  clientId: z.string().min(1).max(500),
  clientSecret: z.string().max(500).nullable().default(null),
  scopes: z.array(z.string().min(1).max(500)).max(20),
});
export type OAuth2Provider = z.infer<typeof OAuth2Provider>;

/** How an account logs in: its password, or an OAuth2 access token (XOAUTH2 / OAUTHBEARER). */
export const AccountAuth = z.enum(['password', 'oauth2']);
export type AccountAuth = z.infer<typeof AccountAuth>;

export const AccountDraft = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.string().trim().email().max(320),
  displayName: z.string().max(200).default(''),
  /** How mail comes in; `incoming` is that protocol's server. */
  protocol: IncomingProtocol.default('imap'),
  incoming: ServerSettings,
  smtp: ServerSettings.nullable().default(null),
  /** Only for protocol 'pop3'. */
  pop3: Pop3Policy.default(DEFAULT_POP3_POLICY),
  /** Required for auth 'password'; unused for 'oauth2'. */
  password: z.string().max(1024).default(''),
  auth: AccountAuth.default('password'),
  /** auth 'oauth2': the finished sign-in (accounts.oauthStart / oauthFinish) whose tokens the account keeps. */
  oauth2FlowId: z.string().max(100).nullable().default(null),
  /** "none" security is refused unless the user ticked this explicitly. */
  allowPlaintext: z.boolean().default(false),
  /** Trust exactly this certificate for this account (self-signed servers). */
  trustedCertSha256: Fingerprint.nullable().default(null),
  /**
   * The outgoing server's own certificate, when it shows another one than the incoming server (trusted
   * apart, for SMTP only). Null: SMTP trusts what `trustedCertSha256` trusts (one certificate for both).
   */
  smtpTrustedCertSha256: Fingerprint.nullable().default(null),
}).superRefine((draft, ctx) => {
  if (draft.auth === 'password' && draft.password.length === 0) ctx.addIssue({ code: 'custom', message: 'a password', path: ['password'] });
  if (draft.auth === 'oauth2' && !draft.oauth2FlowId) ctx.addIssue({ code: 'custom', message: 'a finished browser sign-in', path: ['oauth2FlowId'] });
});

/** '#rrggbb': an account's mark in the sidebar and the unified views. */
export const AccountColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #2f6fdf');

/** An edit of an account: only the fields given change; a server or password change is tested first. */
export const AccountUpdate = z
  .object({
    accountId: z.number().int().positive(),
    name: z.string().trim().min(1).max(100).optional(),
    displayName: z.string().max(200).optional(),
    colour: AccountColour.optional(),
    incoming: ServerSettings.optional(),
    smtp: ServerSettings.nullable().optional(),
    password: z.string().min(1).max(1024).optional(),
    allowPlaintext: z.boolean().optional(),
    trustedCertSha256: Fingerprint.nullable().optional(),
    /** The outgoing server's own certificate (see AccountDraft); tested with a login to it before it is kept. */
    smtpTrustedCertSha256: Fingerprint.nullable().optional(),
    /** An OAuth2 account signed in again (accounts.oauthStart / oauthFinish): its tokens replace the refused ones. */
    oauth2FlowId: z.string().min(1).max(100).optional(),
    /** A POP3 account's policy (leave on the server, delete…), taken from its next check on; nothing is tested. */
    pop3: Pop3Policy.optional(),
  })
  .strict();
export type AccountUpdate = z.infer<typeof AccountUpdate>;

export const FolderRole = z.enum(['inbox', 'sent', 'drafts', 'trash', 'junk', 'archive', 'all', 'flagged']);
export const AccountState = z.enum(['idle', 'syncing', 'offline', 'error']);

export type Security = z.infer<typeof Security>;
export type ServerSettings = z.infer<typeof ServerSettings>;
export type AccountDraft = z.infer<typeof AccountDraft>;
export type AccountDraftInput = z.input<typeof AccountDraft>;
export type FolderRole = z.infer<typeof FolderRole>;
export type AccountState = z.infer<typeof AccountState>;

export interface CertificateInfo {
  fingerprint256: string;
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
}

/** One resource of a server's quota: how much of it is used, of how much (storage in bytes, messages by count). */
export interface QuotaUsage {
  used: number;
  limit: number;
}

/**
 * What the account may keep on its server (the IMAP QUOTA extension, RFC 9208: the Inbox's quota root),
 * as the last sync read it. A resource the server sets no limit on is null.
 */
export interface AccountQuota {
  storage: QuotaUsage | null;
  messages: QuotaUsage | null;
  /** When a sync read it (epoch ms). */
  checkedAt: number;
}

export interface AccountView {
  id: number;
  name: string;
  email: string;
  displayName: string;
  protocol: IncomingProtocol;
  incoming: ServerSettings;
  smtp: ServerSettings | null;
  /** Only meaningful for protocol 'pop3'. */
  pop3: Pop3Policy;
  allowPlaintext: boolean;
  trustedCertSha256: string | null;
  /** The outgoing server's own trusted certificate; null when SMTP trusts what the incoming server's does. */
  smtpTrustedCertSha256: string | null;
  /** 'oauth2': logs in with a token from the browser sign-in, refreshed by Wren; no password is kept. */
  auth: AccountAuth;
  /** '#rrggbb', the account's mark; accounts.list gives them in the user's order. */
  colour: string;
  state: AccountState;
  lastError: ErrorShape | null;
  /** When an offline account is retried next, if a retry is scheduled. */
  retryAt: number | null;
  /** Null: the server keeps no quota (or has never said; POP3 cannot). */
  quota: AccountQuota | null;
}

/** Where set-up from the address found the settings, in the order they are tried (Thunderbird's). */
export const DiscoverySource = z.enum(['bundled', 'autoconfig', 'well-known', 'srv', 'guess']);
export type DiscoverySource = z.infer<typeof DiscoverySource>;

export interface DiscoveredServer {
  host: string;
  port: number;
  security: Security;
  user: string;
}

/** What the user is told before settings found on the network are used. */
export type DiscoveryWarning =
  | { kind: 'plaintext'; host: string }
  | { kind: 'otherDomain'; host: string; domain: string }
  | { kind: 'oauth2Only'; provider: string };

export interface DiscoveredConfig {
  source: DiscoverySource;
  /** The URL, DNS name or list it came from. */
  from: string;
  displayName: string | null;
  imap: DiscoveredServer | null;
  pop3: DiscoveredServer | null;
  smtp: DiscoveredServer | null;
  warnings: DiscoveryWarning[];
}

/** One step of the chain and what came of it (shown when nothing is found, so the user knows what was tried). */
export interface DiscoveryStep {
  source: DiscoverySource;
  from: string;
  outcome: 'found' | 'nothing' | 'invalid' | 'timeout' | 'failed';
  detail: string | null;
}

export interface DiscoveryResult {
  email: string;
  /** The first source that gave usable settings; null when none did (manual settings then). */
  config: DiscoveredConfig | null;
  steps: DiscoveryStep[];
}

/** A browser sign-in begun: open `authUrl` in the system browser; the redirect comes back to Wren on 127.0.0.1. */
export interface OAuth2Start {
  flowId: string;
  authUrl: string;
  redirectUri: string;
}

/** The sign-in finished: the draft can now be tested and added with this `oauth2FlowId`. */
export interface OAuth2Finished {
  flowId: string;
  expiresAt: number;
}

/**
 * An account removed. `kept`: what existed nowhere else (mail kept only on this computer, messages its Outbox had
 * not sent), moved into Local Folders at `folder`; null when nothing needed keeping.
 */
export interface AccountRemoved {
  removed: true;
  kept: { folder: string; messages: number; unsent: number } | null;
}

export interface TestConnectionResult {
  ok: true;
  capabilities: string[];
  certificate: CertificateInfo | null;
  /** The outgoing (SMTP) server was given and logged in too. */
  smtpChecked?: boolean;
}

export interface SyncSummary {
  accountId: number;
  folders: number;
  newMessages: number;
  removedMessages: number;
  flagUpdates: number;
  bodiesFetched: number;
  /** Another process (the app, another `wren sync`) was syncing this account; this sync waited for it to finish. */
  waitedForOtherSync?: boolean;
  /** Coded warnings of this sync (`wren:<WarningCode>`, e.g. a POP3 server that changed its UIDLs): the renderer and the CLI put them into words. */
  warnings?: string[];
  /** Folders the server refused to open (a NO to SELECT, with its words in the error's details): the sync went on with the others. */
  folderErrors?: FolderError[];
}

export interface FolderError {
  path: string;
  error: ErrorShape;
}

/** What `sync.run` gives back once every account asked for is done. */
export interface SyncRunResult {
  summaries: SyncSummary[];
  failures: { accountId: number; error: ErrorShape }[];
}
