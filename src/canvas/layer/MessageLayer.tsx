import { simReason } from '../../panels/simReason';
import { useStoreApi } from '@xyflow/react';
import { useReducedMotion } from 'framer-motion';
import { useEffect, useMemo, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import { liveStaggerOf } from '../../store/liveStagger';
import { messageKeysOf } from '../../store/messageKeys';
import type { EffectKind } from '../../store/tokens';
import { useSim } from '../../store/useSim';
import type { EffectLabels } from './effects';
import { hitTest, refOf } from './frame';
import { tokenSize } from './paint';
import { type FlowState, LayerRenderer } from './renderer';
import { surfaceFor } from './surfaceFor';
import { exposeTestHook } from './testHook';
import { PRESENT_TOKEN_SCALE, usePresent } from '../present';
import './layer.css';

/** What keeps its own clicks even with a token drawn over it. */
const OWN_CLICKS = '.react-flow__panel, .react-flow__handle, button, input, select, textarea, a, [role="button"]';

const DROP_REASONS = ['maxlen', 'reject-publish', 'rejected', 'expired', 'delivery_limit', 'no-dlx-exchange', 'dead-letter-unroutable', 'dead-letter-cycle', 'queue-deleted', 'broker-restart'] as const;

function effectLabels(t: Translate): EffectLabels {
  const kind: Record<EffectKind, string> = {
    expired: t('effect.expired'),
    dropped: t('effect.dropped'),
    unroutable: t('effect.unroutable'),
    requeued: t('effect.requeued'),
    returned: t('effect.returned'),
    'confirm-nack': t('effect.confirmNack'),
    error: t('effect.error'),
    crashed: t('effect.crashed'),
    lost: t('effect.lost'),
    'connection-opened': t('effect.connectionOpened'),
    'connection-closed': t('effect.connectionClosed'),
    'connection-lost': t('effect.connectionLost'),
  };
  const reasons = new Map<string, string>(DROP_REASONS.map((r) => [r, t(`drop.${r}`)]));
  const lostWhy = (r: string) => t(r === 'auto-ack' ? 'effect.lostAutoAck' : r === 'broker-restart' ? 'effect.lostRestart' : 'effect.lostDeleted');
  return { kind, dropReason: (r) => reasons.get(r) ?? r, lost: (n, r) => t('effect.lostN', { n, why: lostWhy(r) }), errorDetail: (d) => simReason(d, t) };
}

/**
 * The messages of the running simulation, drawn over the React Flow pane: ONE <canvas> redrawn in
 * the simulation's frame listener, in the viewport's transform (no React component per token).
 * Clicking a token selects its message; the canvas itself lets every pointer event through, and
 * a click is taken from the pane only when it lands on a token. Mounted as a child of <ReactFlow>;
 * the routing keys it sees go to `legend` (drawn in the canvas's bottom strip).
 */
export function MessageLayer({ legend }: { legend: StoreApi<{ keys: string[] }> }) {
  const t = useT();
  const sim = useSim();
  const rf = useStoreApi();
  const reduced = useReducedMotion() ?? false;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<LayerRenderer | null>(null);
  const labels = useMemo(() => effectLabels(t), [t]);
  const presenting = usePresent((s) => s.on);
  // read when the renderer is made; later changes reach it through the second effect
  const current = useRef({ labels, reduced });
  current.current = { labels, reduced };

  useEffect(() => {
    const canvas = canvasRef.current;
    const wrapper = canvas?.parentElement;
    if (!canvas || !wrapper) return;
    const surface = surfaceFor(canvas);
    const r = new LayerRenderer(surface.get(), current.current.labels);
    r.reduced = current.current.reduced;
    rendererRef.current = r;
    const messageKeys = messageKeysOf(sim.log);
    r.keyOf = (id) => messageKeys.get(id);
    r.persistentOf = (id) => messageKeys.persistent(id);
    r.onLegend = (keys) => legend.setState({ keys });
    const flow = () => rf.getState() as unknown as FlowState;
    const off = sim.onFrame((now) =>
      r.draw(now, flow(), { segments: sim.tokens.segments, effects: sim.tokens.effects, selected: sim.ui.getState().selected, live: sim.live.getState(), doc: sim.scenario }),
    );
    // zoomed out, the layer draws the nodes' figures: the DOM ones are hidden and not refreshed
    const stagger = liveStaggerOf(sim);
    stagger.setGate(r);
    r.onLod = (zoomedOut) => wrapper.classList.toggle('zoomed-out', zoomedOut);

    // hit-testing: the canvas takes no pointer events, the wrapper's capture phase sees them first
    const at = (e: MouseEvent) => {
      // controls, panels, chips, label editors and handles keep their clicks, token or not
      if (e.target instanceof Element && e.target.closest(OWN_CLICKS)) return null;
      const rect = canvas.getBoundingClientRect();
      const radius = Math.max(6, tokenSize(flow().transform[2], r.scale));
      return hitTest(r.frame, e.clientX - rect.left, e.clientY - rect.top, radius);
    };
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0) return;
      const hit = at(e);
      const ref = hit && refOf(hit);
      if (!ref) return;
      e.stopPropagation();
      e.preventDefault();
      sim.select(ref);
    };
    let hovering = false;
    const onMove = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const over = at(e) !== null;
      if (over !== hovering) {
        hovering = over;
        wrapper.classList.toggle('token-hover', over);
      }
    };
    wrapper.addEventListener('click', onClick, true);
    wrapper.addEventListener('pointermove', onMove, { passive: true });
    const unhook = exposeTestHook(sim, r);
    return () => {
      off();
      unhook();
      wrapper.removeEventListener('click', onClick, true);
      wrapper.removeEventListener('pointermove', onMove);
      wrapper.classList.remove('token-hover', 'zoomed-out');
      stagger.setGate(null);
      rendererRef.current = null;
      surface.release();
    };
    // the renderer lives as long as the simulation and the flow; labels and motion are set below
  }, [sim, rf, legend]);

  useEffect(() => {
    const r = rendererRef.current;
    if (!r) return;
    r.labels = labels;
    r.reduced = reduced;
    r.scale = presenting ? PRESENT_TOKEN_SCALE : 1;
    r.invalidate();
  }, [labels, reduced, presenting]);

  return <canvas ref={canvasRef} className="message-layer" role="img" aria-label={t('layer.label')} data-reduced-motion={reduced ? 'true' : undefined} />;
}
