import type { Scenario } from '../../model';
import { nodeConsumer, nodeProducer, nodeSetup } from './node';
import type { CodeLocale } from './headerText';
import { type CodePlan, planCode } from './plan';
import { pythonConsumer, pythonProducer, pythonSetup } from './python';

export const CODE_LANGUAGES = ['node', 'python'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

export interface CodeFile {
  /** A file name to save it as ("producer-orders-api.js"). */
  name: string;
  role: 'setup' | 'producer' | 'consumer';
  /** The app it comes from (empty for the setup program). */
  app: string;
  code: string;
}

const EXT: Record<CodeLanguage, string> = { node: 'js', python: 'py' };

/**
 * How to point a program at another broker, as its header comment and the Code dialog say it: an
 * AMQP URI, where the vhost "/" is written %2F (amqplib and pika both decode it).
 */
export const CONNECTION_HINT = 'AMQP_URL=amqp://user:password@host:5672/%2F';

/** The hint for a language's programs (the same for both: they read the same URI). */
export function connectionHint(_language: CodeLanguage): string {
  return CONNECTION_HINT;
}

/**
 * "Show code": runnable client programs for the scenario, as plain strings. One setup program that
 * declares the topology, one program per publisher and one per subscribed consumer; each declares the
 * topology too, so any of them can be started first.
 */
export function generateCode(s: Scenario, language: CodeLanguage, locale: CodeLocale = 'en'): CodeFile[] {
  const plan: CodePlan = planCode(s, locale);
  const gen = language === 'node' ? { setup: nodeSetup, producer: nodeProducer, consumer: nodeConsumer } : { setup: pythonSetup, producer: pythonProducer, consumer: pythonConsumer };
  const ext = EXT[language];
  return [
    { name: `setup.${ext}`, role: 'setup', app: '', code: gen.setup(plan) },
    ...plan.producers.map((p): CodeFile => ({ name: `${p.file}.${ext}`, role: 'producer', app: p.app, code: gen.producer(plan, p) })),
    ...plan.consumers.map((c): CodeFile => ({ name: `${c.file}.${ext}`, role: 'consumer', app: c.app, code: gen.consumer(plan, c) })),
  ];
}
