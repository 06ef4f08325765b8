import type { Scenario } from '../model';
import type { Lesson } from '../model/lesson';
import type { WorldInput } from '../sim';
import { CODE_SCENARIO_IDS } from './code/ids';

/** Gallery texts are written in every language Warren speaks. */
export interface Localized {
  en: string;
  es: string;
}

/** The built-in scenarios, in gallery order (the RabbitMQ tutorials first). */
export const SCENARIO_IDS = [
  'hello-world',
  'work-queues',
  'publish-subscribe',
  'routing',
  'topics',
  'rpc',
  'rpc-direct-reply-to',
  'publisher-confirms',
  // the tutorials' earlier variants in Warren, which teach more on one point (three of them with lessons)
  'work-queues-speeds',
  'routing-severity',
  'topic-logs',
  'confirms-nack',
  'dead-letter-retry',
  'poison-messages',
  'priority-queue',
  'alternate-exchange',
  'mandatory-returns',
  'prefetch-compare',
  'max-length-overflow',
  'consumer-crash',
  'broker-restart',
  'headers-exchange',
  'exchange-to-exchange',
  'single-active-consumer',
  'stress',
  // the tutorials as amqplib programs (issue 13)
  ...CODE_SCENARIO_IDS,
] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

export function isScenarioId(value: unknown): value is ScenarioId {
  return typeof value === 'string' && (SCENARIO_IDS as readonly string[]).includes(value);
}

/** Tags the gallery can filter by (their names are translated in src/i18n: gallery.tag.*). */
export const TAGS = ['tutorial', 'exchanges', 'routing', 'consumers', 'reliability', 'dead-lettering', 'queues', 'performance', 'lesson', 'code'] as const;
export type Tag = (typeof TAGS)[number];

/** Something a person can do to the running simulation from a "What to try" suggestion. */
export type TryAction = Exclude<WorldInput, { type: 'scenario' }>;

export interface TryItem {
  text: Localized;
  /** when set, the suggestion has a "Try it" button that sends this input to the simulation */
  action?: TryAction;
}

export interface GalleryScenario {
  id: ScenarioId;
  title: Localized;
  /** one or two sentences for the gallery card */
  summary: Localized;
  /** what to watch while it runs */
  watch: Localized;
  /** two to four concrete things to try */
  tryThis: TryItem[];
  tags: Tag[];
  /** the document loaded into the editor: a valid model document, laid out left to right */
  scenario: Scenario;
  lesson?: Lesson;
  /** playback speed the scenario is best watched at (1 = real time) */
  speed?: number;
}
