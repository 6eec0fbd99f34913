/**
 * A value made at its first use, then kept. Wren loads the npm packages only
 * some work needs this way (nodemailer, libmime, html-to-text, htmlparser2,
 * encoding-japanese): imported at the top, they cost every `wren` command and
 * every start of the app about 70 ms (`wren account list` took 0.25 s, 0.17 s
 * without them), for a send, a draft or an HTML part that most never reach.
 * Each `require` stays at its call site, where the bundler sees the package's
 * name (eslint.config.mjs allows those packages alone). A package's default
 * export is read as `.default`: the worker bundles resolve these calls to the
 * packages' ES builds, as their importers get them (scripts/build-main.mjs),
 * and Node's require gives their CommonJS builds, which carry it too.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
