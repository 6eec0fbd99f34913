import { afterAll, beforeAll } from 'vitest';
import { startLab, type Lab } from '../../lab/lab';
import { labDraft, startCore, type TestCore } from '../imap/lab-core';

export interface LabAccount {
  lab: Lab;
  wren: TestCore;
  /** Alice's account (lab.users[0]), added through the contract as the UI adds one. */
  accountId: number;
}

/**
 * A lab, a core and Alice's account for the tests of one describe block: started before them, stopped
 * after. Read the fields inside the tests (they are set once beforeAll has run).
 */
export function useLabAccount(): LabAccount {
  const fixture = {} as LabAccount;
  beforeAll(async () => {
    fixture.lab = await startLab();
    fixture.wren = startCore();
    fixture.accountId = (await fixture.wren.call('accounts.add', labDraft(fixture.lab, fixture.lab.users[0]!))).id;
  });
  afterAll(async () => {
    await fixture.wren?.dispose();
    await fixture.lab?.stop();
  });
  return fixture;
}
