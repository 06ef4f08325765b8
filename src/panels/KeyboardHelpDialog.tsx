import { useT } from '../i18n/useLocale';
import { Modal } from './share/Modal';

/** Each shortcut: `keys.<name>.keys` (key names differ by language: Mayús, Supr) and `keys.<name>` (what it does). */
const KEYS = ['tab', 'enter', 'inspector', 'arrows', 'delete', 'undo', 'copy', 'selectAll', 'play', 'step', 'escape', 'help'] as const;

/** The list of keyboard shortcuts, in a dialog (KeyboardHelp.tsx opens it). */
export function KeyboardHelpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Modal title={t('keys.title')} onClose={onClose} className="keys-dialog">
      <table className="keys-table">
        <caption className="sr-only">{t('keys.title')}</caption>
        <tbody>
          {KEYS.map((k) => (
            <tr key={k}>
              <th scope="row">
                <kbd>{t(`keys.${k}.keys`)}</kbd>
              </th>
              <td>{t(`keys.${k}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
