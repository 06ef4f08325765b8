import { describe, expect, it } from 'vitest';
import { addChannel } from './ops/appClients';
import { appRect, intersects, nominalApp } from './geometry';
import { makeRoom, ROOM_GAP } from './makeRoom';
import { logsTopology } from './testing/build';

describe('makeRoom: a node that grew pushes the nodes it now covers', () => {
  it('an app with a new channel pushes the app under it down, and only that far', () => {
    const { doc, c } = logsTopology();
    // a second consumer app right under c, as close as the gallery stacks them
    const first = doc.apps.find((a) => a.id === c)!;
    const under = { ...first, id: 'c2', name: 'c2', position: { x: first.position.x, y: first.position.y + nominalApp(first).height + 10 } };
    const s = { ...doc, apps: [...doc.apps, under] };
    const r = addChannel(s, c, first.connections[0]!.id);
    if (!r.ok) throw new Error('addChannel refused');
    const grown = r.doc;
    const before = grown.apps.map((a) => appRect(a));
    expect(intersects(before.find((_, i) => grown.apps[i]!.id === c)!, before.find((_, i) => grown.apps[i]!.id === 'c2')!)).toBe(true);
    const roomy = makeRoom(grown, [c]);
    const a = appRect(roomy.apps.find((x) => x.id === c)!);
    const b = appRect(roomy.apps.find((x) => x.id === 'c2')!);
    expect(intersects(a, b)).toBe(false);
    expect(b.y).toBe(a.y + a.height + ROOM_GAP);
    expect(b.x).toBe(a.x);
  });

  it('changes nothing when nothing is covered', () => {
    const { doc, c } = logsTopology();
    expect(makeRoom(doc, [c])).toBe(doc);
    expect(makeRoom(doc, [])).toBe(doc);
  });
});
