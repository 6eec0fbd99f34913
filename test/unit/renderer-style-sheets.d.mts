/** Every .css file under src-renderer, in the order of their paths, as one text (see renderer-style-sheets.mjs). */
export function rendererStyleSheets(): string;
