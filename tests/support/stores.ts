/**
 * A store (or any object) with some of its methods replaced for one test, the rest as they are:
 * `replace` returns the stand-in for a property, or undefined to keep the store's own.
 */
export function overriding<T extends object>(store: T, replace: (target: T, name: string | symbol) => unknown): T {
  return new Proxy(store, {
    get(target, name) {
      const replaced = replace(target, name);
      if (replaced !== undefined) return replaced;
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
