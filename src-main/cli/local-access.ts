import type { WrenCore } from '../app/wren-core';
import type { CliLocal } from './cli-context';

/** The CLI's only direct use of the core: a message's raw bytes, streamed (see CliLocal). */
export function localAccessOf(core: WrenCore): CliLocal {
  return {
    openSource: async (messageId) => (await core.reader.source(messageId)).stream,
    stageFile: (path) => core.staging.stageFile(path),
    stage: (stream) => core.staging.stageStream(stream),
  };
}
