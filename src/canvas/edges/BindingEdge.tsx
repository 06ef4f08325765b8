import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import { type BindingArguments, updateBinding, xMatchOf } from '../../model';
import { useExplain } from '../../panels/modelText';
import { useEditorApi } from '../../store/useEditor';
import type { BindingEdgeData, BindingFlowEdge } from '../flowEdges';

export function bindingLabel(data: BindingEdgeData, t: Translate): string {
  const b = data.binding;
  if (data.exchangeType === 'fanout') return t('edge.fanoutKey');
  if (data.exchangeType === 'headers') return headersLabel(b.arguments);
  return b.routingKey === '' ? '""' : b.routingKey;
}

function headersLabel(args: BindingArguments): string {
  const pairs = Object.entries(args).filter(([k]) => k !== 'x-match');
  return `${xMatchOf(args)}: ${pairs.map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(', ') || '∅'}`;
}

/** Labels of bindings between the same two nodes stack around the midpoint, one line apart. */
const LANE_PX = 19;
const laneOffset = (lane: BindingEdgeData['lane'] | undefined) => (lane ? (lane.index - (lane.count - 1) / 2) * LANE_PX : 0);

/**
 * A binding (exchange -> queue or exchange -> exchange), its key on the label. Clicking the label edits
 * the key in place (Enter saves, Escape cancels); headers arguments are edited in the inspector.
 */
export const BindingEdge = memo(function BindingEdge(props: EdgeProps<BindingFlowEdge>) {
  const t = useT();
  const explain = useExplain();
  const store = useEditorApi();
  const data = props.data as BindingEdgeData;
  const [path, labelX, labelY] = getBezierPath(props);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = bindingLabel(data, t);
  const keyed = data.exchangeType === 'direct' || data.exchangeType === 'topic';
  const button = useRef<HTMLButtonElement>(null);
  /** Closing the editor from the keyboard (Enter, Escape) gives focus back to the label's button. */
  const refocus = useRef(false);
  const close = (fromKeyboard: boolean) => {
    refocus.current = fromKeyboard;
    setDraft(null);
    setError(null);
  };
  const save = (fromKeyboard = false) => {
    // an input taken out of the page may still report a blur: the editor is already closed
    if (draft === null || refocus.current) return;
    if (draft === data.binding.routingKey) return close(fromKeyboard);
    const r = store.getState().run((doc) => updateBinding(doc, data.binding.id, { routingKey: draft }));
    if (r.ok) close(fromKeyboard);
    else setError(explain(r.errors[0]!.explanation));
  };
  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [draft]);
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div className="edge-label edge-label-binding nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + laneOffset(data.lane)}px)` }}>
          {draft === null ? (
            <button
              ref={button}
              type="button"
              className="edge-label-button"
              aria-label={t('edge.editKey', { source: data.sourceName, destination: data.destinationName, key: label })}
              onClick={() => (keyed ? setDraft(data.binding.routingKey) : store.getState().select({ nodes: [], edges: [data.binding.id] }))}
            >
              {label}
            </button>
          ) : (
            <span className="edge-key-editor">
              <input
                // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this key
                autoFocus
                aria-label={t('field.bindingKey')}
                aria-invalid={error ? true : undefined}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  // (prevented: the Enter would otherwise press the label's button, focused by then)
                  if (e.key === 'Enter' || e.key === 'Escape') e.preventDefault();
                  if (e.key === 'Enter') save(true);
                  if (e.key === 'Escape') close(true);
                  e.stopPropagation();
                }}
                onBlur={() => save()}
              />
              {error ? <span role="alert" className="field-error">{error}</span> : null}
            </span>
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
