import { CanvasArea } from '../canvas/CanvasArea';
import { useCanvasActions } from '../canvas/useCanvasActions';
import { Dock } from '../panels/dock/Dock';
import { Palette } from '../panels/Palette';

/**
 * The palette, and the canvas it adds to (the palette adds in the middle of the canvas's view)
 * with the simulation's panels docked under it.
 */
export function Workspace() {
  const { addInView } = useCanvasActions();
  return (
    <>
      <Palette onAdd={addInView} />
      <div className="workspace-center">
        <CanvasArea />
        <Dock />
      </div>
    </>
  );
}
