import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Read on the test's Node side, beside renderer/ and in JavaScript with its types in the .d.mts: the renderer's tests
 * are compiled without Node (src-renderer/tsconfig.json, a lint rule), and Vitest hands a test an empty string for any
 * CSS import, `?raw` too.
 */

const RENDERER = 'src-renderer';

/**
 * Every .css file under the renderer, in the order of their paths, as one text: the whole cascade as the app
 * has it, for a renderer test to put in its document so getComputedStyle answers as the app's CSS says.
 * @returns {string}
 */
export function rendererStyleSheets() {
  const paths = readdirSync(RENDERER, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.css')).sort();
  return paths.map((path) => readFileSync(join(RENDERER, path), 'utf8')).join('\n');
}
