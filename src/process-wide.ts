/**
 * One value per process, shared by every copy of the package that the process loads: the ES module
 * and CommonJS builds, the separate files of each entry, and the Node build's presentation chunk each
 * hold their own copy of the library's modules, yet a framework checked, bundled or used for scoring
 * by one copy must be recognised by the others (the dual-package hazard). The value lives on
 * `globalThis` under `Symbol.for('vn-digital-index.<name>')`, made by the first copy that asks.
 *
 * @internal
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`vn-digital-index.${name}`);
  const shared = globalThis as unknown as Record<symbol, T | undefined>;
  return (shared[key] ??= create());
}
