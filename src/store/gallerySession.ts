import type { Scenario } from '../model';
import type { Lesson } from '../model/lesson';
import { deepEqual } from '../sim';
import { GALLERY, type ScenarioId } from '../scenarios';
import type { LessonSession } from './lessonStore';

/**
 * A gallery scenario's explanation (and its lesson) talk about what the scenario drew: its
 * exchanges, queues and apps, by name. Once most of those are gone from the canvas (the topology
 * was replaced), the explanation is about something else: the guide offers to detach it, and links,
 * files and embeds leave it out.
 */
export function gallerySessionFits(doc: Scenario, galleryId: ScenarioId): boolean {
  const g = GALLERY[galleryId].scenario;
  const names = (s: Scenario) => [...s.exchanges.map((x) => `x:${x.name}`), ...s.queues.map((q) => `q:${q.name}`), ...s.apps.map((a) => `a:${a.name}`)];
  const drawn = names(g);
  if (drawn.length === 0) return true;
  const now = new Set(names(doc));
  return drawn.filter((n) => now.has(n)).length * 2 >= drawn.length;
}

/** Is this the lesson the gallery scenario came with (not one the teacher wrote or changed)? */
export function isGalleryLesson(galleryId: ScenarioId | null, lesson: Lesson | null): boolean {
  return galleryId !== null && lesson !== null && deepEqual(lesson, GALLERY[galleryId].lesson ?? null);
}

/** The session without a gallery explanation that no longer fits (and without the gallery's own lesson with it). */
export function fittingSession(doc: Scenario, s: LessonSession): LessonSession {
  if (s.galleryId === null || gallerySessionFits(doc, s.galleryId)) return s;
  return { galleryId: null, lesson: isGalleryLesson(s.galleryId, s.lesson) ? null : s.lesson };
}
