import { memo, type MouseEvent } from 'react';
import { useT } from '../../i18n/useLocale';
import type { MessageRef } from '../../store/simController';
import { usePlayback, useSim } from '../../store/useSim';
import { keyColour } from '../layer/palette';

/** A message drawn as a chip: in a queue's buffer, or held unacked by a consumer. */
export interface ChipItem {
  msgId: number;
  /** routing key (its colour); undefined when not known */
  key: string | undefined;
  redelivered?: boolean;
  /** delivery mode 2 (a square chip; a transient message is round); unknown when undefined */
  persistent?: boolean;
}

const selectedId = (ref: MessageRef | null): number | null => (ref && 'msgId' in ref ? ref.msgId : null);

/**
 * A row of message chips coloured by routing key, then "+N" for the rest. Each chip is a button
 * that selects its message for the inspector. The list has a fixed height, so chips coming and
 * going never resize the node (a resize would make React Flow re-measure it and redraw its edges).
 */
export const ChipList = memo(function ChipList({ items, more, label, busy, className }: { items: readonly ChipItem[]; more: number; label: string; busy?: number | null; className?: string }) {
  const t = useT();
  const sim = useSim();
  const selected = usePlayback((s) => selectedId(s.selected));
  const onClick = (e: MouseEvent<HTMLElement>) => {
    const id = (e.target as HTMLElement).closest<HTMLElement>('[data-msg]')?.dataset.msg;
    if (id === undefined) return;
    e.stopPropagation();
    sim.select({ msgId: Number(id) });
  };
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the chips are buttons; this only delegates their clicks
    <ul className={`chip-list nodrag${className ? ` ${className}` : ''}`} aria-label={label} onClick={onClick}>
      {items.map((c) => {
        const key = c.key === undefined ? '?' : c.key === '' ? t('chip.emptyKey') : c.key;
        const notes = [
          c.persistent === undefined ? '' : t(c.persistent ? 'layer.sym.persistent' : 'layer.sym.transient'),
          c.redelivered ? t('chip.redelivered') : '',
          c.msgId === busy ? t('chip.processing') : '',
        ].filter(Boolean).join(', ');
        const name = `${t('chip.message', { id: c.msgId, key })}${notes ? ` (${notes})` : ''}`;
        const cls = `chip${c.persistent ? ' is-persistent' : ''}${c.redelivered ? ' is-redelivered' : ''}${c.msgId === busy ? ' is-busy' : ''}${c.msgId === selected ? ' is-selected' : ''}`;
        return (
          <li key={c.msgId}>
            <button type="button" className={cls} data-msg={c.msgId} aria-pressed={c.msgId === selected} style={{ background: c.key === undefined ? undefined : keyColour(c.key) }} aria-label={name} title={name} />
          </li>
        );
      })}
      {more > 0 ? <li className="chip-more">{t('chip.more', { n: more })}</li> : null}
    </ul>
  );
});
