// Node has no getpwnam(); the lab only needs uid/gid of a system user, so read /etc/passwd.
import { readFileSync } from 'node:fs';

export function lookupUser(name: string): { uid: number; gid: number } {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [user, , uid, gid] = line.split(':');
    if (user === name && uid !== undefined && gid !== undefined) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new Error(`system user '${name}' not found in /etc/passwd (is dovecot-core installed?)`);
}
