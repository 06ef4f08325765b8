/** Math.random's seed for the n-th run of a file: from the scenario's seed, so that a run replays identically. */
export function programSeed(scenarioSeed: number, file: string, n: number): number {
  let h = (scenarioSeed ^ 0x85ebca6b) >>> 0;
  for (const c of `${file}#${n}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}
