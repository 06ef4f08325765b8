// Before every unit test file: both dictionaries, the document validators and the validating edit
// operations, which the app loads as chunks of their own (see src/i18n/translate.ts,
// src/store/validators.ts and src/store/editOps.ts), so that tests see edits apply at once.
import './i18n/testSetup';
import { loadEditOps } from './store/editOps';
import { validatorsReady } from './store/restoring';

if (!validatorsReady) throw new Error('the document validators did not load');
await loadEditOps();
