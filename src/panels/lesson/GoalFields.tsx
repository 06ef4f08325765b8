import type { MessageKey, Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import type { Scenario } from '../../model';
import { DEATH_REASONS, DROP_REASONS, type Goal, type GoalType } from '../../model/lesson';
import { goalSchema } from '../../model/schemas/lesson';
import { NumberField, type Option, SelectField, TextField } from '../form/fields';
import { clientNames } from './goalText';

type Param = 'queue' | 'exchange' | 'consumer' | 'publisher' | 'routingKey' | 'key' | 'count' | 'minDeaths' | 'requeue' | 'deathReason' | 'dropReason' | 'ack' | 'of' | 'atLeast' | 'atMost' | 'exists';

/** The parameters of each goal type; names ending in "!" are required. */
const PARAMS: Record<GoalType, string[]> = {
  'message-enqueued': ['queue!', 'routingKey', 'count'],
  delivered: ['queue', 'consumer', 'minDeaths', 'count'],
  acked: ['queue', 'consumer', 'count'],
  nacked: ['queue', 'consumer', 'requeue', 'count'],
  redelivered: ['queue', 'consumer', 'count'],
  'dead-lettered': ['queue', 'deathReason', 'count'],
  expired: ['queue', 'count'],
  dropped: ['queue', 'dropReason', 'count'],
  returned: ['publisher', 'count'],
  unroutable: ['exchange', 'count'],
  confirmed: ['publisher', 'ack', 'count'],
  'binding-exists': ['exchange!', 'queue!', 'key'],
  'queue-depth': ['queue!', 'of', 'atLeast', 'atMost'],
  'consumer-count': ['queue!', 'atLeast', 'atMost'],
  'queue-exists': ['queue!', 'exists!'],
};

const ANY = '\u0000any';

/** Options for a name: those of the topology, plus the current value if the topology lacks it. */
function nameOptions(t: Translate, names: [string, string][], current: string | undefined, required: boolean): Option<string>[] {
  const opts: Option<string>[] = required ? [] : [{ value: ANY, label: t('goal.any') }];
  for (const [value, label] of names) opts.push({ value, label });
  if (current !== undefined && !names.some(([v]) => v === current)) opts.push({ value: current, label: t('field.missing', { name: current }) });
  return opts;
}

/**
 * The parameters of a step's goal, with dropdowns filled from the current topology: its queues,
 * exchanges, consumers and publishers (by their app's name). A change that the lesson schema refuses
 * is reported on the field and not applied.
 */
export function GoalFields({ goal, doc, onChange }: { goal: Goal; doc: Scenario; onChange: (goal: Goal) => void }) {
  const t = useT();
  const g = goal as Record<string, unknown>;
  const names = clientNames(doc);
  const set = (field: string, value: unknown) => {
    const next: Record<string, unknown> = { ...g };
    if (value === undefined) delete next[field];
    else next[field] = value;
    const r = goalSchema.safeParse(next);
    if (!r.success) return [{ path: [field], explanation: { key: 'validation.invalid' as const } }];
    onChange(r.data);
    return null;
  };
  const label = (p: string) => t(`goal.param.${p}` as MessageKey);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

  const field = (spec: string) => {
    const required = spec.endsWith('!');
    const p = spec.replace('!', '') as Param;
    const select = (field: string, names: [string, string][]) => (
      <SelectField key={p} label={label(field)} value={str(g[field]) ?? ANY} options={nameOptions(t, names, str(g[field]), required)} onCommit={(v) => set(field, v === ANY ? undefined : v)} />
    );
    const choice = (field: string, value: string, options: Option<string>[], toValue: (v: string) => unknown) => (
      <SelectField key={p} label={label(field)} value={value} options={options} onCommit={(v) => set(field, toValue(v))} />
    );
    switch (p) {
      case 'queue':
        return select('queue', doc.queues.map((q) => [q.name, q.name]));
      case 'exchange':
        return select('exchange', doc.exchanges.map((e) => [e.name, e.name]));
      case 'consumer':
        return select('consumer', [...names.consumers]);
      case 'publisher':
        return select('publisher', [...names.publishers]);
      case 'routingKey':
      case 'key':
        return <TextField key={p} label={label(p)} placeholder={t('goal.anyKey')} value={str(g[p]) ?? ''} onCommit={(v) => set(p, v === '' ? undefined : v)} />;
      case 'count':
      case 'minDeaths':
      case 'atLeast':
      case 'atMost':
        return <NumberField key={p} label={label(p)} optional value={num(g[p])} onCommit={(v) => set(p, v)} />;
      case 'requeue':
        return choice('requeue', g.requeue === undefined ? 'either' : g.requeue ? 'yes' : 'no', ['either', 'yes', 'no'].map((v) => ({ value: v, label: t(`goal.opt.${v}` as MessageKey) })), (v) => (v === 'either' ? undefined : v === 'yes'));
      case 'exists':
        return choice('exists', g.exists === false ? 'no' : 'yes', ['yes', 'no'].map((v) => ({ value: v, label: t(`goal.opt.${v}` as MessageKey) })), (v) => v === 'yes');
      case 'ack':
        return choice('ack', g.ack === false ? 'nack' : 'ack', ['ack', 'nack'].map((v) => ({ value: v, label: t(`goal.opt.${v}` as MessageKey) })), (v) => v === 'ack');
      case 'of':
        return choice('of', g.of === 'unacked' ? 'unacked' : 'ready', ['ready', 'unacked'].map((v) => ({ value: v, label: t(`goal.opt.${v}` as MessageKey) })), (v) => (v === 'unacked' ? 'unacked' : undefined));
      case 'deathReason':
      case 'dropReason': {
        const reasons = p === 'deathReason' ? DEATH_REASONS : DROP_REASONS;
        return choice('reason', str(g.reason) ?? ANY, [{ value: ANY, label: t('goal.any') }, ...reasons.map((r) => ({ value: r, label: r }))], (v) => (v === ANY ? undefined : v));
      }
    }
  };
  return <div className="goal-fields">{PARAMS[goal.type].map(field)}</div>;
}
