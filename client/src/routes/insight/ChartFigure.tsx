import { useId, useState, type ReactNode } from 'react';

/**
 * A chart with the same figures as a table. The chart is decoration for sighted readers
 * (aria-hidden); the table is always in the accessibility tree, and a button shows it on screen.
 */
export function ChartFigure({ title, summary, chart, table }: { title: string; summary?: string; chart: ReactNode; table: ReactNode }) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <figure className="chart card" aria-labelledby={`${id}-title`}>
      <div className="chart__head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="button button--quiet button--small no-print" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Show chart' : 'Show table'}
        </button>
      </div>
      {summary && <p className="chart__summary">{summary}</p>}
      <div className={showTable ? 'visually-hidden' : 'chart__plot'} aria-hidden="true">
        {chart}
      </div>
      <div id={`${id}-table`} className={showTable ? 'chart__table' : 'visually-hidden'}>
        {table}
      </div>
    </figure>
  );
}

/** A plain two-or-more column table of figures. */
export function FigureTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i > 0 ? 'num' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className="num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
