/**
 * Ids of the invisible handles that say where a channel's lane leaves an app node (when none of its
 * publishers and consumers, whose own handles mark the lane otherwise, uses it yet).
 */
export const laneAnchor = (channelId: string) => `lane:${channelId}`;
