// A message saying what to do when there is nothing to show.
import type { ReactNode } from 'react';

export function EmptyState({ title, children }: { title: string; children?: ReactNode }): React.JSX.Element {
  return (
    <div className="empty-state" role="status">
      <h3>{title}</h3>
      {children && <div className="muted">{children}</div>}
    </div>
  );
}
