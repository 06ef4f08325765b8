import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { useEditOps } from '../../store/useEditOps';
import { useEditor } from '../../store/useEditor';
import { useSim } from '../../store/useSim';
import { NumberField } from '../form/fields';
import { useRun } from '../inspector/common';

const DEFAULT_DOWN_MS = 2000;

/**
 * The broker's own controls, folded in a disclosure to keep the bar short: the hop latency (a
 * setting of the scenario, undoable like any edit) and a restart with a down time (an input of
 * the run: clients lose their connections, reconnect when the broker is back, and what was not
 * durable is gone).
 */
export function BrokerMenu() {
  const t = useT();
  const sim = useSim();
  const run = useRun();
  const ops = useEditOps();
  const id = useId();
  const latency = useEditor((s) => s.doc.broker.hopLatencyMs);
  const [down, setDown] = useState(String(DEFAULT_DOWN_MS));
  const downMs = Number(down);
  const valid = down.trim() !== '' && Number.isFinite(downMs) && downMs >= 0 && downMs <= 600_000;
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  /** Closes the menu and gives the focus back to its button. */
  const close = () => {
    if (!menu.current) return;
    menu.current.open = false;
    menu.current.querySelector('summary')?.focus();
  };
  // like any menu: Escape closes it (focus back on its button), and so does a click elsewhere
  // biome-ignore lint/correctness/useExhaustiveDependencies: close reads only the stable ref
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    const onPointer = (e: PointerEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) menu.current.open = false;
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <details ref={menu} className="broker-menu" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('play.broker')}</summary>
      <div className="broker-menu-body">
        {ops && <NumberField label={t('play.hopLatency')} hint={t('hint.hopLatency')} value={latency} onCommit={(v) => run((d) => ops.updateBroker(d, { hopLatencyMs: v }))} />}
        <form
          className="broker-restart"
          onSubmit={(e) => {
            e.preventDefault();
            if (!valid) return;
            sim.input({ type: 'broker-restart', downMs });
            // the menu has done its job: it closes so that the canvas shows what the restart does
            close();
          }}
        >
          <div className={`field${valid ? '' : ' has-error'}`}>
            <label htmlFor={id}>{t('play.downTime')}</label>
            <input id={id} type="text" inputMode="numeric" value={down} aria-invalid={valid ? undefined : true} aria-describedby={`${id}-hint`} onChange={(e) => setDown(e.target.value)} />
            <p className="field-hint" id={`${id}-hint`}>
              {valid ? t('play.restartHint') : t('play.downTimeInvalid')}
            </p>
          </div>
          <button type="submit" disabled={!valid}>
            {t('play.restart')}
          </button>
        </form>
      </div>
    </details>
  );
}
