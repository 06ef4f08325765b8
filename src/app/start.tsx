import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Root } from './Root';

/** Renders the app into `root` (main.tsx calls it once the chosen language's dictionary is loaded). */
export function start(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
