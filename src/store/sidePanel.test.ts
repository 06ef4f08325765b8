import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorStore';
import { createSidePanelStore, followSelection, guideVisible, SIDE_KEY } from './sidePanel';

class MemoryStorage {
  data = new Map<string, string>();
  getItem = (k: string) => this.data.get(k) ?? null;
  setItem = (k: string, v: string) => void this.data.set(k, v);
}

describe('side panel', () => {
  it('brings a tab forward, opening a folded panel; remembers folded and open', () => {
    const prefs = new MemoryStorage();
    const side = createSidePanelStore({ tab: 'inspector', prefs });
    expect(side.getState()).toMatchObject({ tab: 'inspector', expanded: true });
    expect(guideVisible(side.getState())).toBe(false);
    side.getState().setExpanded(false);
    expect(prefs.getItem(SIDE_KEY)).toBe('folded');
    expect(createSidePanelStore({ tab: 'guide', prefs }).getState().expanded).toBe(false);
    side.getState().show('guide');
    expect(side.getState()).toMatchObject({ tab: 'guide', expanded: true });
    expect(guideVisible(side.getState())).toBe(true);
    expect(prefs.getItem(SIDE_KEY)).toBe('open');
    // select() changes the tab only: a folded panel stays folded
    side.getState().setExpanded(false);
    side.getState().select('inspector');
    expect(side.getState()).toMatchObject({ tab: 'inspector', expanded: false });
  });

  it('works without storage, and with storage that throws', () => {
    expect(createSidePanelStore({ tab: 'guide' }).getState().expanded).toBe(true);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    const side = createSidePanelStore({ tab: 'guide', prefs: broken });
    side.getState().setExpanded(false);
    expect(side.getState().expanded).toBe(false);
  });

  it('editing the lesson shows the guide', () => {
    const side = createSidePanelStore({ tab: 'inspector' });
    side.getState().setExpanded(false);
    side.getState().setEditing(true);
    expect(side.getState()).toMatchObject({ tab: 'guide', expanded: true, editing: true });
    side.getState().setEditing(false);
    expect(side.getState()).toMatchObject({ tab: 'guide', editing: false });
  });

  it('a new selection brings the inspector forward; clearing it or selecting the same again does not', () => {
    const editor = createEditorStore();
    const side = createSidePanelStore({ tab: 'guide' });
    const stop = followSelection(editor, side);
    const q = editor.getState().addFromPalette('queue', { x: 0, y: 0 });
    expect(side.getState().tab).toBe('inspector');
    side.getState().show('guide');
    editor.getState().select({ nodes: [q] }); // the same selection, a new object
    expect(side.getState().tab).toBe('guide');
    editor.getState().select({ nodes: [] });
    expect(side.getState().tab).toBe('guide');
    editor.getState().select({ nodes: [q] });
    expect(side.getState().tab).toBe('inspector');
    stop();
    side.getState().show('guide');
    editor.getState().select({ nodes: [] });
    editor.getState().select({ nodes: [q] });
    expect(side.getState().tab).toBe('guide');
  });
});
