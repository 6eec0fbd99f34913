// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src-renderer/components/App';
import { rendererStyleSheets } from '../renderer-style-sheets.mjs';
import { FakeClient, renderWithClient } from './fake-client';
import { settingsCore } from './settings-core';

// The app's real style sheets, so the computed colours are the ones its CSS gives.
const appStyles = document.createElement('style');
appStyles.textContent = rendererStyleSheets();
document.head.append(appStyles);

afterEach(() => {
  cleanup();
  delete document.documentElement.dataset.theme;
});

/** The theme's colours (styles/app.css), as the buttons beside these controls take them. */
const THEMES = {
  dark: { surface: '#1c1c1f', text: '#e8e8ed', border: '#4a4a52' },
  light: { surface: '#ffffff', text: '#1d1d1f', border: '#c4c4cc' },
} as const;

describe("the list header's and the quick filter's native controls", () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`take the ${theme} theme's colours, not the platform's`, async () => {
      renderWithClient(<App />, new FakeClient(settingsCore({ theme }).handlers));
      const sort = await screen.findByTestId('list-sort-by');
      await waitFor(() => expect(document.documentElement.dataset.theme).toBe(theme));
      for (const control of [sort, screen.getByTestId('list-filter-text'), sort.querySelector('option')!]) {
        const style = getComputedStyle(control);
        expect(style.backgroundColor, control.tagName).toBe(THEMES[theme].surface);
        expect(style.color, control.tagName).toBe(THEMES[theme].text);
      }
      for (const control of [sort, screen.getByTestId('list-filter-text')]) {
        expect(getComputedStyle(control).borderTopColor, control.tagName).toBe(THEMES[theme].border);
      }
    });
  }
});
