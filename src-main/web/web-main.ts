import { discoveryOverridesFromEnv } from '../accounts/discovery/discovery-options';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createHandlers } from '../app/handlers';
import { defaultDataDir } from '../app/data-dir';
import { WrenCore } from '../app/wren-core';
import { toErrorShape } from '../errors/wren-error';
import { KeyFileSecretStore } from '../secrets/key-file-secret-store';
import { startWebServer } from './web-server';

/** `npm run web`: the app in a browser, on 127.0.0.1 only, behind a random token. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, port: { type: 'string' } } });
  const core = WrenCore.open({
    dataDir: values['data-dir'] ?? defaultDataDir(),
    mode: 'web',
    secrets: new KeyFileSecretStore(),
    syncIntervalMs: 5 * 60_000,
    push: true,
    discovery: discoveryOverridesFromEnv(),
  });
  const server = await startWebServer({
    core,
    handlers: createHandlers(core),
    events: core.events,
    rendererDir: join(__dirname, '..', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  process.stdout.write(`Wren web mode (data: ${core.dataDir})\nOpen ${server.url}\n`);
  core.sync.start(core.store.accounts.list().map((a) => a.id), false);
  const stop = () => {
    server
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`wren web: ${toErrorShape(error).message}\n`);
  process.exit(1);
});
