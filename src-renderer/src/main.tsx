// Renderer entry: the React app for both editions (desktop window and browser edition).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { applyTheme, storedTheme } from './app/theme';
import './styles.css';

applyTheme(storedTheme());

void navigator.storage?.persist?.();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
