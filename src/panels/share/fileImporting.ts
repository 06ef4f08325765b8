// What opening a file needs (reading scenario files and RabbitMQ definitions, their validation and
// layout), loaded when a file is first opened: see useFileImport.ts.
export { importDefinitions } from '../../share';
export { sessionOf } from '../../store/sharedWork';
export { fromDefinitions, readFileContent } from './importKind';
