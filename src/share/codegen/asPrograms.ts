import { PROGRAM_NAME, PROGRAMS_MAX, type ProgramFile, type Scenario } from '../../model';
import { generateCode } from './files';

/**
 * "Open as programs": the scenario's simulated clients become the amqplib programs "Show code" writes
 * for them, in the Programs panel, to run in their place. The document keeps its exchanges, queues and
 * bindings (the programs declare them again, which changes nothing), except the exclusive queues: they
 * belong to the connection that declares them, the consumer program's. Its apps go: the programs are
 * those clients now. The runs start the consumers first, then the producers, as a person would.
 */
export function asPrograms(doc: Scenario): { doc: Scenario; dropped: number } {
  const code = generateCode(doc, 'node').filter((f) => f.role !== 'setup' && PROGRAM_NAME.test(f.name));
  const ordered = [...code.filter((f) => f.role === 'consumer'), ...code.filter((f) => f.role === 'producer')];
  const kept = ordered.slice(0, PROGRAMS_MAX);
  const files: ProgramFile[] = kept.map((f) => ({ name: f.name, source: f.code, args: '' }));
  const exclusive = new Set(doc.queues.filter((q) => q.exclusive).map((q) => q.id));
  return {
    doc: {
      ...doc,
      queues: doc.queues.filter((q) => !exclusive.has(q.id)),
      bindings: doc.bindings.filter((b) => !(b.destinationType === 'queue' && exclusive.has(b.destination))),
      apps: [],
      programs: { files, runs: files.map((f) => ({ file: f.name, args: '' })) },
    },
    dropped: ordered.length - kept.length,
  };
}
