/** "Show code": client programs (Node.js amqplib, Python pika) for a scenario's topology and clients. */
export { jsString, pyString } from './escape';
export { CODE_LANGUAGES, type CodeFile, type CodeLanguage, CONNECTION_HINT, connectionHint, generateCode } from './files';
export { type CodePlan, planCode } from './plan';
export { asPrograms } from './asPrograms';
