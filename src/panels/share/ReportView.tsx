import { Isolated } from '../Name';
import { useT } from '../../i18n/useLocale';
import type { ImportReport, ReportEntry, ReportSection } from '../../share';
import { useSay } from './shareText';

const SECTIONS: readonly ReportSection[] = ['file', 'policy', 'conflict', 'notImported', 'notModelled'];
const HEADINGS = { file: 'shareui.report.file', policy: 'shareui.report.policy', conflict: 'shareui.report.conflict', notImported: 'shareui.report.notImported', notModelled: 'shareui.report.notModelled' } as const;

/** A list of report entries, each with the problems that refused it (field by field). */
export function ReportEntries({ entries }: { entries: ReportEntry[] }) {
  const say = useSay();
  return (
    <ul className="report-entries">
      {entries.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list shown once
        <li key={i}>
          <Isolated text={say(e)} />
          {e.problems?.length ? (
            <ul>
              {e.problems.map((p, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list shown once
                <li key={j}>
                  {p.path ? <code>{p.path}</code> : null}
                  {p.path ? ': ' : null}
                  <Isolated text={say(p)} />
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * What a definitions import brings and what it does not: counts, then the entries by section
 * (policies applied, conflicts, what was not imported, what a simulation does not model).
 */
export function ReportView({ report }: { report: ImportReport }) {
  const t = useT();
  const say = useSay();
  const { exchanges, queues, bindings } = report.imported;
  return (
    <div className="import-report">
      <h3>
        <Isolated text={say({ key: 'share.defs.title', params: { vhost: report.vhost } })} />
      </h3>
      <p>{t('shareui.report.imported', { exchanges, queues, bindings })}</p>
      {SECTIONS.map((section) => {
        const entries = report.entries.filter((e) => e.section === section);
        if (!entries.length) return null;
        return (
          <section key={section} aria-label={t(HEADINGS[section])}>
            <h4>
              {t(HEADINGS[section])} ({entries.length})
            </h4>
            <ReportEntries entries={entries} />
          </section>
        );
      })}
      {report.entries.length === 0 ? <p>{t('shareui.report.complete')}</p> : null}
    </div>
  );
}
