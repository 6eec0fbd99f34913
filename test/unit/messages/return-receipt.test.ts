import { describe, expect, it } from 'vitest';
import { readReceiptRequest } from '../../../src-main/messages/return-receipt';

const head = (...lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n\r\nbody\r\n`, 'latin1');

describe('readReceiptRequest (RFC 8098 Disposition-Notification-To)', () => {
  it('the address asked at, with its name dropped; not elsewhere when it is the Return-Path', () => {
    expect(readReceiptRequest(head('Return-Path: <Alice@Example.test>', 'From: Alice <alice@example.test>', 'Disposition-Notification-To: "Alice A." <alice@example.test>')))
      .toEqual({ to: 'alice@example.test', elsewhere: false });
  });

  it('compares with the Return-Path where there is one (RFC 8098 section 2.1), else with From', () => {
    expect(readReceiptRequest(head('Return-Path: <bounces@mailer.test>', 'From: alice@example.test', 'Disposition-Notification-To: alice@example.test')))
      .toEqual({ to: 'alice@example.test', elsewhere: true });
    expect(readReceiptRequest(head('From: alice@example.test', 'Disposition-Notification-To: watcher@tracker.test')))
      .toEqual({ to: 'watcher@tracker.test', elsewhere: true });
    expect(readReceiptRequest(head('From: alice@example.test', 'disposition-notification-to: ALICE@example.test')))
      .toEqual({ to: 'alice@example.test', elsewhere: false });
  });

  it('several addresses: only the first is answered; a folded field is read whole', () => {
    expect(readReceiptRequest(head('From: a@x.test', 'Disposition-Notification-To: a@x.test,', ' b@y.test'))).toEqual({ to: 'a@x.test', elsewhere: false });
  });

  it('none: no field, an empty or unreadable one, or a receipt itself', () => {
    expect(readReceiptRequest(head('From: a@x.test', 'Subject: hi'))).toBeNull();
    expect(readReceiptRequest(head('From: a@x.test', 'Disposition-Notification-To: '))).toBeNull();
    expect(readReceiptRequest(head('From: a@x.test', 'Disposition-Notification-To: a@x.test',
      'Content-Type: multipart/report;', ' report-type="disposition-notification"; boundary=b'))).toBeNull();
    // Another kind of report (a bounce) that asks for one is a request like any other.
    expect(readReceiptRequest(head('From: a@x.test', 'Disposition-Notification-To: a@x.test', 'Content-Type: multipart/report; report-type=delivery-status; boundary=b')))
      .toEqual({ to: 'a@x.test', elsewhere: false });
  });
});
