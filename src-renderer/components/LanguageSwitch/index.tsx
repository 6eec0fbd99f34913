import { useI18n } from '../../i18n/i18n-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../i18n/language';
import { useSettings } from '../../settings/settings-context';
import { SelectField } from '../Field';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const { update } = useSettings();
  // Shown at once, and saved in the settings so every window and the next start use it.
  const choose = (next: Language) => {
    setLanguage(next);
    void update({ app: { language: next } });
  };
  const options = LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }));
  return (
    <div className="language-switch">
      <SelectField<Language> label={t('language.label')} value={language} options={options} onChange={choose} testId="language" />
    </div>
  );
}
