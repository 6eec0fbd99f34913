// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusBanners } from '../../../src-renderer/components/StatusBanners';
import type { AccountStatus } from '../../../src-renderer/components/MailView/use-account-activity';
import { I18nProvider } from '../../../src-renderer/i18n/i18n-context';
import { ACCOUNT } from './mail-fixtures';

afterEach(cleanup);

const home = { ...ACCOUNT, name: 'Home', protocol: 'pop3' as const };

function renderBanners(status: AccountStatus, language: 'en' | 'zh' = 'en') {
  render(
    <I18nProvider language={language}>
      <StatusBanners accounts={[home]} statuses={new Map([[home.id, status]])} />
    </I18nProvider>,
  );
}

describe('status banners: warnings of a sync that went well', () => {
  it('a POP3 server that changed its UIDLs: a banner in words, in English and Chinese', () => {
    renderBanners({ accountId: home.id, state: 'idle', error: null, retryAt: null, warnings: ['wren:Pop3UidlsChanged', 'wren:Pop3UidlsDuplicated'] });
    const banner = screen.getByTestId(`account-warnings-${home.id}`);
    expect(banner.textContent).toContain('Home');
    expect(banner.textContent).toContain('changed the IDs (UIDLs) of messages already downloaded');
    expect(banner.textContent).toContain('gives the same ID (UIDL) to more than one message');
    cleanup();
    renderBanners({ accountId: home.id, state: 'idle', error: null, retryAt: null, warnings: ['wren:Pop3UidlsChanged'] }, 'zh');
    expect(screen.getByTestId(`account-warnings-${home.id}`).textContent).toContain('更改了已下载邮件的标识');
  });

  it('no warnings: no banner', () => {
    renderBanners({ accountId: home.id, state: 'idle', error: null, retryAt: null });
    expect(screen.queryByTestId(`account-warnings-${home.id}`)).toBeNull();
  });
});

describe('status banners: working offline', () => {
  it('no banner of its own for an account offline by the user\'s choice: one banner says it for all (WorkOfflineBanner)', () => {
    renderBanners({ accountId: home.id, state: 'offline', error: { code: 'WorkingOffline', message: 'x' }, retryAt: null });
    expect(screen.queryByTestId(`account-status-${home.id}`)).toBeNull();
    expect(screen.queryByTestId(`account-warnings-${home.id}`)).toBeNull();
  });
});
