import type { ErrorShape } from '../../../src-main/errors/error-codes';
import type { FolderView } from '../../../src-main/ipc/contract';
import { formatFullDate } from '../../format/format-date';
import type { StringKey } from '../../i18n/en';
import type { ErrorContext } from '../../i18n/error-words';
import { folderDisplayName } from '../../i18n/folder-name';
import type { Translate } from '../../i18n/translate';

/**
 * One line of a toast, kept as codes and values rather than words, so a toast
 * on screen when the user switches language is worded again in the new one.
 * `folder` fills `{folder}` with the folder's name in the language drawn
 * (Inbox / 收件箱); `dates` fill their placeholders with a date in its locale.
 */
export type ToastLine =
  | { key: StringKey; values?: Record<string, string | number>; folder?: FolderView; dates?: Record<string, number> }
  | { error: ErrorShape; context?: ErrorContext };

interface Wording {
  t: Translate;
  locale: string;
  errorWords(error: ErrorShape, context?: ErrorContext): string[];
}

/** The words of a toast's lines in the language now drawn (an error may take several lines). */
export function toastWords(lines: ToastLine[], { t, locale, errorWords }: Wording): string[] {
  return lines.flatMap((line) => {
    if ('error' in line) return errorWords(line.error, line.context);
    const values: Record<string, string | number> = { ...line.values };
    if (line.folder) values.folder = folderDisplayName(line.folder, t);
    for (const [name, time] of Object.entries(line.dates ?? {})) values[name] = formatFullDate(time, locale);
    return [t(line.key, values)];
  });
}
