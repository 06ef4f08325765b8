import { Background, Controls, ReactFlow } from '@xyflow/react';
import { useT } from '../i18n/useLocale';

/** The canvas region: React Flow with its background and zoom controls. */
export function CanvasArea() {
  const t = useT();
  return (
    <section className="canvas-area" aria-label={t('canvas.label')}>
      <ReactFlow nodes={[]} edges={[]} fitView proOptions={{ hideAttribution: false }}>
        <Background />
        <Controls />
      </ReactFlow>
      <p className="canvas-empty">{t('canvas.empty')}</p>
    </section>
  );
}
