import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Columns } from '../../store/chartData';
import { formatTime } from '../playback/format';

export interface LineSpec {
  label: string;
  stroke: string;
  dash?: number[];
}

/** Virtual seconds on the x axis as mm:ss (uPlot would read them as dates otherwise). */
const timeAxis = (_: uPlot, ticks: number[]) => ticks.map((s) => formatTime(s * 1000).slice(0, 5));

/**
 * A line chart drawn by uPlot on a canvas (fast: thousands of points redraw in a millisecond).
 * The canvas is hidden from assistive technology; the figure around it carries a text summary.
 * The chart is created once per set of lines and then only fed new data.
 */
/** Steps for axes of whole things (messages): no "0.5 messages" tick. */
const WHOLE_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];

export function UPlotChart({ lines, columns, height = 140, yLabel, whole }: { lines: readonly LineSpec[]; columns: Columns; height?: number; yLabel: string; whole?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const key = lines.map((l) => `${l.label}|${l.stroke}|${l.dash?.join(',') ?? ''}`).join(';');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the lines; data is fed by the effect below
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      // a dashed line's legend marker is dashed too (delivered vs acked, ready vs unacked tell apart)
      legend: { show: true, live: false, markers: { width: 2, fill: 'transparent', dash: (u, i) => (u.series[i]?.dash?.length ? 'dashed' : 'solid') } },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [{ values: timeAxis, size: 30 }, { label: yLabel, size: 44, labelSize: 14, ...(whole ? { incrs: WHOLE_STEPS } : {}) }],
      series: [{}, ...lines.map((l) => ({ label: l.label, stroke: l.stroke, width: 1.5, ...(l.dash ? { dash: l.dash } : {}), points: { show: false } }))],
    };
    const u = new uPlot(opts, [columns.t, ...columns.lines] as uPlot.AlignedData, el);
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [key, height, yLabel, whole]);
  useEffect(() => {
    plot.current?.setData([columns.t, ...columns.lines] as uPlot.AlignedData);
  }, [columns]);
  return <div className="uplot-box" ref={box} aria-hidden="true" />;
}
