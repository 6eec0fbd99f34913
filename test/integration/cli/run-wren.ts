import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface WrenRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `wren` command (bin/wren.cjs) on the data folder `dir`/data, its key file in
 * `dir`/config and the password from WREN_PASSWORD, as a user's shell would; `input` on stdin.
 */
export async function runWren(dir: string, password: string, args: string[], input?: string): Promise<WrenRun> {
  const child = execFile(process.execPath, ['bin/wren.cjs', '--data-dir', join(dir, 'data'), ...args], {
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), WREN_PASSWORD: password },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}
