// Before every unit test file: both dictionaries and the document validators, which the app loads
// as chunks of their own (see src/i18n/translate.ts and src/store/validators.ts).
import './i18n/testSetup';
import { validatorsReady } from './store/restoring';

if (!validatorsReady) throw new Error('the document validators did not load');
