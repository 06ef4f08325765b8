// Unit tests translate synchronously in both languages: both dictionaries are registered up front
// (the app loads only the chosen one, see translate.ts).
import { en } from './messages.en';
import { es } from './messages.es';
import { registerDictionary } from './translate';

registerDictionary('en', en);
registerDictionary('es', es);
