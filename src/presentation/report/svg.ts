/**
 * Small SVG charts drawn by the library itself (no chart dependency, no script): a radar chart, a
 * grouped horizontal bar chart, and a stacked bar chart. Every chart carries a `<title>` and
 * `role="img"` so that screen readers can name it.
 */

/**
 * Escapes text for HTML and SVG. Control characters (but tab and line feed) and bidirectional
 * override characters are dropped first: a name cannot reorder what the page shows.
 */
export function esc(s: string | number): string {
  return String(s)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const PALETTE = ['#1f6fb2', '#e07b24', '#2e9c5b', '#c0392b', '#7d4fb3', '#8c6d3f', '#d4a017'];
export const LEVEL_COLORS = ['#d9d9d9', '#f4b183', '#ffd966', '#a9d18e', '#5b9bd5', '#2f5597', '#7f7f7f'];

const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

/** A horizontal legend: a coloured square and a label per entry, `step` pixels apart. */
function legendRow(labels: readonly string[], colors: readonly string[], x: number, y: number, step: number, fontSize: number): string {
  return labels
    .map((label, k) => `<rect x="${x + k * step}" y="${y}" width="12" height="12" fill="${colors[k % colors.length]}"/><text x="${x + k * step + 16}" y="${y + 10}" font-size="${fontSize}">${esc(label)}</text>`)
    .join('');
}

/** Splits a label into balanced lines of about `max` characters at spaces (at most 3 lines). */
export function wrapLabel(label: string, max = 22): string[] {
  const words = label.split(/\s+/).filter(Boolean);
  const total = words.join(' ').length;
  const count = Math.min(3, Math.max(1, Math.ceil(total / max)));
  // aim at equal lines, so that no line is left with a lone short word
  const target = Math.ceil(total / count);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && lines.length < count - 1 && (line + ' ' + word).length > target + 3) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A text of one or more lines, vertically centred on `y`. */
function multiline(lines: readonly string[], x: string, y: number, attrs: string, lineHeight = 13): string {
  const top = y - ((lines.length - 1) * lineHeight) / 2;
  return `<text x="${x}" y="${f1(top)}" ${attrs}>${lines.map((l, k) => `<tspan x="${x}" ${k === 0 ? '' : `dy="${lineHeight}"`}>${esc(l)}</tspan>`).join('')}</text>`;
}

/**
 * A radar (spider) chart: one axis per item, 0–100, one polygon per series. The rings carry their
 * scale (20 %, 40 % …) along the bisector between the first two axes, where no axis label is; axis
 * labels sit outside the outer ring, wrapped onto short lines, anchored away from the centre.
 */
export function radarChart(options: {
  readonly title: string;
  readonly axes: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly size?: number;
  /** How a ring value (20 … 100) is written; default `20%`. */
  readonly ringLabel?: (v: number) => string;
}): string {
  const size = options.size ?? 380;
  // extra width on both sides so that long Vietnamese axis labels are not clipped
  const width = size + 320;
  const cx = width / 2;
  const cy = size / 2;
  const radius = size / 2 - 70;
  const n = options.axes.length;
  const angleOf = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (angle: number, r: number) => [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  const point = (i: number, v: number) => at(angleOf(i), (Math.max(0, Math.min(100, v)) / 100) * radius);
  const ringValues = [20, 40, 60, 80, 100];
  const rings = ringValues
    .map((v) => `<polygon class="grid" points="${options.axes.map((_, i) => point(i, v).map(f1).join(',')).join(' ')}" fill="none" stroke="${v === 100 ? '#999' : '#d0d0d0'}"/>`)
    .join('');
  // ring labels on the bisector of axes 0 and 1: at each ring's edge midpoint, just outside it
  const bisector = angleOf(0) + Math.PI / n;
  const edge = n > 2 ? Math.cos(Math.PI / n) : 1;
  const ringLabel = options.ringLabel ?? ((v: number) => `${v}%`);
  const scale = ringValues
    .map((v) => {
      const [x, y] = at(bisector, (v / 100) * radius * edge + 3);
      return `<text class="ring-label" x="${f1(x)}" y="${f1(y)}" font-size="9" fill="#555" stroke="#fff" stroke-width="3" paint-order="stroke" dominant-baseline="middle">${esc(ringLabel(v))}</text>`;
    })
    .join('');
  const spokes = options.axes
    .map((label, i) => {
      const angle = angleOf(i);
      const [x, y] = point(i, 100);
      const [lx, ly] = at(angle, radius + 16);
      const cos = Math.cos(angle);
      const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
      const lines = wrapLabel(label);
      // above the top, below the bottom: shift the block so that it does not cross the ring
      const sin = Math.sin(angle);
      const shift = Math.abs(cos) < 0.2 ? Math.sign(sin) * ((lines.length - 1) * 13) / 2 : 0;
      return `<line x1="${cx}" y1="${cy}" x2="${f1(x)}" y2="${f1(y)}" stroke="#d0d0d0"/>${multiline(lines, f1(lx), ly + shift, `class="axis-label" font-size="11" text-anchor="${anchor}" dominant-baseline="middle"`)}`;
    })
    .join('');
  const polys = options.series
    .map((s, k) => {
      const color = PALETTE[k % PALETTE.length]!;
      const pts = s.values.map((v, i) => point(i, v).map(f1).join(',')).join(' ');
      return `<polygon class="series" data-series="${esc(s.name)}" points="${pts}" fill="${color}" fill-opacity="${k === 0 ? 0.35 : 0.12}" stroke="${color}" stroke-width="2"/>`;
    })
    .join('');
  // the legend below the bottom axis label
  const legendTop = cy + radius + 56;
  const height = legendTop + 18 * options.series.length + 4;
  const legend = options.series
    .map((s, k) => `<rect x="10" y="${legendTop + 18 * k}" width="12" height="12" fill="${PALETTE[k % PALETTE.length]}"/><text x="28" y="${legendTop + 18 * k + 10}" font-size="12">${esc(s.name)}</text>`)
    .join('');
  return `<svg class="chart radar" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${rings}${spokes}${polys}${scale}${legend}</svg>`;
}

/** Horizontal grouped bars: one row per item, one bar per series, on a shared 0…max scale. */
export function barChart(options: {
  readonly title: string;
  readonly items: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  readonly series: readonly string[];
  readonly max: number;
  readonly width?: number;
  readonly format?: (v: number) => string;
  /** How the scale's ticks are written (default: as `format`). */
  readonly tickFormat?: (v: number) => string;
}): string {
  const width = options.width ?? 640;
  const labelWidth = 210;
  const barH = 12;
  const rowH = options.series.length * (barH + 2) + 10;
  const height = options.items.length * rowH + 56;
  const plot = width - labelWidth - 60;
  const fmt = options.format ?? ((v: number) => String(v));
  const rows = options.items
    .map((item, r) => {
      const y0 = 10 + r * rowH;
      const bars = item.values
        .map((v, k) => {
          if (v === null) return '';
          const w = Math.max(0, (v / options.max) * plot);
          const y = y0 + k * (barH + 2);
          return `<rect class="bar" data-series="${esc(options.series[k] ?? '')}" x="${labelWidth}" y="${y}" width="${f1(w)}" height="${barH}" fill="${PALETTE[k % PALETTE.length]}"/><text x="${f1(labelWidth + w + 4)}" y="${y + barH - 2}" font-size="10">${esc(fmt(v))}</text>`;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y0 + rowH / 2 - 2}" font-size="12" text-anchor="end">${esc(item.label)}</text>${bars}`;
    })
    .join('');
  // the scale: five ticks from 0 to max, with light grid lines behind the bars
  const plotBottom = 10 + options.items.length * rowH;
  const tickValues = [0, 0.25, 0.5, 0.75, 1];
  const grid = tickValues.map((t) => `<line x1="${f1(labelWidth + t * plot)}" y1="6" x2="${f1(labelWidth + t * plot)}" y2="${plotBottom}" stroke="#e4e4e4"/>`).join('');
  const ticks = tickValues
    .map((t) => `<text class="tick" x="${f1(labelWidth + t * plot)}" y="${plotBottom + 11}" font-size="9" fill="#666" text-anchor="middle">${esc((options.tickFormat ?? fmt)(t * options.max))}</text>`)
    .join('');
  const legend = legendRow(options.series, PALETTE, labelWidth, height - 20, 170, 12);
  return `<svg class="chart bars" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${grid}${rows}${ticks}${legend}</svg>`;
}

/** Stacked horizontal bars of shares (each row sums to its count), e.g. levels by district. */
export function stackedBarChart(options: {
  readonly title: string;
  readonly rows: readonly { readonly label: string; readonly counts: readonly number[] }[];
  readonly categories: readonly string[];
  readonly colors?: readonly string[];
  readonly width?: number;
}): string {
  const width = options.width ?? 640;
  const labelWidth = 170;
  const rowH = 24;
  const height = options.rows.length * rowH + 50;
  const plot = width - labelWidth - 20;
  const colors = options.colors ?? LEVEL_COLORS;
  const rows = options.rows
    .map((row, r) => {
      const total = row.counts.reduce((a, b) => a + b, 0) || 1;
      let x = labelWidth;
      const y = 10 + r * rowH;
      const segs = row.counts
        .map((c, k) => {
          const w = (c / total) * plot;
          const seg = c === 0 ? '' : `<rect class="segment" data-category="${esc(options.categories[k] ?? '')}" x="${f1(x)}" y="${y}" width="${f1(w)}" height="${rowH - 6}" fill="${colors[k % colors.length]}"><title>${esc(`${row.label}: ${options.categories[k]} = ${c}`)}</title></rect>${w > 18 ? `<text x="${f1(x + w / 2)}" y="${y + rowH - 11}" font-size="10" text-anchor="middle">${c}</text>` : ''}`;
          x += w;
          return seg;
        })
        .join('');
      return `<text x="${labelWidth - 8}" y="${y + rowH - 11}" font-size="12" text-anchor="end">${esc(row.label)}</text>${segs}`;
    })
    .join('');
  const legend = legendRow(options.categories, colors, labelWidth, height - 22, 80, 11);
  return `<svg class="chart stacked" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${rows}${legend}</svg>`;
}
