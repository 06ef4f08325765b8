import { Isolated } from '../Name';
import { useT } from '../../i18n/useLocale';
import type { ShareError } from '../../share';
import { useSay } from './shareText';

/** Problems listed at most: a hostile file may have thousands; the count says how many there are. */
const SHOWN = 50;

/** Why an input was refused: the message, then each problem with where it is. Rendered as text. */
export function ShareErrorText({ error }: { error: ShareError }) {
  const t = useT();
  const say = useSay();
  const problems = error.problems ?? [];
  return (
    <div className="share-error">
      <p>
        <Isolated text={say(error)} />
      </p>
      {problems.length ? (
        <ul className="share-problems" aria-label={t('shareui.problems', { n: problems.length })}>
          {problems.slice(0, SHOWN).map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list shown once
            <li key={i}>
              {p.path ? <code>{p.path}</code> : null}
              {p.path ? ': ' : null}
              <Isolated text={say(p)} />
            </li>
          ))}
          {problems.length > SHOWN ? <li>{t('shareui.moreProblems', { n: problems.length - SHOWN })}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
