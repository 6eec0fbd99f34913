import type { Dictionary, StringKey } from './en';

export type Translate = (key: StringKey, values?: Record<string, string | number>) => string;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function translator(dictionary: Dictionary): Translate {
  return (key, values) => {
    const template = dictionary.strings[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
  };
}
