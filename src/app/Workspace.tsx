import { CanvasArea } from '../canvas/CanvasArea';
import { useCanvasActions } from '../canvas/useCanvasActions';
import { Palette } from '../panels/Palette';

/** The palette and the canvas it adds to (the palette adds in the middle of the canvas's view). */
export function Workspace() {
  const { addInView } = useCanvasActions();
  return (
    <>
      <Palette onAdd={addInView} />
      <CanvasArea />
    </>
  );
}
