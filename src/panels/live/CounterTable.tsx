/** Live counters of a client as a small two-column table (label, value), one row per counter. */
export function CounterTable({ caption, rows }: { caption: string; rows: readonly (readonly [label: string, value: number | string])[] }) {
  return (
    <table className="live-counters">
      <caption>{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
