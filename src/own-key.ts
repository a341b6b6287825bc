/**
 * Setting a key that comes from input (a header, a JSON key, an issue's path) as an own property of
 * a plain object. Assigned with `=`, a key `__proto__` sets the object's prototype instead (nothing
 * is stored, or an input's object becomes the prototype): it is defined, as any other key is stored.
 *
 * @internal
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  // only `__proto__` is an accessor on Object.prototype; every other key is stored by assignment (fast)
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
