import type { Scenario } from '../model';
import type { Lesson } from '../model/lesson';
import type { ScenarioId } from '../scenarios';
import { decode, embedCode, encode, fail, LIMITS, type LocationLike, type Result, type SharedRun, type ShareState, shareUrl } from '../share';
import { fittingSession } from './gallerySession';
import type { LessonStore } from './lessonStore';
import { simRelevantChange } from './relevance';
import type { SimController } from './simController';

/** What a link carries: the document as it is now, the speed it runs at, its lesson and gallery origin. */
export interface ShareSource {
  doc: Scenario;
  speed: number;
  lesson: Lesson | null;
  galleryId: ScenarioId | null;
  /** the run so far, when the person chose to share it */
  run?: SharedRun;
}

export function shareSourceOf(doc: Scenario, sim: SimController, lessons: LessonStore, withRun = false): ShareSource {
  // an explanation about a topology that is no longer on the canvas does not go along
  const { lesson, galleryId } = fittingSession(doc, lessons.getState());
  const src: ShareSource = { doc, speed: sim.ui.getState().speed, lesson, galleryId };
  return withRun ? { ...src, run: runOf(doc, sim) } : src;
}

/**
 * The run as a link carries it. Its starting scenario goes along only when the run started from a
 * topology other than the document's (an edit during the run); positions alone do not count.
 */
export function runOf(doc: Scenario, sim: SimController): SharedRun {
  const { initial, inputs, at, steps } = sim.runSoFar();
  return { at, steps, ...(simRelevantChange(initial, doc) ? { initial } : {}), inputs };
}

/** Opens the run a shared state carries, if any (the shared view and the embedded player alike). */
export function openSharedRun(sim: SimController, state: ShareState): void {
  if (state.run) sim.loadRun({ ...state.run, initial: state.run.initial ?? state.scenario });
}

/** The shared state: defaults (speed 1, no lesson) are left out to keep links short. */
export function shareStateOf(src: ShareSource): ShareState {
  return {
    v: 1,
    scenario: src.doc,
    ...(src.speed === 1 ? {} : { speed: src.speed }),
    ...(src.lesson ? { lesson: src.lesson } : {}),
    ...(src.galleryId ? { gallery: src.galleryId } : {}),
    ...(src.run ? { run: src.run } : {}),
  };
}

export interface ShareLinks {
  /** the link data (after `#s=`) */
  data: string;
  /** opens the scenario in the editor, as a shared view */
  link: string;
  /** opens the player, without editing chrome */
  embedLink: string;
  /** the `<iframe>` snippet for the player */
  embedSnippet: string;
}

/** Links to this page opening `src`, and the embed snippet (titled after the scenario). */
export function shareLinks(src: ShareSource, fallbackTitle: string, loc?: LocationLike): ShareLinks {
  const data = encode(shareStateOf(src));
  const link = shareUrl(data, {}, loc);
  const embedLink = shareUrl(data, { embed: true }, loc);
  return { data, link, embedLink, embedSnippet: embedCode(embedLink, { title: src.doc.title.trim() || fallbackTitle }) };
}

/**
 * The links, only when opening them would work: the link's data is read back exactly as the page
 * that opens it reads it (the same length limit, inflated-size limit and validation, lesson texts
 * included), so Share never offers a link it would then refuse. Too long for a link: say so, with the
 * link limit (the person can save a file instead); anything else: the problems opening would list.
 */
export function checkedShareLinks(src: ShareSource, fallbackTitle: string, loc?: LocationLike): Result<ShareLinks> {
  const links = shareLinks(src, fallbackTitle, loc);
  if (links.data.length > LIMITS.linkChars) return fail('share.link.tooBigToShare', { size: links.data.length, max: LIMITS.linkChars });
  const back = decode(links.data);
  if (!back.ok) return back.error.key === 'share.link.decompressedTooLarge' ? fail('share.link.tooBigToShare', { size: links.data.length, max: LIMITS.linkChars }) : back;
  return { ok: true, value: links };
}
