// Renderer entry and composition root: the React app for both editions (desktop window and
// browser edition), given the library it works on (database, undo history, notices).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LibraryProvider, type Library } from './app/library-context';
import { NoticeBoard } from './app/notices';
import { applyTheme, storedTheme } from './app/theme';
import { db, history } from './db/instance';
import './styles.css';

applyTheme(storedTheme());

void navigator.storage?.persist?.();

const library: Library = { db, history, notices: new NoticeBoard() };

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <LibraryProvider library={library}>
      <App />
    </LibraryProvider>
  </StrictMode>,
);
