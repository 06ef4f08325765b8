import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore';
import { AUTOSAVE_KEY, type KeyValueStorage } from './persistence';
import { watchStorage } from './storageHealth';

/** A storage that refuses writes while `full` is set, as a browser does past its quota. */
function quota() {
  const map = new Map<string, string>();
  const s = {
    full: false,
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (s.full) throw new DOMException('quota', 'QuotaExceededError');
      map.set(k, v);
    },
  };
  return s;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('whether work is being saved', () => {
  it('storage blocked altogether: said at once', () => {
    expect(watchStorage(undefined).health.getState().problem).toBe('blocked');
  });

  it('storage that refuses every write (blocked or full from the start): said at once, before any edit', () => {
    const real = quota();
    real.full = true;
    expect(watchStorage(real).health.getState().problem).toBe('full');
    const throwing: KeyValueStorage = { getItem: () => null, setItem: () => { throw new DOMException('no', 'SecurityError'); } };
    expect(watchStorage(throwing).health.getState().problem).toBe('blocked');
  });

  it('an autosave that fails is noticed; one that succeeds later clears it', async () => {
    const real = quota();
    const { storage, health } = watchStorage(real);
    expect(health.getState().problem).toBeNull();
    const editor = createEditorStore({ storage, autosaveMs: 0 });
    real.full = true;
    editor.getState().edit((d) => ({ ...d, title: 'first' }));
    await tick();
    expect(health.getState().problem).toBe('full');
    expect(real.map.has(AUTOSAVE_KEY)).toBe(false);
    real.full = false;
    editor.getState().edit((d) => ({ ...d, title: 'second' }));
    await tick();
    expect(health.getState().problem).toBeNull();
    expect(JSON.parse(real.map.get(AUTOSAVE_KEY)!).title).toBe('second');
  });
});
