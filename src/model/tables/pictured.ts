/**
 * Tables pasted as pictures (a screenshot of a spreadsheet in a Word document): the title, number
 * and unit are text, the grid is an image. Such a table reads as empty; the picture under its
 * title says it is not.
 */
import type { PagePicture } from '../../ingest/rulings.js';
import type { SourceLine, SourceText } from '../../ingest/text.js';
import type { TableRegion } from '../../layout/regions.js';

/** a grid's picture spans at least this share of the text's width on its page (a seal or a logo does not) */
const WIDE = 0.5;

/** where a table starts on its page: its title or number, whichever stands higher */
function topOf(region: TableRegion): SourceLine {
  const t = region.titleSource;
  return t && t.page === region.anchor.page && (t.y ?? Infinity) < (region.anchor.y ?? Infinity) ? t : region.anchor;
}

/**
 * The picture each region's grid is, if any: a wide picture on the page of the region's title,
 * below it and above the next table's title there; or, for a title at the foot of a page, at the
 * top of the next page, above any other table's title.
 */
export function pictureUnder(regions: TableRegion[], source: Pick<SourceText, 'lines' | 'pictures'>): (region: TableRegion) => PagePicture | null {
  const pictures = source.pictures ?? [];
  const widths = new Map<number, number>();
  for (const l of source.lines) {
    if (l.page === undefined || !l.pieces?.length) continue;
    const [x0, x1] = [Math.min(...l.pieces.map((p) => p.x0)), Math.max(...l.pieces.map((p) => p.x1))];
    const w = widths.get(l.page);
    widths.set(l.page, Math.max(w ?? 0, x1 - x0));
  }
  const starts = regions.map(topOf).filter((l) => l.page !== undefined && l.y !== undefined);
  const wide = (p: PagePicture) => p.x1 - p.x0 >= WIDE * (widths.get(p.page) ?? Infinity);
  /** the first wide picture on a page between two heights, top down */
  const between = (page: number, from: number, to: number) =>
    pictures.filter((p) => p.page === page && p.y0 >= from && p.y0 < to && wide(p)).sort((a, b) => a.y0 - b.y0)[0] ?? null;
  const nextStart = (page: number, after: number) => Math.min(...starts.filter((l) => l.page === page && l.y! > after).map((l) => l.y!));
  return (region) => {
    const top = topOf(region);
    if (top.page === undefined || top.y === undefined) return null;
    const next = nextStart(top.page, top.y);
    return between(top.page, top.y, next) ?? (next === Infinity ? between(top.page + 1, -Infinity, nextStart(top.page + 1, -Infinity)) : null);
  };
}
