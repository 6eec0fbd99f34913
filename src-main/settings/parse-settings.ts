import type { z } from 'zod';
import { ACCOUNT_FIELDS, APP_FIELDS, type AccountSettings, type AppSettings, type Settings } from './settings-schema';

/** The settings read from a file, and what was wrong in it (each wrong value replaced by its default). */
export interface ParsedSettings {
  settings: Settings;
  problems: string[];
}

type Fields = Record<string, z.ZodType>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Field by field: a bad or unknown value is reported and costs only itself. */
function parseFields<T>(fields: Fields, raw: unknown, where: string, problems: string[]): T {
  const source = isObject(raw) ? raw : {};
  if (raw !== undefined && !isObject(raw)) problems.push(`${where}: not an object, defaults used`);
  const result: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(fields)) {
    const parsed = schema.safeParse(source[key]);
    if (parsed.success) {
      result[key] = parsed.data;
    } else {
      problems.push(`${where}.${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}, default used`);
      result[key] = schema.parse(undefined);
    }
  }
  for (const key of Object.keys(source)) if (!(key in fields)) problems.push(`${where}.${key}: unknown setting, ignored`);
  return result as T;
}

/** Any JSON value to complete settings; never throws. */
export function parseSettings(raw: unknown): ParsedSettings {
  const problems: string[] = [];
  const root = isObject(raw) ? raw : {};
  if (!isObject(raw)) problems.push('settings: not a JSON object, defaults used');
  const app = parseFields<AppSettings>(APP_FIELDS, root.app, 'app', problems);
  const accounts: Record<string, AccountSettings> = {};
  const rawAccounts = isObject(root.accounts) ? root.accounts : {};
  if (root.accounts !== undefined && !isObject(root.accounts)) problems.push('accounts: not an object, ignored');
  for (const [id, value] of Object.entries(rawAccounts)) {
    if (!/^[1-9]\d*$/.test(id)) problems.push(`accounts.${id}: not an account id, ignored`);
    else accounts[id] = parseFields<AccountSettings>(ACCOUNT_FIELDS, value, `accounts.${id}`, problems);
  }
  for (const key of Object.keys(root)) if (key !== 'app' && key !== 'accounts' && key !== 'version') problems.push(`${key}: unknown setting, ignored`);
  return { settings: { app, accounts }, problems };
}
