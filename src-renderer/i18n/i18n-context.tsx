import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ErrorShape } from '../../src-main/errors/error-codes';
import { en, type Dictionary } from './en';
import { zh } from './zh';
import { describeError, type ErrorContext } from './error-words';
import { describeWarning } from './warning-words';
import { initialLanguage, localeFor, saveLanguage, type Language } from './language';
import { translator, type Translate } from './translate';

export const DICTIONARIES: Record<Language, Dictionary> = { en, zh };

interface I18n {
  language: Language;
  /** For Intl date and number formatting. */
  locale: string;
  setLanguage(language: Language): void;
  t: Translate;
  errorWords(error: ErrorShape, context?: ErrorContext): string[];
  /** A message's warning in words (see warning-words.ts). */
  warningWords(warning: string): string;
  /** Sentences put one after another: a space between them in English, none in Chinese, whose full stop is wide. */
  sentences(parts: readonly string[]): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => fixed ?? initialLanguage());
  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    // Tells the browser which glyphs to prefer for characters Chinese and Japanese share.
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const value = useMemo<I18n>(() => {
    const dictionary = DICTIONARIES[language];
    return {
      language,
      locale: localeFor(language),
      setLanguage,
      t: translator(dictionary, localeFor(language)),
      errorWords: (error, context) => describeError(dictionary, error, context),
      warningWords: (warning) => describeWarning(dictionary, warning),
      sentences: (parts) => parts.join(language === 'zh' ? '' : ' '),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}
