/** A list's box and its tiles, as {@link fitTiles} needs them; every length in px. */
export interface TileBox {
  /** The list's inner width. */
  width: number;
  /** The list's inner height. */
  height: number;
  /** Space between two tiles side by side. */
  gapX: number;
  /** Space between two rows of tiles. */
  gapY: number;
  /** A tile's width per px of font size (its widest number, with padding). */
  tileWidth: number;
  /** A tile's height per px of font size (number, name and padding). */
  tileHeight: number;
  /** The smallest font size allowed: below it the list pages instead. */
  min: number;
  /** The largest font size allowed (`Infinity` for no limit). */
  max: number;
}

/** How {@link fitTiles} lays out a list. */
export interface TileFit {
  /** The tiles' font size in px. */
  size: number;
  /** How many tiles go in a row. */
  columns: number;
  /** How many tiles fit in the box at that size (at least `count` when they all fit). */
  capacity: number;
}

/** Room left under each row for rounding, in px, so that the last row is never clipped. */
const SLACK = 1;

/**
 * The layout of `count` tiles in a box: the largest font size at which all of them fit (trying every number of
 * columns), clamped to `[min, max]`, and how many tiles go in a row at that size. When they do not fit even at `min`,
 * the size is `min` and `capacity` says how many fit on one page. A tile is never wider than the box: a number too
 * wide for it at `min` gets smaller still. Sizes are rounded down to a quarter px.
 *
 * @example
 * fitTiles({ width: 1000, height: 900, gapX: 24, gapY: 24, tileWidth: 2.4, tileHeight: 1.35, min: 56, max: 210 }, 5);
 * // → { size: 203.25, columns: 2, capacity: 6 }: five numbers in two columns, about 200 px high
 */
export function fitTiles(box: TileBox, count: number): TileFit {
  const { width, height, gapX, gapY, tileWidth, tileHeight, min, max } = box;
  const n = Math.max(1, Math.floor(count));
  let best = 0;
  for (let columns = 1; columns <= n; columns++) {
    const byWidth = (width - (columns - 1) * gapX) / columns / tileWidth;
    if (byWidth <= best) break; // more columns are only narrower
    const rows = Math.ceil(n / columns);
    const byHeight = (height - (rows - 1) * gapY - rows * SLACK) / rows / tileHeight;
    best = Math.max(best, Math.min(byWidth, byHeight));
  }
  // Never wider than the box, even below `min`: a number that does not fit shrinks, it never wraps or overflows.
  const size = Math.floor(Math.min(Math.max(best, min), Math.max(min, max), width / tileWidth) * 4) / 4;
  const columns = Math.max(1, Math.floor((width + gapX) / (tileWidth * size + gapX) + 1e-6));
  const rows = Math.max(1, Math.floor((height + gapY) / (tileHeight * size + SLACK + gapY) + 1e-6));
  return { size, columns, capacity: columns * rows };
}

/**
 * The text of `texts` likely to be widest in a bold sans-serif with tabular digits (the one a probe tile should hold):
 * by a rough advance width per character (M, W and @ 1 em, other capitals 0.75 em, anything else 0.6 em), so the
 * longest, and among equally long ones the one with the most wide letters. `''` for none. When `previous` (the text
 * picked last time) is estimated as wide as the widest, it is kept, so the probe's text (and the layout it causes)
 * changes only when the widest width does.
 */
export function widestText(texts: readonly string[], previous?: string): string {
  let widest = '';
  let widestScore = 0;
  for (const text of texts) {
    if (text.length <= widestScore) continue; // cannot beat it, even at 1 em a character
    const score = widthScore(text);
    if (score > widestScore) {
      widest = text;
      widestScore = score;
    }
  }
  return previous !== undefined && widest !== '' && widthScore(previous) === widestScore ? previous : widest;
}

/** The rough advance width of `text`, in em (see {@link widestText}). */
function widthScore(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    score += code === 0x4d || code === 0x57 || code === 0x40 ? 1 : code >= 0x41 && code <= 0x5a ? 0.75 : 0.6;
  }
  return score;
}
