// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadingPane } from '../../../src-renderer/components/ReadingPane';
import { en } from '../../../src-renderer/i18n/en';
import { zh } from '../../../src-renderer/i18n/zh';
import { FakeClient, renderWithClient } from './fake-client';
import { MESSAGE } from './mail-fixtures';
import { ToastProvider } from '../../../src-renderer/components/Toasts/toast-context';

afterEach(cleanup);

const warnings = ['wren:BoundaryRecovered', 'wren:NestingTooDeep', 'wren:DiskFull', 'part 1: invalid base64, skipped 3 characters'];

describe('ReadingPane warnings', () => {
  it.each([['en', en], ['zh', zh]] as const)('puts coded warnings into words (%s), plain ones as they came', async (language, dictionary) => {
    const client = new FakeClient({ 'messages.read': () => ({ ...MESSAGE, warnings }) });
    renderWithClient(<ToastProvider><ReadingPane message={MESSAGE} accountId={1} /></ToastProvider>, client, language);
    const items = [...(await screen.findByTestId('message-warnings')).querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([dictionary.strings['warning.boundaryRecovered'], dictionary.strings['warning.nestingTooDeep'], dictionary.errors.DiskFull, warnings[3]]);
  });
});
