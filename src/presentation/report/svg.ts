/**
 * Small SVG charts drawn by the library itself (no chart dependency, no script): a radar chart, a
 * grouped horizontal bar chart, and a stacked bar chart. Every chart carries a `<title>` and
 * `role="img"` so that screen readers can name it.
 */

/** Escapes text for HTML and SVG. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
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

/** A radar (spider) chart: one axis per item, 0–100, one polygon per series. */
export function radarChart(options: {
  readonly title: string;
  readonly axes: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly size?: number;
}): string {
  const size = options.size ?? 360;
  // extra width on both sides so that long Vietnamese axis labels are not clipped
  const width = size + 300;
  const cx = width / 2;
  const cy = size / 2;
  const radius = size / 2 - 60;
  const n = options.axes.length;
  const point = (i: number, v: number) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    const r = (Math.max(0, Math.min(100, v)) / 100) * radius;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)] as const;
  };
  const rings = [20, 40, 60, 80, 100]
    .map((v) => `<polygon class="grid" points="${options.axes.map((_, i) => point(i, v).map(f1).join(',')).join(' ')}" fill="none" stroke="#ccc"/>`)
    .join('');
  const spokes = options.axes
    .map((label, i) => {
      const [x, y] = point(i, 100);
      const [lx, ly] = point(i, 118);
      const anchor = Math.abs(lx - cx) < 5 ? 'middle' : lx > cx ? 'start' : 'end';
      return `<line x1="${cx}" y1="${cy}" x2="${f1(x)}" y2="${f1(y)}" stroke="#ccc"/><text x="${f1(lx)}" y="${f1(ly)}" font-size="11" text-anchor="${anchor}" dominant-baseline="middle">${esc(label)}</text>`;
    })
    .join('');
  const polys = options.series
    .map((s, k) => {
      const color = PALETTE[k % PALETTE.length]!;
      const pts = s.values.map((v, i) => point(i, v).map(f1).join(',')).join(' ');
      return `<polygon class="series" data-series="${esc(s.name)}" points="${pts}" fill="${color}" fill-opacity="${k === 0 ? 0.35 : 0.12}" stroke="${color}" stroke-width="2"/>`;
    })
    .join('');
  const legend = options.series
    .map((s, k) => `<rect x="10" y="${size - 18 * (options.series.length - k)}" width="12" height="12" fill="${PALETTE[k % PALETTE.length]}"/><text x="28" y="${size - 18 * (options.series.length - k) + 10}" font-size="12">${esc(s.name)}</text>`)
    .join('');
  return `<svg class="chart radar" role="img" viewBox="0 0 ${width} ${size}" width="${width}" height="${size}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${rings}${spokes}${polys}${legend}</svg>`;
}

/** Horizontal grouped bars: one row per item, one bar per series, on a shared 0…max scale. */
export function barChart(options: {
  readonly title: string;
  readonly items: readonly { readonly label: string; readonly values: readonly (number | null)[] }[];
  readonly series: readonly string[];
  readonly max: number;
  readonly width?: number;
  readonly format?: (v: number) => string;
}): string {
  const width = options.width ?? 640;
  const labelWidth = 210;
  const barH = 12;
  const rowH = options.series.length * (barH + 2) + 10;
  const height = options.items.length * rowH + 40;
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
  const legend = legendRow(options.series, PALETTE, labelWidth, height - 20, 150, 12);
  return `<svg class="chart bars" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${esc(options.title)}</title>${rows}${legend}</svg>`;
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
