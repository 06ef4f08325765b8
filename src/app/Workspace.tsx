import type { KeyboardEvent } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { CanvasArea } from '../canvas/CanvasArea';
import { usePresent } from '../canvas/present';
import { useT } from '../i18n/useLocale';
import { Dock } from '../panels/dock/Dock';
import { DOCK_SIZE_RANGE, useDock } from '../panels/dock/dockStore';
import { DOCK_FOLDED_SIZE, useDockPanel } from '../panels/dock/useDockPanel';

/**
 * The canvas (with its palette and toolbar over it) and the simulation's panels docked under it.
 * The splitter between canvas and dock is dragged, or focused and moved with the arrow keys (Home /
 * End: smallest / largest); Enter folds or opens the dock. Its height is remembered. Folded, the
 * dock is only its tab bar, floating in the canvas's bottom strip (beside the zoom controls and the
 * legend, in the room the fit view keeps free): the canvas gets the whole height.
 */
export function Workspace() {
  const t = useT();
  const dock = useDockPanel(usePresent((s) => s.on));
  const open = useDock((s) => s.open);
  const onSplitterKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const { open, setOpen } = useDock.getState();
    setOpen(!open);
  };
  return (
    <Group orientation="vertical" className="workspace-center" style={{ position: 'relative' }} onLayoutChanged={dock.onLayoutChanged}>
        <Panel id="warren-canvas-pane" minSize="10rem" className="workspace-canvas" style={{ overflow: 'hidden' }}>
          <CanvasArea />
        </Panel>
        <Separator className="dock-splitter" aria-label={t('dock.resize')} title={t('dock.resize')} onKeyDown={onSplitterKey} />
        <Panel
          id="warren-dock-pane"
          panelRef={dock.panelRef}
          collapsible
          collapsedSize={DOCK_FOLDED_SIZE}
          minSize="8rem"
          maxSize={`${DOCK_SIZE_RANGE.max}%`}
          defaultSize={dock.defaultSize}
          onResize={dock.onResize}
          className="workspace-dock"
          style={{ overflow: open ? 'hidden' : 'visible' }}
        >
          <Dock />
        </Panel>
    </Group>
  );
}
