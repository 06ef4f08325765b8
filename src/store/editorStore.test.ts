import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PORT } from '../model';
import { logsTopology } from '../model/testing/build';
import { createEditorStore } from './editorStore';
import { AUTOSAVE_KEY, BACKUP_KEY } from './persistence';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

describe('editor store', () => {
  it('records every edit for undo and redo', () => {
    const store = createEditorStore();
    const s = store.getState();
    const x = s.addFromPalette('exchange', { x: 0, y: 0 });
    s.addFromPalette('queue', { x: 0, y: 200 });
    expect(store.getState().selection.nodes).toHaveLength(1);
    expect(store.getState().doc.queues).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.queues).toHaveLength(0);
    expect(store.getState().selection.nodes).toEqual([]); // the undone queue is no longer selected
    store.getState().undo();
    expect(store.getState().doc.exchanges).toHaveLength(0);
    store.getState().undo(); // nothing more: no-op
    store.getState().redo();
    expect(store.getState().doc.exchanges.map((e) => e.id)).toEqual([x]);
    store.getState().redo();
    expect(store.getState().doc.queues).toHaveLength(1);
    store.getState().undo();
    store.getState().addFromPalette('producer', { x: -500, y: 0 });
    store.getState().redo(); // a new edit forgot the undone queue
    expect(store.getState().doc.queues).toHaveLength(0);
  });

  it('makes a whole drag one undo step and keeps apps outside the broker when it ends', () => {
    const { doc, p, logs } = logsTopology();
    const store = createEditorStore({ initial: doc });
    const start = store.getState().doc;
    store.getState().moveNodes({ [logs]: { x: 300, y: 300 } }, false);
    store.getState().moveNodes({ [logs]: { x: 310, y: 310 } }, false);
    const logsPos = doc.exchanges[0]!.position;
    store.getState().moveNodes({ [p]: { x: logsPos.x, y: logsPos.y } }, true); // an app dropped into the broker
    const after = store.getState().doc;
    expect(after.exchanges[0]!.position).toEqual({ x: 310, y: 310 });
    expect(after.apps.find((a) => a.id === p)!.position.x).not.toBe(logsPos.x);
    store.getState().undo();
    expect(store.getState().doc).toBe(start);
  });

  it('asks for the key of a drawn binding, refuses what AMQP forbids with a fix, and applies the fix', async () => {
    const { doc, p, logs, errors } = logsTopology();
    const store = createEditorStore({ initial: doc });
    expect(store.getState().connect({ node: logs, handle: PORT.out }, { node: errors })).toMatchObject({ action: 'bind' });
    expect(store.getState().pendingBinding).toMatchObject({ source: logs, destination: errors });
    expect(await store.getState().confirmBinding({ routingKey: '*.error', arguments: {} })).toMatchObject([{ explanation: { key: 'connect.duplicateBinding' } }]);
    expect(await store.getState().confirmBinding({ routingKey: 'kern.error', arguments: {} })).toBeNull();
    expect(store.getState().doc.bindings).toHaveLength(3);
    expect(store.getState().selection.edges).toEqual([store.getState().doc.bindings[2]!.id]);
    store.getState().connect({ node: p }, { node: errors });
    const notice = store.getState().notice!;
    expect(notice.message).toEqual({ key: 'connect.producerToQueue', params: { queue: 'errors' } });
    store.getState().applyFix(notice.fix!);
    expect(store.getState().doc.apps[0]!.publishers[0]).toMatchObject({ exchange: '', routingKeys: ['errors'] });
    expect(store.getState().notice).toBeNull();
  });

  it('copies and pastes the selection, deletes it, and undoes the deletion', () => {
    const { doc, logs, errors } = logsTopology();
    const store = createEditorStore({ initial: doc });
    store.getState().select({ nodes: [logs, errors] });
    expect(store.getState().copySelection()).toBe(true);
    const pasted = store.getState().paste();
    expect(store.getState().selection.nodes).toEqual(pasted);
    expect(store.getState().doc.exchanges.map((e) => e.name)).toEqual(['logs', 'logs-2']);
    store.getState().paste();
    expect(store.getState().doc.exchanges.map((e) => e.name)).toEqual(['logs', 'logs-2', 'logs-3']);
    store.getState().deleteSelection();
    expect(store.getState().doc.exchanges.map((e) => e.name)).toEqual(['logs', 'logs-2']);
    store.getState().undo();
    expect(store.getState().doc.exchanges).toHaveLength(3);
  });

  it('toggles the default exchange as an undoable edit, and keeps the viewport out of history', () => {
    const store = createEditorStore();
    store.getState().setShowDefaultExchange(true);
    store.getState().setViewport({ x: 1, y: 2, zoom: 1.5 });
    expect(store.getState().doc.layout?.viewport).toEqual({ x: 1, y: 2, zoom: 1.5 });
    store.getState().undo();
    expect(store.getState().doc.broker.showDefaultExchange).toBe(false);
  });
});

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves after a pause and restores on the next start', () => {
    const storage = new MemoryStorage();
    const store = createEditorStore({ storage, autosaveMs: 100 });
    store.getState().addFromPalette('queue', { x: 0, y: 0 });
    store.getState().addFromPalette('queue', { x: 0, y: 150 });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    vi.advanceTimersByTime(150);
    const again = createEditorStore({ storage });
    expect(again.getState().doc).toEqual(store.getState().doc);
    expect(again.getState().notice).toBeNull();
  });

  it('recovers a damaged save, keeps a backup and says so', () => {
    const storage = new MemoryStorage();
    const { doc } = logsTopology();
    const raw = JSON.parse(JSON.stringify(doc));
    raw.queues[0].name = '';
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(raw));
    const store = createEditorStore({ storage });
    expect(store.getState().notice).toMatchObject({ tone: 'warning', message: { key: 'restore.recovered', params: { count: 2 } } });
    expect(store.getState().doc.queues.map((q) => q.name)).toEqual(['all']);
    expect(storage.getItem(BACKUP_KEY)).toBe(JSON.stringify(raw));
    expect(createEditorStore({ storage }).getState().notice).toBeNull(); // the recovered state was saved
  });

  it('resets unreadable JSON with an error message instead of crashing', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"version":1,"exchanges":[{"id"');
    const store = createEditorStore({ storage });
    expect(store.getState().notice).toMatchObject({ tone: 'error', message: { key: 'restore.reset' } });
    expect(store.getState().doc.exchanges).toEqual([]);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"version":1,"exchanges":[{"id"');
  });

  it('survives storage that throws', () => {
    const storage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const store = createEditorStore({ storage, autosaveMs: 10 });
    store.getState().addFromPalette('exchange', { x: 0, y: 0 });
    vi.advanceTimersByTime(20);
    expect(store.getState().doc.exchanges).toHaveLength(1);
  });
});

describe('a new producer', () => {
  it("sends a greeting in the person's language", () => {
    const store = createEditorStore();
    store.getState().addFromPalette('producer', { x: 0, y: 0 });
    expect(store.getState().doc.apps[0]!.publishers[0]!.message.body).toBe('Hello World!');
    store.getState().setDefaultBody('¡Hola, mundo!');
    store.getState().addFromPalette('producer', { x: 300, y: 0 });
    expect(store.getState().doc.apps[1]!.publishers[0]!.message.body).toBe('¡Hola, mundo!');
  });
});
