import { Background, ControlButton, Controls, MiniMap, Panel, ReactFlow, type Viewport } from '@xyflow/react';
import { type RefObject, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { lazyText } from '../i18n/lazyText';
import { createStore } from 'zustand/vanilla';
import type { Translate } from '../i18n/translate';
import { useT } from '../i18n/useLocale';
import { runtimeWarnings, type Size } from '../model';
import { FIT_VIEW } from '../panels/fitView';
import { Notices } from '../panels/Notices';
import { Palette } from '../panels/Palette';
import { useEditor, useEditorApi } from '../store/useEditor';
import { useProgramScene } from './programScene';
import { CanvasToolbar } from './CanvasToolbar';
import { edgeTypes } from './edgeTypes';
import { toFlowEdges } from './flowEdges';
import { FlowNodeCache, type FlowNode, warningsByNode } from './flowNodes';
import { Legend } from './layer/Legend';
import { useKeyColours } from './layer/useKeyColours';
import { nodeTypes } from './nodeTypes';
import { useFollowPrograms } from './useFollowPrograms';
import { PresentButton } from './PresentButton';
import { usePresent } from './present';
import { CANVAS_ID, useCanvasActions } from './useCanvasActions';
import { useFitInsets } from './useFitInsets';
import { usePresentMode } from './usePresentMode';
import { useFlowHandlers } from './useFlowHandlers';
import { useFocusKeeper } from './useFocusKeeper';
import { aDialogIsOpen } from '../panels/dialogOpen';
import { useMinimap } from './useMinimap';
import { useRefitOnResize } from './useRefitOnResize';
import { useViewMotion } from './useViewMotion';
import { useInspectorKey } from './useInspectorKey';
import { useShortcuts } from './useShortcuts';
import './canvas.css';

// The layer that draws messages in flight comes a moment after the first canvas (a chunk of its own):
// at time 0 nothing travels yet.
const MessageLayer = lazyText(() => import('./layer/MessageLayer').then((m) => ({ default: m.MessageLayer })));

function ariaLabels(t: Translate) {
  return {
    'node.a11yDescription.default': t('a11y.node'),
    'node.a11yDescription.keyboardDisabled': t('a11y.node'),
    'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) => t('a11y.moved', { direction, x, y }),
    'edge.a11yDescription.default': t('a11y.edge'),
    'controls.ariaLabel': t('controls.label'),
    'controls.zoomIn.ariaLabel': t('controls.zoomIn'),
    'controls.zoomOut.ariaLabel': t('controls.zoomOut'),
    'controls.fitView.ariaLabel': t('controls.fitView'),
    'controls.interactive.ariaLabel': t('controls.interactive'),
    'minimap.ariaLabel': t('controls.minimap'),
    'handle.ariaLabel': t('a11y.handle'),
  };
}

/** Small, in the corner: an overview, not a second canvas (the fit view keeps its column free). */
const MAX_ZOOM = 2;
const MINIMAP_SIZE = { width: 150, height: 96 };

const minimapColor = (n: FlowNode) => (n.type === 'broker' ? 'transparent' : n.type === 'queue' ? '#4a90d9' : n.type === 'exchange' ? '#ff6600' : '#6b7a8f');

/**
 * The canvas: the document drawn with React Flow. Nodes and edges are derived from the editor store on
 * every change; React Flow's own changes come back as editor operations (useFlowHandlers).
 * `readOnly` (the embedded player): no toolbar, no dragging, connecting, selecting or deleting; the
 * view fits the scenario (an iframe is rarely the size of the teacher's window) and can still be
 * panned and zoomed.
 */
/** Delete pressed while a dialog is open must not delete what is selected on the canvas behind it. */
const refuseBehindDialog = async () => !aDialogIsOpen();

export function CanvasArea({ readOnly = false }: { readOnly?: boolean }) {
  const t = useT();
  const presenting = usePresent((s) => s.on);
  const store = useEditorApi();
  const own = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const [measured, setMeasured] = useState<Map<string, Size>>(() => new Map());
  const cache = useRef(new FlowNodeCache());
  const flow = useFlowHandlers(setMeasured);
  // the document, with what running programs add to the picture (their apps, what they declared)
  const { doc, mark, handlers } = useProgramScene(own, flow);
  const [minimap, toggleMinimap] = useMinimap(!readOnly);
  const showMinimap = minimap && !presenting;
  // the routing keys the message layer sees, for the legend in the bottom strip
  const [legend] = useState(() => createStore<{ keys: string[] }>(() => ({ keys: [] })));
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  useFitInsets(top, bottom, showMinimap ? MINIMAP_SIZE.width + 16 : 0);
  const editing = !readOnly && !presenting;
  const present = usePresentMode();
  useShortcuts();
  useFocusKeeper(!readOnly);
  useKeyColours(doc);
  useInspectorKey(!readOnly);
  useRefitOnResize();
  const viewMotion = useViewMotion(MAX_ZOOM);

  const warnings = useMemo(() => warningsByNode(doc, runtimeWarnings(doc)), [doc]);
  const selectedNodes = useMemo(() => new Set(selection.nodes), [selection.nodes]);
  const selectedEdges = useMemo(() => new Set(selection.edges), [selection.edges]);
  const nodes = useMemo(() => mark(cache.current.build(doc, selectedNodes, measured, warnings, t)), [doc, selectedNodes, measured, warnings, t, mark]);
  const edges = useMemo(() => toFlowEdges(doc, selectedEdges, t), [doc, selectedEdges, t]);
  const labels = useMemo(() => ariaLabels(t), [t]);
  // The saved view is used once, when the canvas mounts; later views are only remembered.
  const [initialViewport] = useState(() => store.getState().doc.layout?.viewport);
  useFollowPrograms(!initialViewport || readOnly, Boolean(own.programs?.files.length));
  const onMoveEnd = useCallback((_: unknown, viewport: Viewport) => store.getState().setViewport(viewport), [store]);
  const empty = doc.exchanges.length + doc.queues.length + doc.apps.length === 0 && !doc.programs?.files.length;

  return (
    <section className="canvas-area" aria-label={t('canvas.label')}>
      <div className="canvas-flow">
        {/* first in the page's order: the keyboard reaches the palette and the toolbar before the nodes */}
        {editing ? <CanvasChromeTop innerRef={top} /> : null}
        <ReactFlow<FlowNode, ReturnType<typeof toFlowEdges>[number]>
          id={CANVAS_ID}
          // focus lands here (from scripts only) when what had it is deleted and no node is left
          tabIndex={-1}
          aria-label={t('canvas.diagram')}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          {...(editing ? handlers : { onNodesChange: handlers.onNodesChange })}
          nodesDraggable={editing}
          nodesConnectable={editing}
          elementsSelectable={editing}
          onMoveEnd={onMoveEnd}
          onNodeClick={present.onNodeClick}
          {...(initialViewport && !readOnly ? { defaultViewport: initialViewport } : { fitView: true, fitViewOptions: FIT_VIEW })}
          deleteKeyCode={editing ? ['Delete', 'Backspace'] : null}
          onBeforeDelete={refuseBehindDialog}
          minZoom={0.2}
          maxZoom={MAX_ZOOM}
          {...viewMotion}
          connectionRadius={30}
          ariaLabelConfig={labels}
          proOptions={{ hideAttribution: false }}
        >
          <Background gap={24} />
          {showMinimap ? <MiniMap position="top-right" pannable zoomable nodeColor={minimapColor} style={MINIMAP_SIZE} /> : null}
          {/* the bottom strip: zoom controls and the legend (the folded dock's tabs float at its right end) */}
          <Panel ref={bottom} position="bottom-left" className="canvas-bottom">
            <Controls orientation="horizontal" showInteractive={editing} fitViewOptions={FIT_VIEW} className={presenting ? 'is-presenting' : undefined}>
              {presenting ? null : (
                <ControlButton className="minimap-toggle" onClick={toggleMinimap} aria-pressed={minimap} aria-label={t(minimap ? 'controls.hideMinimap' : 'controls.showMinimap')} title={t(minimap ? 'controls.hideMinimap' : 'controls.showMinimap')}>
                  <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                    <rect x="1.5" y="3" width="13" height="10" rx="1" fill="none" stroke="currentColor" strokeWidth="1.5" />
                    <rect x="8" y="8" width="5" height="3.5" fill="currentColor" />
                  </svg>
                </ControlButton>
              )}
              <PresentButton />
            </Controls>
            <Legend store={legend} />
          </Panel>
          <Suspense fallback={null}>
            <MessageLayer legend={legend} />
          </Suspense>
        </ReactFlow>
        {empty && editing ? <p className="canvas-empty">{t('canvas.empty')}</p> : null}
        {editing ? <Notices /> : null}
      </div>
    </section>
  );
}

/** Over the top of the canvas: the palette (what can be added) and the editor's toolbar, in one strip. */
function CanvasChromeTop({ innerRef }: { innerRef: RefObject<HTMLDivElement | null> }) {
  const { addInView } = useCanvasActions();
  return (
    <div ref={innerRef} className="canvas-top canvas-overlay">
      <Palette onAdd={addInView} />
      <CanvasToolbar />
    </div>
  );
}
