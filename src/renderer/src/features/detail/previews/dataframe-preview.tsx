// A small data frame as a table (first 50 rows).
import type { DataframeValue } from '../../../common/cell-values';

const MAX_ROWS = 50;

export function DataframePreview({ value }: { value: DataframeValue }): React.JSX.Element {
  return (
    <div className="dataframe-preview">
      <table>
        {value.headers.length > 0 && (
          <thead>
            <tr>
              {value.headers.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>
          {value.rows.slice(0, MAX_ROWS).map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {value.rows.length > MAX_ROWS && <p className="muted">{value.rows.length - MAX_ROWS} more rows</p>}
    </div>
  );
}
