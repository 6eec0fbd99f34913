import { useI18n } from '../../i18n/i18n-context';
import { LANGUAGES, LANGUAGE_NAMES, type Language } from '../../i18n/language';
import { SelectField } from '../Field';

export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const options = LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }));
  return (
    <div className="language-switch">
      <SelectField<Language> label={t('language.label')} value={language} options={options} onChange={setLanguage} testId="language" />
    </div>
  );
}
