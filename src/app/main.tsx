/// <reference types="vite/client" />
// The entry, small on purpose: it starts fetching the chosen language's dictionary and the app at
// the same moment (each is its own chunk, see translate.ts and start.tsx), and renders when both
// are in. The style sheets are imported here so that the page links them from its <head>.
import '@xyflow/react/dist/style.css';
import './app.css';
import { initialLocale, loadDictionary } from '../i18n/translate';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
Promise.all([loadDictionary(initialLocale()), import('./start')])
  .then(([, app]) => app.start(root))
  .catch((e: unknown) => {
    // nothing of the app could load (the network went away between the page and its scripts):
    // say so in both languages, since neither dictionary may be here
    root.textContent = `Warren could not load (${String(e)}). Reload the page. · Warren no pudo cargarse. Recarga la página.`;
  });
