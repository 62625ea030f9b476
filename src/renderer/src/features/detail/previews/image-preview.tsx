// An image at fit size; click toggles 1:1 zoom, dragging pans the zoomed image.
import { useRef, useState, type PointerEvent } from 'react';

interface Props {
  src: string;
  alt: string;
}

export function ImagePreview({ src, alt }: Props): React.JSX.Element {
  const [zoomed, setZoomed] = useState(false);
  const [failed, setFailed] = useState(false);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const down = (e: PointerEvent): void => {
    if (!zoomed || !box.current) return;
    drag.current = {
      x: e.clientX,
      y: e.clientY,
      left: box.current.scrollLeft,
      top: box.current.scrollTop,
      moved: false,
    };
  };
  const move = (e: PointerEvent): void => {
    const d = drag.current;
    if (!d || !box.current) return;
    d.moved = true;
    box.current.scrollLeft = d.left - (e.clientX - d.x);
    box.current.scrollTop = d.top - (e.clientY - d.y);
  };
  const up = (): void => {
    const moved = drag.current?.moved;
    drag.current = null;
    if (!moved) setZoomed((z) => !z);
  };

  if (failed) return <span className="badge badge-missing">image could not be decoded: {alt}</span>;
  return (
    <div
      ref={box}
      className={`image-preview${zoomed ? ' zoomed' : ''}`}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerLeave={() => (drag.current = null)}
      title={zoomed ? 'Drag to pan, click to fit' : 'Click to zoom 1:1'}
    >
      <img
        src={src}
        alt={alt}
        draggable={false}
        onError={() => setFailed(true)}
        data-testid="preview-image"
      />
    </div>
  );
}
