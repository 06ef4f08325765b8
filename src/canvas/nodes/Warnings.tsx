import type { DocIssue } from '../../model';
import { useExplain } from '../../panels/modelText';

/** A warning mark on a node: what AMQP will do that the user may not expect (e.g. a 404 at publish). */
export function Warnings({ issues }: { issues: DocIssue[] }) {
  const explain = useExplain();
  if (issues.length === 0) return null;
  const text = issues.map((i) => explain(i.explanation)).join('\n');
  return (
    <div className="node-warning" title={text}>
      <span aria-hidden="true">⚠</span>
      <span className="sr-only">{text}</span>
      {issues.length > 1 ? <span aria-hidden="true"> {issues.length}</span> : null}
    </div>
  );
}

/** A small feature badge with an explanation on hover (and for screen readers). */
export function Badge({ label, title, tone }: { label: string; title: string; tone?: 'accent' | 'muted' }) {
  return (
    <span className={`badge${tone ? ` badge-${tone}` : ''}`} title={title}>
      {label}
    </span>
  );
}
