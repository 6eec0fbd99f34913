import { useEffect, useState } from 'react';
import type { Theme } from '../../src-main/ipc/contract';
import { useI18n } from '../i18n/i18n-context';
import { useSettings } from './settings-context';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme to draw: the user's, or the system's when set to follow it (and as the system changes). */
export function useResolvedTheme(theme: Theme): 'light' | 'dark' {
  const [query] = useState(() => (typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null));
  const [systemDark, setSystemDark] = useState(query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const follow = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [query]);
  if (theme === 'system') return systemDark ? 'dark' : 'light';
  return theme;
}

/**
 * Puts the settings that shape the whole page into effect, live: the theme
 * (`data-theme` on <html>, which the CSS variables follow) and the language.
 */
export function useAppliedSettings(): void {
  const { settings } = useSettings();
  const { language, setLanguage } = useI18n();
  const theme = useResolvedTheme(settings.app.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const chosen = settings.app.language;
  useEffect(() => {
    if (chosen && chosen !== language) setLanguage(chosen);
    // Only a change of the setting moves the language (not every change of the language itself).
  }, [chosen]);
}
