import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Scenario } from '../../model';
import { thumbnailOf } from './thumbnail';

/**
 * The small picture of a scenario on its gallery card: its topology drawn as SVG from the document
 * (see thumbnail.ts), made when the card scrolls near the view (a gallery of twenty cards draws the
 * few on screen first). Its accessible name says what it shows.
 */
export const Thumbnail = memo(function Thumbnail({ scenario }: { scenario: Scenario }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || shown) return;
    if (typeof IntersectionObserver === 'undefined') {
      setShown(true);
      return;
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setShown(true);
    }, { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [shown]);
  const th = useMemo(() => (shown ? thumbnailOf(scenario) : null), [shown, scenario]);
  const c = th?.counts;
  const label = !th || !c ? undefined : th.programs.length ? t('gallery.thumbCode', { n: th.programs.length, programs: th.programs.join(', ') }) : t('gallery.thumb', { producers: c.producers, exchanges: c.exchanges, queues: c.queues, consumers: c.consumers });
  return (
    <div ref={box} className="card-thumb">
      {th ? (
        <svg viewBox={`${th.viewBox.x} ${th.viewBox.y} ${th.viewBox.width} ${th.viewBox.height}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
          <rect className="thumb-frame" x={th.frame.x} y={th.frame.y} width={th.frame.width} height={th.frame.height} rx={16} />
          {th.lines.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed drawing
            <line key={i} className={`thumb-line thumb-${l.kind}`} x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
          ))}
          {th.nodes.map((n) =>
            n.kind === 'program' ? (
              // a window of code: a dark box with lines of text of different lengths
              <g key={n.id}>
                <rect className="thumb-node thumb-program" x={n.x} y={n.y} width={n.width} height={n.height} rx={12} />
                {[0.55, 0.8, 0.4].map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a fixed drawing
                  <line key={i} className="thumb-code" x1={n.x + 28 + (i === 1 ? 24 : 0)} x2={n.x + 28 + (n.width - 56) * f} y1={n.y + 26 + i * 22} y2={n.y + 26 + i * 22} />
                ))}
              </g>
            ) : (
              <rect key={n.id} className={`thumb-node thumb-${n.kind}`} x={n.x} y={n.y} width={n.width} height={n.height} rx={12} />
            ),
          )}
        </svg>
      ) : null}
    </div>
  );
});
