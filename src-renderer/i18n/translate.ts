import type { Dictionary, StringKey } from './en';

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/**
 * Fills `{name}` placeholders, and `{name|one|other}` with the form the
 * number in `name` takes by the language's plural rules (English: "1
 * message", "2 messages"; Chinese has one form and needs none). An unknown
 * placeholder is left visible so it gets noticed.
 */
export function translator(dictionary: Dictionary, locale = 'en'): Translate {
  const plurals = new Intl.PluralRules(locale);
  return (key, values) => {
    const template = dictionary.strings[key];
    if (!values) return template;
    return template.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (placeholder, name: string, one?: string, other?: string) => {
      if (!(name in values)) return placeholder;
      if (one === undefined) return String(values[name]);
      return plurals.select(Number(values[name])) === 'one' ? one : other!;
    });
  };
}
