import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { useExplain } from '../../panels/modelText';
import { withEditOps } from '../../store/editOps';
import { useEditorApi } from '../../store/useEditor';
import type { BindingEdgeData, BindingFlowEdge } from '../flowEdges';
import { useRoute } from '../geometry/useRoute';

export { bindingLabel } from '../flowEdges';

/**
 * A binding (exchange -> queue or exchange -> exchange), its key on the label. Clicking the label edits
 * the key in place (Enter saves, Escape cancels); headers arguments are edited in the inspector. Its
 * line and its label's place come from the shared routes (geometry/): labels of bindings between the
 * same two nodes stack, and no label lands on a node or another label where the line leaves room.
 */
export const BindingEdge = memo(function BindingEdge(props: EdgeProps<BindingFlowEdge>) {
  const t = useT();
  const explain = useExplain();
  const store = useEditorApi();
  const data = props.data as BindingEdgeData;
  const route = useRoute(props.id);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = data.label;
  const keyed = data.exchangeType === 'direct' || data.exchangeType === 'topic';
  const button = useRef<HTMLButtonElement>(null);
  /** Closing the editor from the keyboard (Enter, Escape) gives focus back to the label's button. */
  const refocus = useRef(false);
  /** A save waiting for the edit operations to load (only before they first have): Enter then blur saves once. */
  const saving = useRef(false);
  const close = (fromKeyboard: boolean) => {
    refocus.current = fromKeyboard;
    setDraft(null);
    setError(null);
  };
  const save = (fromKeyboard = false) => {
    // an input taken out of the page may still report a blur: the editor is already closed
    if (draft === null || refocus.current || saving.current) return;
    if (draft === data.binding.routingKey) return close(fromKeyboard);
    saving.current = true;
    void withEditOps((ops) => {
      saving.current = false;
      const r = store.getState().run((doc) => ops.updateBinding(doc, data.binding.id, { routingKey: draft }));
      if (r.ok) close(fromKeyboard);
      else setError(explain(r.errors[0]!.explanation));
    });
  };
  useEffect(() => {
    if (draft !== null || !refocus.current) return;
    refocus.current = false;
    button.current?.focus();
  }, [draft]);
  if (!route) return null;
  const at = route.labelAt ?? { x: 0, y: 0 };
  return (
    <>
      <BaseEdge id={props.id} path={route.svg} markerEnd={props.markerEnd} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div className="edge-label edge-label-binding nodrag nopan" style={{ transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)` }}>
          {draft === null ? (
            <button
              ref={button}
              type="button"
              className="edge-label-button"
              aria-label={t('edge.editKey', { source: data.sourceName, destination: data.destinationName, key: label })}
              title={label}
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
