import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client.js';
import { AppProviders } from './app/AppProviders.js';
import { Startup } from './app/Startup.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders api={createApi()}>
      <Startup />
    </AppProviders>
  </StrictMode>,
);
