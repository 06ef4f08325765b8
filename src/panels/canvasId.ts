/**
 * The DOM id of the React Flow canvas. Panels that hand the keyboard back to the canvas (the gallery,
 * once a scenario is loaded) find it by this id; the canvas, which may import panels, sets it.
 */
export const CANVAS_ID = 'warren-canvas';
