export type Language = 'en' | 'zh';

export const LANGUAGES: readonly Language[] = ['en', 'zh'];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '简体中文' };

const STORAGE_KEY = 'wren.language';

/** The user's explicit choice wins; otherwise any Chinese browser locale gets Chinese. */
export function initialLanguage(): Language {
  const saved = readSavedLanguage();
  if (saved) return saved;
  return languageForLocale(globalThis.navigator?.language ?? 'en');
}

export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled; the choice then lasts for this session only.
  }
}

function readSavedLanguage(): Language | null {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((language) => language === saved) ?? null;
  } catch {
    return null;
  }
}

/** Dates follow the browser's regional format when it matches the chosen language. */
export function localeFor(language: Language): string {
  const browser = globalThis.navigator?.language ?? '';
  if (languageForLocale(browser) === language && browser) return browser;
  return language === 'zh' ? 'zh-CN' : 'en';
}
