import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refusedRecipients } from '../../../src-main/smtp/refused-recipients';
import { addAccount, tempStore } from '../store/temp-store';
import { queuedRow } from './outbox-rows';

describe('recipients the server refused while it took the message for the others', () => {
  it('each comes with the server’s reply to it, as nodemailer hands it over', () => {
    const info = {
      rejected: ['nobody@example.test', 'gone@example.test'],
      rejectedErrors: [
        { recipient: 'gone@example.test', response: '550 5.1.1 <gone@example.test>: User unknown', message: 'Recipient command failed' },
        { recipient: 'nobody@example.test', response: '553 5.7.1 <nobody@example.test>: Relay access denied' },
      ],
    };
    expect(refusedRecipients(info)).toEqual([
      { address: 'nobody@example.test', reply: '553 5.7.1 <nobody@example.test>: Relay access denied' },
      { address: 'gone@example.test', reply: '550 5.1.1 <gone@example.test>: User unknown' },
    ]);
    expect(refusedRecipients({ rejected: ['quiet@example.test'] })).toEqual([{ address: 'quiet@example.test', reply: '' }]);
    expect(refusedRecipients({})).toEqual([]);
  });

  describe('as the outbox keeps them', () => {
    let temp: ReturnType<typeof tempStore>;
    beforeEach(() => (temp = tempStore()));
    afterEach(() => temp.dispose());

    it('a row sent before the reply was kept reads as its addresses with no reply', () => {
      const id = queuedRow(temp.store, addAccount(temp.store, 'a'), 1);
      temp.store.db.prepare(`UPDATE outbox SET state = 'sent', refused_json = ? WHERE id = ?`).run(JSON.stringify(['old@example.test']), id);
      expect(temp.store.outbox.get(id)?.refused).toEqual([{ address: 'old@example.test', reply: '' }]);
    });
  });
});
