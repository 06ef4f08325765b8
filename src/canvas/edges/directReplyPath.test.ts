import { describe, expect, it } from 'vitest';
import { directReplyCurve } from './directReplyPath';

describe('the direct reply-to line', () => {
  it('leaves the server at its bottom, runs under the broker frame, and enters the client at its bottom', () => {
    const server = { x: 600, y: 100, width: 160, height: 90 };
    const client = { x: 0, y: 120, width: 160, height: 110 };
    const frame = { x: 200, y: 60, width: 340, height: 260 };
    const { cubic, label } = directReplyCurve(server, client, frame);
    expect([cubic[0], cubic[1]]).toEqual([680, 190]);
    expect([cubic[6], cubic[7]]).toEqual([80, 230]);
    // the curve's midpoint, where the label sits, is below the frame
    const mid = (cubic[1] + 3 * cubic[3] + 3 * cubic[5] + cubic[7]) / 8;
    expect(mid).toBeCloseTo(label.y);
    expect(label.y).toBeGreaterThan(frame.y + frame.height);
    expect(label.x).toBe(380);
  });
});
