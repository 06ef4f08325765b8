import { useCallback, useLayoutEffect, useState } from 'react';
import { type PanelSize, usePanelRef } from 'react-resizable-panels';
import { useDock } from './dockStore';

/** The folded dock takes no height: its tab bar floats in the canvas's bottom strip (see Workspace). */
export const DOCK_FOLDED_SIZE = '0px';

/**
 * Ties the dock's resizable panel (under the canvas, with the splitter between them) to the dock
 * store: folding or opening the dock (its button, a message selected) collapses or expands the
 * panel to the remembered height; dragging the splitter down past the smallest height folds the
 * dock, and up opens it; a height set by the splitter is remembered once the drag is over.
 */
export function useDockPanel(presenting = false) {
  const panelRef = usePanelRef();
  const open = useDock((s) => s.open);

  // before paint, so a folded dock never flashes open. Present mode gives the canvas the dock's room
  // too (hiding the dock alone would leave its height empty) without touching the person's choice:
  // the dock comes back as it was when present mode ends
  useLayoutEffect(() => {
    const panel = panelRef.current;
    if (!panel) return;
    if (presenting) {
      if (!panel.isCollapsed()) panel.collapse();
    } else if (open && panel.isCollapsed()) panel.resize(`${useDock.getState().size}%`);
    else if (!open && !panel.isCollapsed()) panel.collapse();
  }, [open, presenting, panelRef]);

  const onResize = useCallback(
    (size: PanelSize) => {
      const panel = panelRef.current;
      // folded for present mode: not the person's choice, nothing to remember
      if (!panel || presenting) return;
      const dock = useDock.getState();
      const collapsed = panel.isCollapsed();
      if (collapsed === dock.open) dock.setOpen(!collapsed);
      if (!collapsed) dock.setSize(size.asPercentage);
    },
    [panelRef, presenting],
  );
  /** The splitter was released (or moved with a key): remember the height. */
  const onLayoutChanged = useCallback(() => {
    const panel = panelRef.current;
    if (panel && !presenting && !panel.isCollapsed()) useDock.getState().setSize(panel.getSize().asPercentage, true);
  }, [panelRef, presenting]);

  // the first size only: a changing default would make the panel start over (and drop a drag under way)
  const [defaultSize] = useState(() => (useDock.getState().open ? `${useDock.getState().size}%` : DOCK_FOLDED_SIZE));
  return { panelRef, onResize, onLayoutChanged, defaultSize };
}
