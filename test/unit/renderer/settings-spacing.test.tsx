// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { rendererStyleSheets } from '../renderer-style-sheets.mjs';
import { FakeClient, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';

// The app's real style sheets, so the computed spacing is the one its CSS gives.
const appStyles = document.createElement('style');
appStyles.textContent = rendererStyleSheets();
document.head.append(appStyles);

afterEach(cleanup);

async function openSettings(language: 'en' | 'zh') {
  renderWithClient(<App />, new FakeClient(settingsCore({ returnReceipts: 'ask' }).handlers), language);
  fireEvent.click(await screen.findByTestId('open-settings'));
  return screen.findByTestId('settings');
}

describe("the settings' help lines and option names", () => {
  it('get more leading in Chinese, whose characters fill their whole em, than in English', async () => {
    for (const [language, leading] of [['en', '1.5'], ['zh', '1.75']] as const) {
      const settings = await openSettings(language);
      const hint = settings.querySelector('.settings__hint')!;
      const label = settings.querySelector('.field label')!;
      expect(getComputedStyle(hint).lineHeight, language).toBe(leading);
      expect(getComputedStyle(label).lineHeight, language).toBe(leading);
      cleanup();
    }
  });

  it('space the return receipts\' three cases apart as a section\'s options are', async () => {
    const cases = (await openSettings('zh')).querySelector('[data-testid="settings-receipt-cases"]')!;
    expect(getComputedStyle(cases).display).toBe('flex');
    expect(getComputedStyle(cases).gap).toBe('8px');
  });
});
