import { describe, expect, it } from 'vitest';
import { connectImap } from '../../lab/lab';
import { simpleMessage } from '../../lab/simple-message';
import { onServer, subjects } from '../journal/journal-lab';
import { cliAccount } from './cli-account';

/** `wren filter add|list|run|remove`: the built CLI against Dovecot; a run's moves reach the server before it ends. */
describe('wren filter', () => {
  const fixture = cliAccount(async (lab) => {
    const alice = lab.users[0]!.email;
    await lab.seed(alice, 'Receipts', []);
    await lab.seed(alice, 'INBOX', [1, 2, 3].map((n) => simpleMessage(n, { subject: n === 2 ? 'Your receipt' : 'Hello', to: alice })));
  });
  const { wren } = fixture;
  /** `filter add` of a filter named x with these arguments is refused as a usage error (exit 2); gives the run, for its words. */
  const refused = async (...args: string[]) => {
    const run = await wren(['filter', 'add', 'Work', '--name', 'x', ...args]);
    expect(run.code, run.stdout).toBe(2);
    return run;
  };

  it('adds a filter, lists it as a sentence, runs it over the Inbox (the server agrees when it ends), and removes it', async () => {
    const added = await wren(['filter', 'add', 'Work', '--name', 'Receipts', '--subject', 'receipt', '--move', 'Receipts', '--read', '--tag', '2']);
    expect(added.code, added.stderr).toBe(0);
    const id = Number(added.stdout.split('\t')[0]);
    expect((await wren(['filter', 'list', 'Work'])).stdout.trim()).toBe(`${id}\tReceipts\tif subject contains "receipt"\tthen mark read, tag 2, move to Receipts`);
    const ran = await wren(['filter', 'run', 'Work', 'INBOX']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('Filters matched 1 message, moved or deleted 1');
    expect(subjects(await onServer(fixture.lab, fixture.lab.users[0]!.email, 'Receipts'))).toEqual(['Your receipt 2']);
    expect((await onServer(fixture.lab, fixture.lab.users[0]!.email, 'Receipts'))[0]!.flags).toEqual(['$label2', '\\Seen']);
    const other = await wren(['filter', 'add', 'Work', '--name', 'Hello', '--subject', 'hello', '--flag']);
    const otherId = Number(other.stdout.split('\t')[0]);
    const moved = await wren(['filter', 'move', String(otherId), 'up']);
    expect(moved.stdout.trim().split('\n').map((row) => row.split('\t')[1])).toEqual(['Hello', 'Receipts']);
    expect((await wren(['filter', 'remove', String(otherId)])).code).toBe(0);
    expect((await wren(['filter', 'remove', String(id)])).code).toBe(0);
    expect(JSON.parse((await wren(['filter', 'list', 'Work', '--json'])).stdout)).toEqual([]);
  });

  it('refuses a filter without an action, or one moving to a folder that is not there, with a usage exit code', async () => {
    const noAction = await refused('--from', 'a');
    expect(noAction.stderr).toMatch(/at least one action/);
    const noFolder = await wren(['filter', 'add', 'Work', '--name', 'x', '--from', 'a', '--move', 'Nowhere']);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toMatch(/No folder "Nowhere"/);
    await refused('--from', 'a', '--local', '--read');
  });

  it('files into a local folder with --local, and says so', async () => {
    expect((await wren(['folder', 'create', 'local', 'Kept'])).code).toBe(0);
    const added = await wren(['filter', 'add', 'Work', '--name', 'Keep', '--from', 's1@', '--move', 'Kept', '--local']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('then move to local Kept');
  });

  it('--if takes Thunderbird\'s other comparisons (FIELD:OPERATOR:TEXT), and refuses one it does not know', async () => {
    const added = await wren(['filter', 'add', 'Work', '--name', 'Hellos', '--if', 'subject:begins:hel', '--if', 'subject:not-contains:receipt', '--if', 'to:ends:.test', '--flag']);
    expect(added.code, added.stderr).toBe(0);
    const id = added.stdout.split('\t')[0]!;
    expect(added.stdout).toContain('if subject begins "hel" and subject not-contains "receipt" and recipients ends ".test"\tthen flag');
    const ran = await wren(['filter', 'run', 'Work', 'INBOX', '--filter', id]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('Filters matched 2 messages');
    const bad = await refused('--if', 'subject:like:x', '--flag');
    expect(bad.stderr).toContain('--if takes FIELD:OPERATOR:TEXT');
  });

  it('--if size:greater|less:KB compares the size, as Thunderbird\'s "Size (KB)"; a size with a text comparison is refused', async () => {
    const small = await wren(['filter', 'add', 'Work', '--name', 'Small hellos', '--if', 'size:less:100', '--if', 'subject:contains:hello', '--flag']);
    expect(small.code, small.stderr).toBe(0);
    expect(small.stdout).toContain('if size less 100 KB and subject contains "hello"');
    const ran = await wren(['filter', 'run', 'Work', 'INBOX', '--filter', small.stdout.split('\t')[0]!]);
    expect(ran.stdout).toContain('Filters matched 2 messages');
    const big = await wren(['filter', 'add', 'Work', '--name', 'Big', '--if', 'size:greater:100', '--read']);
    const none = await wren(['filter', 'run', 'Work', 'INBOX', '--filter', big.stdout.split('\t')[0]!]);
    expect(none.stdout).toContain('Filters matched 0 messages');
    await refused('--if', 'size:contains:5', '--flag');
    await refused('--if', 'size:greater:5MB', '--flag');
  });

  it('--if age:… and status:…, and --copy: old unread mail copied to a folder, as Thunderbird\'s "Age in Days", "Status" and "Copy Message to"', async () => {
    const added = await wren(['filter', 'add', 'Work', '--name', 'Old unread', '--if', 'age:greater:30', '--if', 'status:is-not:read', '--copy', 'Archive', '--flag']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('if age greater 30 days and status is-not read\tthen flag, copy to Archive');
    const ran = await wren(['filter', 'run', 'Work', 'INBOX', '--filter', added.stdout.split('\t')[0]!]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/Filters matched (\d+) messages?, moved or deleted 0, made \1 cop(y|ies)/);
    await refused('--if', 'status:is:urgent', '--flag');
  });

  it('--if header:NAME:… and body:…: any header field by its name, and the body\'s text, read from the server', async () => {
    const added = await wren(['filter', 'add', 'Work', '--name', 'Receipt ids', '--if', 'header:Message-ID:contains:hello-1@', '--if', 'body:contains:body 1', '--tag', '2']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('if header message-id contains "hello-1@" and body contains "body 1"\tthen tag 2');
    const ran = await wren(['filter', 'run', 'Work', 'INBOX', '--filter', added.stdout.split('\t')[0]!]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stdout).toContain('Filters matched 1 message,');
    const inbox = await onServer(fixture.lab, fixture.lab.users[0]!.email, 'INBOX');
    expect(inbox.find((m) => m.subject === 'Hello 1')?.flags).toContain('$label2');
    await refused('--if', 'header::contains:x', '--flag');
    await refused('--if', 'body:begins:Dear', '--flag');
  });

  it('--forward ADDRESS [--forward-as inline|attachment] saves a forward, said in the filter\'s line; a wrong way or one without --forward is refused', async () => {
    const added = await wren(['filter', 'add', 'Work', '--name', 'To Bob', '--subject', 'contract', '--forward', 'Bob@Example.test', '--forward-as', 'attachment']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('if subject contains "contract"\tthen forward to bob@example.test as an attachment');
    const inline = await wren(['filter', 'add', 'Work', '--name', 'To Bob inline', '--subject', 'contract', '--forward', 'bob@example.test']);
    expect(inline.stdout).toContain('then forward to bob@example.test\n');
    await refused('--subject', 'x', '--forward', 'bob@example.test', '--forward-as', 'sideways');
    await refused('--subject', 'x', '--forward-as', 'attachment', '--flag');
    for (const filter of [added, inline]) expect((await wren(['filter', 'remove', filter.stdout.split('\t')[0]!])).code).toBe(0);
  });

  it('--if priority:… and tag:N: as the list shows them, a tag by its number', async () => {
    const added = await wren(['filter', 'add', 'Work', '--name', 'Normal, untagged', '--if', 'priority:is:normal', '--if', 'tag:is-not:5', '--if', 'subject:contains:hello', '--tag', '5']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('if priority is normal and tag is-not 5 and subject contains "hello"\tthen tag 5');
    const id = added.stdout.split('\t')[0]!;
    expect((await wren(['filter', 'run', 'Work', 'INBOX', '--filter', id])).stdout).toMatch(/Filters matched [1-9]/);
    // Tagged now: the same filter finds nothing the second time.
    expect((await wren(['filter', 'run', 'Work', 'INBOX', '--filter', id])).stdout).toContain('Filters matched 0 messages');
    await refused('--if', 'priority:is:urgent', '--flag');
    await refused('--if', 'tag:is:9', '--flag');
    expect((await wren(['filter', 'remove', id])).code).toBe(0);
  });

  it('--reply-with takes a template\'s id; a word, or a message that is no template, is refused with the reason', async () => {
    const word = await refused('--subject', 'x', '--reply-with', 'away');
    expect(word.stderr).toContain('--reply-with takes a template\'s id');
    const inbox = JSON.parse((await wren(['list', 'Work', 'INBOX', '--json'])).stdout) as { id: number }[];
    const notTemplate = await refused('--subject', 'x', '--reply-with', String(inbox[0]!.id));
    expect(notTemplate.stderr).toContain('Local Folders ▸ Templates');
  });

  it('filter log says what the filters did, newest first, a line per filter and message; --clear empties it', async () => {
    // Tag 3: the hellos were starred by the filters above already, and what a message has is no change to log.
    const added = await wren(['filter', 'add', 'Work', '--name', 'Star hellos', '--if', 'subject:begins:hello', '--flag', '--tag', '3']);
    await wren(['filter', 'run', 'Work', 'INBOX', '--filter', added.stdout.split('\t')[0]!]);
    const log = await wren(['filter', 'log', 'Work', '--limit', '2']);
    expect(log.code, log.stderr).toBe(0);
    const lines = log.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.split('\t').slice(1))).toEqual([
      ['Star hellos', 'Sender 3 <s3@example.test>', '"Hello 3"', 'tagged 3'],
      ['Star hellos', 'Sender 1 <s1@example.test>', '"Hello 1"', 'tagged 3'],
    ]);
    expect(JSON.parse((await wren(['filter', 'log', 'Work', '--json', '--limit', '1'])).stdout)[0].did).toEqual([{ kind: 'tag', tag: '$label3' }]);
    expect((await wren(['filter', 'log', 'Work', '--clear'])).stdout).toMatch(/The filter log of .* is empty \(\d+ entries removed\)/);
    expect((await wren(['filter', 'log', 'Work'])).stdout.trim()).toBe('');
  });

  it('--when says when a filter runs by itself: after sending, on new mail too, or only by hand; a word it does not know is refused', async () => {
    const sent = await wren(['filter', 'add', 'Work', '--name', 'To Bob', '--to', 'bob@', '--flag', '--when', 'after-sending']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout.trim()).toMatch(/\tthen flag\t\(runs after sending\)$/);
    const both = await wren(['filter', 'add', 'Work', '--name', 'Both', '--to', 'bob@', '--flag', '--when', 'new-mail,after-sending']);
    expect(both.stdout.trim()).toMatch(/\(runs on new mail and after sending\)$/);
    const byHand = await wren(['filter', 'add', 'Work', '--name', 'By hand', '--to', 'bob@', '--flag', '--when', 'manual']);
    expect(byHand.stdout.trim()).toMatch(/\(runs only when run by hand\)$/);
    const json = JSON.parse((await wren(['filter', 'list', 'Work', '--json'])).stdout) as { name: string; runOn: unknown }[];
    expect(json.filter((filter) => ['To Bob', 'Both', 'By hand'].includes(filter.name)).map((filter) => filter.runOn)).toEqual([
      { newMail: false, afterSending: true, periodically: false }, { newMail: true, afterSending: true, periodically: false },
      { newMail: false, afterSending: false, periodically: false },
    ]);
    expect((await refused('--to', 'x', '--flag', '--when', 'sometimes')).stderr).toContain('--when takes new-mail, after-sending, periodically, manual, not "sometimes"');
    for (const added of [sent, both, byHand]) await wren(['filter', 'remove', added.stdout.split('\t')[0]!]);
  });

  it('filter log says when the server refused a move, with its reason (the folder deleted on another device)', async () => {
    const user = fixture.lab.users[0]!.email;
    await fixture.lab.seed(user, 'Doomed', []);
    expect((await wren(['sync', 'Work'])).code).toBe(0);
    const added = await wren(['filter', 'add', 'Work', '--name', 'Doomed hellos', '--if', 'subject:is:Hello 1', '--move', 'Doomed']);
    const other = await connectImap(fixture.lab, user);
    await other.mailboxDelete('Doomed');
    await other.logout();
    const ran = await wren(['filter', 'run', 'Work', 'INBOX', '--filter', added.stdout.split('\t')[0]!]);
    expect(ran.stderr).toMatch(/the server refused a move/);
    const [line] = (await wren(['filter', 'log', 'Work', '--limit', '1'])).stdout.trim().split('\n');
    expect(line!.split('\t').slice(1)).toEqual(['Doomed hellos', 'Sender 1 <s1@example.test>', '"Hello 1"', expect.stringMatching(/^moved to Doomed \(refused by the server, undone here: .+ \[FolderGone\]\)$/)]);
    expect(subjects(await onServer(fixture.lab, user, 'INBOX'))).toContain('Hello 1');
  });
});
