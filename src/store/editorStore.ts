import { createStore } from 'zustand/vanilla';
import {
  addNode, DEFAULT_BODY, type BindingSpec, type ConnectFix, type ConnectPlan, checkConnection,
  copyFragment, deleteElements, type End, type Explanation, type ExchangeType, emptyScenario, type FieldIssue,
  type Fragment, isEmptyFragment, keepAppsOutsideBroker, makeRoom, moveNodes, type OpResult, type PaletteKind,
  type Position, pasteFragment, type Scenario, type SizeOf, type Viewport,
} from '../model';
import { withEditOps } from './editOps';
import { emptyHistory, type History, record, redo, undo } from './history';
import { type KeyValueStorage, loadAutosave, saveAutosave } from './persistence';

/** A message shown over the canvas: a refused connection (maybe with a fix), a restore report, ... */
export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  message: Explanation;
  details?: Explanation[];
  fix?: ConnectFix;
  /** the notice offers Undo (what it tells about can be undone) */
  undo?: true;
}

export interface Selection {
  nodes: string[];
  edges: string[];
}

export type PendingBinding = Extract<ConnectPlan, { action: 'bind' }>;

export interface EditorState {
  doc: Scenario;
  history: History<Scenario>;
  selection: Selection;
  /** The document before a drag started: the whole drag becomes one undo step. */
  gesture: Scenario | null;
  clipboard: Fragment | null;
  notice: Notice | null;
  /** A binding being drawn: the dialog asks for its key / arguments before it exists. */
  pendingBinding: PendingBinding | null;
  /** The body a new producer sends, in the person's language (the app sets it with the language). */
  defaultBody: string;
  setDefaultBody(body: string): void;

  /** Runs a pure operation; on success the result becomes the document (one undo step). */
  run<X extends object>(op: (doc: Scenario) => OpResult<X>): OpResult<X>;
  /** Replaces the document with one computed from it (one undo step, none if unchanged). */
  edit(f: (doc: Scenario) => Scenario): void;
  undo(): void;
  redo(): void;
  select(selection: Partial<Selection>): void;
  addFromPalette(kind: PaletteKind, position: Position, sizeOf?: SizeOf, exchangeType?: ExchangeType): string;
  /** Positions while dragging (final=false) are shown but recorded only when the drag ends. */
  moveNodes(positions: Record<string, Position>, final: boolean, sizeOf?: SizeOf): void;
  /**
   * Nodes that grew as drawn (a channel added) push the nodes they now cover. A consequence of the
   * edit that made them grow, not an edit of its own: no undo step (undoing that edit brings the old
   * places back with it).
   */
  makeRoom(grown: string[], sizeOf?: SizeOf): void;
  /**
   * A line drawn between two handles: performed, or asked about (bindings), or refused with a reason.
   * (Performing it validates: see editOps.ts for the moment before the schemas have loaded.)
   */
  connect(source: End, target: End): ConnectPlan | { action: 'refuse' };
  /** Creates the binding being drawn with its key and arguments; resolves with what is wrong with them, if anything. */
  confirmBinding(spec: BindingSpec): Promise<FieldIssue[] | null>;
  cancelBinding(): void;
  applyFix(fix: ConnectFix): void;
  deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  deleteSelection(): void;
  copySelection(): boolean;
  paste(): string[];
  /** Lays the document out again; resolves once the new positions are committed (the layout engine loads on first use). */
  tidy(sizeOf?: SizeOf): Promise<void>;
  setShowDefaultExchange(show: boolean): void;
  /** The view is remembered with the document but is not an edit (no undo step). */
  setViewport(viewport: Viewport): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(): void;
  /** Replaces the whole document (a scenario from the gallery or a link): undoable. */
  load(doc: Scenario): void;
}

export interface EditorOptions {
  storage?: KeyValueStorage;
  storageKey?: string;
  /** Debounce of autosave: a burst of edits is written once. */
  autosaveMs?: number;
  initial?: Scenario;
}

let noticeIds = 0;

export function createEditorStore(options: EditorOptions = {}) {
  const { storage, storageKey, autosaveMs = 300 } = options;
  const loaded = options.initial ? null : loadAutosave(storage, storageKey);
  const initialNotice: Notice | null =
    loaded && loaded.status !== 'ok'
      ? { id: ++noticeIds, tone: loaded.status === 'reset' ? 'error' : 'warning', message: loaded.problems[0]!, details: loaded.problems.slice(1) }
      : null;

  const store = createStore<EditorState>()((set, get) => {
    /** Makes `next` the document, recording the current one for undo. */
    const commit = (next: Scenario, extra: Partial<EditorState> = {}) => {
      const { doc, history } = get();
      if (next === doc) return void (Object.keys(extra).length && set(extra));
      set({ doc: next, history: record(history, doc), gesture: null, ...extra });
    };
    const refuse = (message: Explanation, fix?: ConnectFix) =>
      set({ notice: { id: ++noticeIds, tone: 'warning', message, ...(fix ? { fix } : {}) } });
    const existing = (doc: Scenario, sel: Selection): Selection => {
      const ids = new Set([...doc.exchanges, ...doc.queues, ...doc.apps].map((n) => n.id));
      return { nodes: sel.nodes.filter((id) => ids.has(id) || id === 'amq.default'), edges: sel.edges };
    };

    return {
      doc: options.initial ?? loaded?.scenario ?? emptyScenario(),
      history: emptyHistory(),
      selection: { nodes: [], edges: [] },
      gesture: null,
      clipboard: null,
      notice: initialNotice,
      pendingBinding: null,
      defaultBody: DEFAULT_BODY,

      setDefaultBody(defaultBody) {
        set({ defaultBody });
      },
      run(op) {
        const r = op(get().doc);
        if (r.ok) commit(r.doc);
        return r;
      },
      edit(f) {
        commit(f(get().doc));
      },
      undo() {
        const { history, doc, gesture } = get();
        const r = undo(history, gesture ?? doc);
        if (r) set({ doc: r.state, history: r.history, gesture: null, selection: existing(r.state, get().selection), pendingBinding: null });
      },
      redo() {
        const r = redo(get().history, get().doc);
        if (r) set({ doc: r.state, history: r.history, gesture: null, selection: existing(r.state, get().selection), pendingBinding: null });
      },
      select(selection) {
        set({ selection: { ...get().selection, ...selection } });
      },
      addFromPalette(kind, position, sizeOf, exchangeType) {
        const { doc, id } = addNode(get().doc, kind, position, exchangeType, get().defaultBody);
        commit(keepAppsOutsideBroker(doc, sizeOf), { selection: { nodes: [id], edges: [] } });
        return id;
      },
      moveNodes(positions, final, sizeOf) {
        const { doc, gesture, history } = get();
        const moved = moveNodes(doc, positions);
        if (!final) return set({ doc: moved, gesture: gesture ?? doc });
        // End of a drag (or a keyboard nudge): apps must stay outside the broker.
        const next = keepAppsOutsideBroker(moved, sizeOf);
        const before = gesture ?? doc;
        if (next === before) return set({ doc: next, gesture: null });
        set({ doc: next, history: record(history, before), gesture: null });
      },
      connect(source, target) {
        const plan = checkConnection(get().doc, source, target);
        if (plan.action === 'refuse') {
          refuse(plan.reason, plan.fix);
          return { action: 'refuse' };
        }
        if (plan.action === 'bind') {
          set({ pendingBinding: plan, notice: null });
          return plan;
        }
        void withEditOps((ops) => {
          const r = ops.applyConnection(get().doc, plan);
          if (r.ok) commit(r.doc, { notice: null });
          else refuse(r.errors[0]!.explanation);
        });
        return plan;
      },
      confirmBinding(spec) {
        return withEditOps((ops) => {
          const plan = get().pendingBinding;
          if (!plan) return null;
          const r = ops.applyConnection(get().doc, plan, spec);
          if (!r.ok) return r.errors;
          commit(r.doc, { pendingBinding: null, selection: { nodes: [], edges: r.createdId ? [r.createdId] : [] } });
          return null;
        });
      },
      cancelBinding() {
        set({ pendingBinding: null });
      },
      applyFix(fix) {
        void withEditOps((ops) => {
          const r = ops.applyFix(get().doc, fix);
          if (r.ok) commit(r.doc, { notice: null });
        });
      },
      deleteElements(nodeIds, edgeIds) {
        commit(deleteElements(get().doc, nodeIds, edgeIds), { selection: { nodes: [], edges: [] } });
      },
      deleteSelection() {
        const { nodes, edges } = get().selection;
        get().deleteElements(nodes, edges);
      },
      copySelection() {
        const f = copyFragment(get().doc, get().selection.nodes);
        if (isEmptyFragment(f)) return false;
        set({ clipboard: f });
        return true;
      },
      paste() {
        const f = get().clipboard;
        if (!f) return [];
        const { doc, nodeIds } = pasteFragment(get().doc, f);
        commit(keepAppsOutsideBroker(doc), { selection: { nodes: nodeIds, edges: [] } });
        // Pasting again offsets again, like most editors.
        set({ clipboard: copyFragment(get().doc, nodeIds) });
        return nodeIds;
      },
      makeRoom(grown, sizeOf) {
        const { doc } = get();
        const next = makeRoom(doc, grown, sizeOf);
        if (next !== doc) set({ doc: next });
      },
      async tidy(sizeOf) {
        // the layout engine (dagre) is loaded on first use: a chunk of its own
        const { tidyLayout } = await import('../model/tidy');
        commit(tidyLayout(get().doc, sizeOf));
      },
      setShowDefaultExchange(show) {
        void withEditOps((ops) => get().run((doc) => ops.updateBroker(doc, { showDefaultExchange: show })));
      },
      setViewport(viewport) {
        const { doc } = get();
        set({ doc: { ...doc, layout: { ...doc.layout, viewport } } });
      },
      notify(notice) {
        set({ notice: { ...notice, id: ++noticeIds } });
      },
      dismissNotice() {
        set({ notice: null });
      },
      load(doc) {
        commit(doc, { selection: { nodes: [], edges: [] }, pendingBinding: null });
      },
    };
  });

  // A recovered (or reset) state is written back at once: the original is in the backup key, and the
  // message should not come back on every reload.
  if (loaded && loaded.status !== 'ok') saveAutosave(storage, loaded.scenario, storageKey);
  if (storage) attachAutosave(store, storage, storageKey, autosaveMs);
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** Writes the document a little after it stops changing (drags produce many changes). */
function attachAutosave(store: EditorStore, storage: KeyValueStorage, key: string | undefined, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    saveAutosave(storage, store.getState().doc, key);
  };
  store.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  // A reload within the debounce window must not lose the last edit.
  globalThis.addEventListener?.('pagehide', () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      flush();
    }
  });
}
