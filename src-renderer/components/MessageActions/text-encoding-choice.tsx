import { TEXT_ENCODINGS, type TextEncoding } from '../../../src-main/ipc/contract';
import type { StringKey } from '../../i18n/en';
import { useT } from '../../i18n/i18n-context';

const NAMES: Record<TextEncoding, StringKey> = {
  'utf-8': 'encoding.utf8',
  gbk: 'encoding.gbk',
  big5: 'encoding.big5',
  shift_jis: 'encoding.shiftJis',
  'euc-jp': 'encoding.eucJp',
  'iso-2022-jp': 'encoding.iso2022jp',
  'euc-kr': 'encoding.eucKr',
  'windows-1252': 'encoding.windows1252',
  'windows-1251': 'encoding.windows1251',
  'koi8-r': 'encoding.koi8r',
};

/**
 * Thunderbird's View ▸ Text Encoding, for the message whose sender's mailer named the wrong charset (GBK text sent
 * as ISO-8859-1 reads as "ÄãºÃ"): its text is read again as the encoding chosen, for this message and this time.
 */
export function TextEncodingChoice({ encoding, onEncoding }: { encoding: TextEncoding | null; onEncoding(encoding: TextEncoding | null): void }) {
  const t = useT();
  return (
    <select
      className="message-actions__encoding"
      aria-label={t('reading.encoding')}
      title={t('reading.encoding')}
      value={encoding ?? ''}
      onChange={(event) => onEncoding((event.target.value || null) as TextEncoding | null)}
      data-testid="text-encoding"
    >
      <option value="">{t('reading.encodingAsLabelled')}</option>
      {TEXT_ENCODINGS.map((value) => (
        <option key={value} value={value}>
          {t(NAMES[value])}
        </option>
      ))}
    </select>
  );
}
