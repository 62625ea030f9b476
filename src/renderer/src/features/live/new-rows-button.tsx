// "N new": rows Gradio appended while the reviewer was elsewhere; a click scrolls to them.
export function NewRowsButton({
  count,
  onClick,
}: {
  count: number;
  onClick: () => void;
}): React.JSX.Element | null {
  if (count <= 0) return null;
  return (
    <button type="button" className="new-rows" onClick={onClick} data-testid="new-rows">
      {count} new ↓
    </button>
  );
}
