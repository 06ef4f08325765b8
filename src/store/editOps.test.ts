import { describe, expect, it, vi } from 'vitest';
import { logsTopology } from '../model/testing/build';

describe('edit operations loaded on first use', () => {
  it('runs an edit asked for before they have loaded once they arrive, in the order asked, then at once', async () => {
    // a fresh copy of the module: the test setup has loaded the shared one
    vi.resetModules();
    const ops = await import('./editOps');
    expect(ops.editOpsLoaded()).toBeNull();
    const order: string[] = [];
    const first = ops.withEditOps(() => order.push('first'));
    const second = ops.withEditOps(() => order.push('second'));
    expect(order).toEqual([]);
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    ops.withEditOps(() => order.push('now'));
    expect(order).toEqual(['first', 'second', 'now']);
  });

  it('a line drawn before they have loaded is applied when they arrive', async () => {
    vi.resetModules();
    const { createEditorStore } = await import('./editorStore');
    const { loadEditOps } = await import('./editOps');
    const { doc, all, c } = logsTopology();
    const store = createEditorStore({ initial: doc });
    const queueOfC = () => store.getState().doc.apps.find((a) => a.id === c)!.consumers[0]!.queue;
    expect(store.getState().connect({ node: all }, { node: c })).toMatchObject({ action: 'subscribe', queue: 'all' });
    expect(queueOfC()).toBe('errors');
    await loadEditOps();
    expect(queueOfC()).toBe('all');
  });
});
