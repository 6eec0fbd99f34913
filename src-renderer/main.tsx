import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientProvider } from './client/client-context';
import { createClient } from './client/create-client';
import { App } from './components/App';
import { I18nProvider } from './i18n/i18n-context';
import { SettingsProvider } from './settings/settings-context';
import './styles/app.css';
import './styles/print.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ClientProvider client={createClient()}>
      <I18nProvider>
        <SettingsProvider>
          <App />
        </SettingsProvider>
      </I18nProvider>
    </ClientProvider>
  </StrictMode>,
);
