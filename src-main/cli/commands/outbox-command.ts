import { parseArgs } from 'node:util';
import { WrenError } from '../../errors/wren-error';
import type { CliContext } from '../cli-context';
import { describeEntry } from './send-command';
import { EXIT } from '../exit-codes';

const USAGE = 'Usage: wren outbox list | wren outbox flush | wren outbox retry ID | wren outbox send-now ID | wren outbox cancel ID | wren outbox resolve ID --send-anyway|--discard';

/** `wren outbox …`: what waits to be sent, and the user's decisions about it. */
export async function outboxCommand(context: CliContext, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { 'send-anyway': { type: 'boolean' }, discard: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (sub === 'list') {
    const entries = await context.request('outbox.list', {});
    context.print(entries, () => (entries.length === 0 ? ['The outbox is empty.'] : entries.map((e) => `#${e.id} ${e.state.padEnd(7)} ${e.subject || '(no subject)'} — ${describeEntry(e)}`)));
    return 0;
  }
  if (sub === 'flush') {
    const entries = await context.request('outbox.flush', {});
    const open = entries.filter((e) => e.state !== 'sent');
    context.print(entries, () => (open.length === 0 ? ['Everything due is sent.'] : open.map((e) => `#${e.id} ${describeEntry(e)}`)));
    return open.some((e) => e.state === 'failed' || e.state === 'unknown') ? EXIT.failed : EXIT.ok;
  }
  const outboxId = Number(positionals[0]);
  if (!Number.isInteger(outboxId) || outboxId <= 0) throw new WrenError('BadRequest', USAGE);
  switch (sub) {
    case 'retry': {
      await context.request('outbox.retry', { outboxId });
      const [entry] = await context.request('outbox.wait', { outboxIds: [outboxId] });
      context.print(entry, () => [describeEntry(entry!)]);
      return entry!.state === 'sent' ? EXIT.ok : EXIT.failed;
    }
    case 'send-now': {
      // A scheduled message, or one waiting out its undo delay or a retry's backoff, leaves now; this waits for the server's answer.
      await context.request('outbox.sendNow', { outboxId });
      const [entry] = await context.request('outbox.wait', { outboxIds: [outboxId] });
      context.print(entry, () => [describeEntry(entry!)]);
      return entry!.state === 'sent' ? EXIT.ok : EXIT.failed;
    }
    case 'cancel': {
      const result = await context.request('outbox.cancel', { outboxId });
      context.print(result, () => [`Cancelled outbox #${outboxId}; nothing was sent.`]);
      return 0;
    }
    case 'resolve': {
      if (Boolean(values['send-anyway']) === Boolean(values.discard)) throw new WrenError('BadRequest', USAGE);
      await context.request('outbox.resolve', { outboxId, action: values.discard ? 'discard' : 'sendAnyway' });
      if (values.discard) {
        context.print({ discarded: outboxId }, () => [`Discarded outbox #${outboxId}.`]);
        return 0;
      }
      const [entry] = await context.request('outbox.wait', { outboxIds: [outboxId] });
      context.print(entry, () => [describeEntry(entry!)]);
      return entry!.state === 'sent' ? EXIT.ok : EXIT.failed;
    }
    default:
      throw new WrenError('BadRequest', USAGE);
  }
}
