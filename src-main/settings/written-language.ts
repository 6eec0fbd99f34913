import type { ComposeLanguage } from '../compose/quote-original';

/**
 * The language Wren writes mail in when no window is there to say (a filter's Forward, its attribution line):
 * the one chosen in Settings, else the system's (Chinese for any zh locale, English otherwise).
 */
export function writtenLanguage(setting: 'en' | 'zh' | null, systemLocale = Intl.DateTimeFormat().resolvedOptions().locale): ComposeLanguage {
  return (setting ?? (systemLocale.toLowerCase().startsWith('zh') ? 'zh' : 'en')) === 'zh' ? 'zh' : 'en';
}
