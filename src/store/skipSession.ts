import type { StoreApi } from 'zustand/vanilla';
import type { PlaybackState } from './playbackState';
import type { SkipRequest, SkipResult } from './skipAhead';
import type { SkipJob, SkipRunner } from './skipRunner';

/** What a skip needs of the run it skips: a request from its present state, and a way to take the result. */
export interface SkipSubject {
  /**
   * The request for a skip of `ms` from now, and whether the run is still the one the request was
   * made from (a result computed from a run that changed meanwhile is stale).
   */
  request(ms: number): { req: SkipRequest; from: number; stillSame: () => boolean };
  /** The skip's result becomes the run. */
  adopt(from: number, result: SkipResult): void;
}

/**
 * One skip ahead at a time, as the playback store shows it: its progress (`skip`), its Cancel, and
 * whether its result is adopted. The simulation itself runs elsewhere (skipAhead.ts, in a worker).
 */
export class SkipSession {
  private job: SkipJob | null = null;

  constructor(
    private readonly ui: StoreApi<PlaybackState>,
    private readonly subject: SkipSubject,
  ) {}

  /** Resolves to whether the skip was adopted (false when cancelled, or the run changed meanwhile). */
  async start(ms: number, runner: SkipRunner): Promise<boolean> {
    if (this.job || ms <= 0) return false;
    this.ui.setState({ playing: false, catchUpTo: null });
    const { req, from, stillSame } = this.subject.request(ms);
    this.ui.setState({ skip: { from, to: req.to, at: from }, skipStopped: null });
    const job = runner(req, (t) => {
      const s = this.ui.getState().skip;
      if (s) this.ui.setState({ skip: { ...s, at: t } });
    });
    this.job = job;
    let result: SkipResult | null = null;
    try {
      result = await job.result;
    } finally {
      if (this.job === job) {
        this.job = null;
        this.ui.setState({ skip: null });
      }
    }
    if (!result || !stillSame()) return false;
    this.subject.adopt(from, result);
    return true;
  }

  /** Stops a skip under way; the simulation stays where it was. */
  cancel(): void {
    const job = this.job;
    if (!job) return;
    this.job = null;
    job.cancel();
    this.ui.setState({ skip: null });
  }
}
