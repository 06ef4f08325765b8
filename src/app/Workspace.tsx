import { useRef } from 'react';
import { CanvasArea } from '../canvas/CanvasArea';
import { usePresent } from '../canvas/present';
import { useT } from '../i18n/useLocale';
import { Dock } from '../panels/dock/Dock';
import { useDockSplit } from '../panels/dock/useDockSplit';

/**
 * The canvas (with its palette and toolbar over it) and the simulation's panels docked under it.
 * The splitter between canvas and dock is dragged, or focused and moved with the arrow keys (Home /
 * End: the dock at its tallest / folded); Enter folds or opens the dock. Its height is remembered.
 * Folded, the dock is only its tab bar, floating in the canvas's bottom strip (beside the zoom
 * controls and the legend, in the room the fit view keeps free): the canvas gets the whole height.
 */
export function Workspace() {
  const t = useT();
  const column = useRef<HTMLDivElement>(null);
  const { splitter: { value, ...splitter }, canvasStyle, dockStyle } = useDockSplit(column, usePresent((s) => s.on));
  return (
    <div ref={column} className="workspace-center" style={{ position: 'relative', display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
      <div id="warren-canvas-pane" className="workspace-canvas" style={canvasStyle}>
        <CanvasArea />
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable window splitter that moves, not a thematic break (<hr>) */}
      <div
        className="dock-splitter"
        role="separator"
        tabIndex={0}
        aria-orientation="horizontal"
        aria-controls="warren-canvas-pane"
        aria-valuenow={value.now}
        aria-valuemin={value.min}
        aria-valuemax={value.max}
        aria-label={t('dock.resize')}
        title={t('dock.resize')}
        {...splitter}
      />
      <div id="warren-dock-pane" className="workspace-dock" style={dockStyle}>
        <Dock />
      </div>
    </div>
  );
}
