/**
 * Ending the process the moment a command returns would cut its output: a
 * pipe takes what the reader has room for (64 KB) and the rest waits in
 * Node's buffer, which process.exit() throws away. So the exit waits until
 * everything written so far has reached the OS, at whatever pace the reader
 * takes it.
 */
export async function exitWhenWritten(code: number): Promise<never> {
  process.exitCode = code;
  await flushed(process.stdout);
  await flushed(process.stderr);
  process.exit(code);
}

/** A reader that went away (`wren list … | head -1`) is not an error: there is nobody left to tell. */
export function quietWhenReaderLeaves(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Writes queue in order, so the callback of an empty write comes after every earlier chunk left. */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => resolve());
  });
}
