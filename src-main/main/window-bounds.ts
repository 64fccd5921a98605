// Validation of the remembered window state: a saved position is used only when it still fits
// a display's work area (monitors get unplugged, resolutions change). Environment-free.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export interface WindowPlacement {
  /** Absent when the saved position is unusable: Electron then centres the default size. */
  bounds: Rect | { width: number; height: number };
  maximized: boolean;
}

export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const;
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
const MAX_COORDINATE = 100_000;

const isCoordinate = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_COORDINATE;

export function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return isCoordinate(r.x) && isCoordinate(r.y) && isCoordinate(r.width) && isCoordinate(r.height);
}

/** Parses the JSON-decoded state file; anything malformed is null (the defaults are used). */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (!isRect(bounds) || typeof maximized !== 'boolean') return null;
  if (bounds.width < MIN_WINDOW_SIZE.width || bounds.height < MIN_WINDOW_SIZE.height) return null;
  const { x, y, width, height } = bounds;
  return { bounds: { x, y, width, height }, maximized };
}

/** True when `bounds` lies wholly inside `area`. */
export function rectContains(area: Rect, bounds: Rect): boolean {
  return (
    bounds.x >= area.x &&
    bounds.y >= area.y &&
    bounds.x + bounds.width <= area.x + area.width &&
    bounds.y + bounds.height <= area.y + area.height
  );
}

export function fitsSomeWorkArea(bounds: Rect, workAreas: readonly Rect[]): boolean {
  return workAreas.some((area) => rectContains(area, bounds));
}

/**
 * Where to open the window: the saved bounds if they fit a current work area, otherwise the
 * default size (shrunk to the largest work area) and no position. Maximised state is kept.
 */
export function chooseWindowPlacement(
  state: WindowState | null,
  workAreas: readonly Rect[],
): WindowPlacement {
  if (state && fitsSomeWorkArea(state.bounds, workAreas))
    return { bounds: state.bounds, maximized: state.maximized };
  const largest = workAreas.reduce<Rect | null>(
    (best, a) => (best === null || a.width * a.height > best.width * best.height ? a : best),
    null,
  );
  const width = Math.max(
    MIN_WINDOW_SIZE.width,
    Math.min(DEFAULT_WINDOW_SIZE.width, largest?.width ?? DEFAULT_WINDOW_SIZE.width),
  );
  const height = Math.max(
    MIN_WINDOW_SIZE.height,
    Math.min(DEFAULT_WINDOW_SIZE.height, largest?.height ?? DEFAULT_WINDOW_SIZE.height),
  );
  return { bounds: { width, height }, maximized: state?.maximized ?? false };
}
