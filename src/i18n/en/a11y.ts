/** English strings of accessibility aids: the live region's announcements, keyboard help (issue 15). */
export const a11yEn = {
  'announce.stepDone': 'Lesson step {step} of {total} done.',
  'announce.lessonComplete': 'Lesson complete: all {total} steps done.',
  'announce.queueLevel': 'Queue {queue} has passed {level} ready messages ({ready}).',
  'announce.queueNearlyFull': 'Queue {queue} is nearly full: {ready} of {max} messages.',
  'announce.queueFull': 'Queue {queue} is full: {max} messages.',
  'announce.consumerCrashed': 'Consumer {consumer} crashed.',
  'announce.consumerError': 'Consumer {consumer} stopped: its channel was closed by an error.',
  'announce.more': 'And {n} more updates.',
} as const;
