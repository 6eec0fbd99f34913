import { WrenError } from '../../errors/wren-error';
import type { SettingsPatchInput, SettingsView } from '../../settings/settings-schema';
import { accountSettings } from '../../settings/settings-schema';
import type { CliContext } from '../cli-context';
import { findAccount } from '../find-by-name';

const USAGE = `Usage: wren settings get [KEY]
       wren settings set KEY VALUE
  KEY: app.FIELD (app.theme, app.language, app.undoSendSeconds…) or account.ACCOUNT.FIELD
       (account.1.checkIntervalMinutes, account.me@example.com.bodyDownload…)
  VALUE: JSON (30, true, null, '{"mode":"recent","days":30}') or a plain word (dark)`;

type Key = { scope: 'app'; field: string } | { scope: 'account'; account: string; field: string };

function parseKey(key: string | undefined): Key | null {
  if (!key) return null;
  if (key.startsWith('app.')) return { scope: 'app', field: key.slice(4) };
  if (!key.startsWith('account.')) throw new WrenError('BadRequest', `A setting starts "app." or "account.": ${key}\n${USAGE}`);
  // An account may be named by its address, which has dots: the field is the last segment.
  const rest = key.slice('account.'.length);
  const dot = rest.lastIndexOf('.');
  if (dot <= 0) throw new WrenError('BadRequest', `Name the account and the field: account.ACCOUNT.FIELD\n${USAGE}`);
  return { scope: 'account', account: rest.slice(0, dot), field: rest.slice(dot + 1) };
}

/** JSON where it parses, else the word itself ("dark"). */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function valueAt(context: CliContext, view: SettingsView, key: Key | null): Promise<unknown> {
  if (!key) return view.settings;
  const fields: Record<string, unknown> = key.scope === 'app' ? view.settings.app : accountSettings(view.settings, (await findAccount(context, key.account)).id);
  if (!(key.field in fields)) throw new WrenError('NotFound', `No setting "${key.field}". Known: ${Object.keys(fields).join(', ')}.`);
  return fields[key.field];
}

async function patchFor(context: CliContext, key: Key, value: unknown): Promise<SettingsPatchInput> {
  if (key.scope === 'app') return { app: { [key.field]: value } };
  const account = await findAccount(context, key.account);
  return { accounts: { [String(account.id)]: { [key.field]: value } } };
}

/** `wren settings get|set`: the same settings.json the app reads; a change reaches a running app within seconds. */
export async function settingsCommand(context: CliContext, args: string[]): Promise<number> {
  const [action, keyText, valueText, ...extra] = args;
  if (action === 'get' && valueText === undefined) {
    const view = await context.request('settings.get', {});
    for (const problem of view.problems) context.note(`${view.path}: ${problem}`);
    const value = await valueAt(context, view, parseKey(keyText));
    context.print(value, () => [typeof value === 'string' ? value : JSON.stringify(value, null, 2)]);
    return 0;
  }
  if (action === 'set' && keyText && valueText !== undefined && extra.length === 0) {
    const key = parseKey(keyText)!;
    const view = await context.request('settings.update', await patchFor(context, key, parseValue(valueText)));
    const value = await valueAt(context, view, key);
    context.print(value, () => [`${keyText} = ${JSON.stringify(value)}`]);
    return 0;
  }
  throw new WrenError('BadRequest', USAGE);
}
