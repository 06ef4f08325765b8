import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { GALLERY } from '../../scenarios';
import { describeGoal } from './goalText';

describe('describeGoal', () => {
  it('says what a goal asks, naming consumers after their app, in the reader\'s language', () => {
    const doc = GALLERY['work-queues-speeds'].scenario;
    expect(describeGoal(translator('en'), { type: 'acked', consumer: 'app-worker-fast-sub', count: 10 }, doc)).toBe('A message is acked · Consumer: worker-fast · How many times: 10');
    expect(describeGoal(translator('es'), { type: 'queue-depth', queue: 'task_queue', of: 'unacked', atLeast: 5 }, doc)).toBe(
      'Mensajes en una cola · Cola: task_queue · Contar: mensajes sin confirmar · Al menos: 5',
    );
    expect(describeGoal(translator('en'), { type: 'confirmed', ack: false }, doc)).toBe('A publisher confirm arrives · Confirm: nack');
  });
});
