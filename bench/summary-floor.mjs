// The statistics of a cohort summary as the bench floors compute them by hand (bench/run.mjs's
// summarize floor and bench/cli-floor.mjs's summary floor): per group, counts per level, shares at or
// above each level, the mean percentage, and count, mean, median, quartiles, extremes and the exact
// mean and sum of the total and of each pillar. Exact figures with decimal.js, rounded half-up.
import DecimalJs from 'decimal.js';

const D = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -1000, toExpPos: 1000 });
const half = (n, d, decimals) => new D(n).div(d).toDecimalPlaces(decimals, DecimalJs.ROUND_HALF_UP).toNumber();

/** The statistics of one list of figures (a Float64Array is sorted in place; any other list is copied). */
export function stat(list) {
  const values = list instanceof Float64Array ? list.sort() : Float64Array.from(list).sort();
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const q = (k) => {
    const h = ((n - 1) * k) / 4;
    const lo = Math.floor(h);
    return values[lo] + (h - lo) * ((values[lo + 1] ?? values[lo]) - values[lo]);
  };
  return { count: n, mean: half(sum, n, 2), median: q(2), q1: q(1), q3: q(3), min: values[0], max: values[n - 1], exact: { mean: new D(sum).div(n).toFixed(), sum: String(sum) } };
}

/**
 * A function that summarises one group of a DBI framework's results: `g` holds `count`, `levels`
 * (counts by level), `total` (each result's total) and `pillars` (each pillar's points, in order).
 */
export function groupSummary(framework) {
  const levelIds = framework.levels.map((l) => l.level);
  const totalMax = framework.pillars.reduce((a, p) => a + p.max, 0);
  return (key, keys, g) => {
    const levels = {};
    for (const l of levelIds) levels[String(l)] = g.levels[l];
    const atOrAbove = {};
    let cumulative = 0;
    for (const l of [...levelIds].reverse()) atOrAbove[String(l)] = half((cumulative += g.levels[l]), g.count, 4);
    const sum = g.total.reduce((a, b) => a + b, 0);
    return {
      key, keys, count: g.count, levels, atOrAbove, total: stat(g.total), meanPercent: half(sum * 100, g.count * totalMax, 2),
      pillars: Object.fromEntries(framework.pillars.map((p, i) => [p.id, stat(g.pillars[i])])),
    };
  };
}
