/// <reference types="vite/client" />
// The entry, small on purpose: it starts fetching, all at the same moment, what the first canvas
// needs (each a chunk of its own): the part of the chosen language's dictionary that the first
// canvas uses (translate.ts; the rest follows once it is drawn), the app
// (start.tsx), and, when something is saved or the page was opened with a link, the validators
// that read it (store/validators.ts) and the link's decoder (boot.ts); then it renders. The edits that
// validate with zod load soon after (store/editOps.ts). The style
// sheets are imported here so that the page links them from its <head>. (zod is configured
// wherever it is first imported: see src/zodConfig.ts.)
import '@xyflow/react/dist/style.css';
import './app.css';
import { initialLocale, loadDictionary, loadRestOfText } from '../i18n/translate';
import { loadEditOps } from '../store/editOps';
import { linkInHash, somethingSaved } from './firstLoad';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const link = linkInHash();
const jobs: Promise<unknown>[] = [loadDictionary(initialLocale()), import('./start')];
if (link) jobs.push(import('./boot'), import('../store/sharedWork'));
const validators = () => import('../store/restoring');
if (link || somethingSaved()) jobs.push(validators());
Promise.all(jobs)
  .then(([, app]) => {
    (app as typeof import('./start')).start(root);
    // the rest of the dictionary at once: the first part holds only what the first canvas says, and
    // everything loaded from now on (dialogs, the inspector, the dock's panels) waits for the rest
    void loadRestOfText();
    // once the page is up: a first visit gets the validators too (saving and reopening work needs
    // them), and every visit the edits that validate (store/editOps.ts), before the person's first
    // edit: a second after the first canvas, or at the first press of a pointer or key if sooner
    // (a line being drawn then finds them loaded when it is dropped)
    const soon = () => {
      void validators();
      void loadEditOps();
    };
    setTimeout(soon, 1000);
    for (const type of ['pointerdown', 'keydown']) addEventListener(type, soon, { once: true, capture: true, passive: true });
  })
  .catch((e: unknown) => {
    // nothing of the app could load (the network went away between the page and its scripts):
    // say so in both languages, since neither dictionary may be here
    root.textContent = `Warren could not load (${String(e)}). Reload the page. · Warren no pudo cargarse. Recarga la página.`;
  });
