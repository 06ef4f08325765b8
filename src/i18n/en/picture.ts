/**
 * English strings of the picture (issue 10): the canvas's chrome, present mode, connection cables
 * and channel lanes, message marks. Spread into messages.en.ts; Spanish in ../es/picture.ts.
 */
export const picture = {
  'chrome.present': 'Present',
  'chrome.presentTitle': 'Present mode (P): the canvas fills the screen, bigger and bolder; Esc leaves',
  'chrome.leavePresent': 'Leave present mode',
  'layer.sym.persistent': 'persistent',
  'layer.sym.transient': 'transient',
  'layer.sym.persistentTitle': 'Square: a persistent message (delivery mode 2), written to disk by a durable queue',
  'layer.sym.transientTitle': 'Circle: a transient message (delivery mode 1), kept in memory only: lost when the broker restarts',
  'app.autoAck': 'auto-ack',
  'cable.connection': 'TCP connection {n}',
  'cable.connectionClosed': 'TCP connection · closed',
  'cable.connectionAria': 'TCP connection {n} of {app}',
  'cable.connectionTip': 'TCP connection {n}, opened by {app} to the broker. One connection carries all of the app’s channels: if it closes or fails, they all close, and the messages they held unacked go back to their queues.',
  'cable.connectionClosedTip': '{app} has no open TCP connection now: its channels are closed, and messages it held unacked went back to their queues.',
  'cable.lane': 'ch {n}',
  'cable.prefetch': 'prefetch',
  'cable.unacked': 'unacked',
  'cable.confirm': 'confirm',
  'cable.laneClosed': 'closed',
  'cable.laneTip': 'Channel {n}: a lane of its own inside the TCP connection; messages of this channel travel in it.',
  'cable.lanePrefetchTip': 'Prefetch {p}: the broker sends at most {p} deliveries the app has not acked yet; {u} unacked now.',
  'cable.lanePrefetchSharedTip': 'Prefetch {p}, shared by all consumers on the channel (basic.qos global); {u} unacked now.',
  'cable.laneNoPrefetchTip': 'No prefetch limit: the broker sends as fast as messages come; {u} unacked now.',
  'cable.laneConfirmTip': 'Confirm mode: the broker confirms (acks or nacks) every message published on this channel.',
  'cable.laneClosedTip': 'Channel {n} is closed.',
  'cable.edge': '{app}’s TCP connection to the broker',
  'chrome.about': 'About',
  'chrome.aboutTitle': 'Show or hide the explanation of this scenario',
  'gallery.thumb': 'Topology: {producers} producing apps, {exchanges} exchanges, {queues} queues, {consumers} consuming apps',
} as const;
