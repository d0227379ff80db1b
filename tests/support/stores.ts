import type { Keyring } from '../../functions/records/seal.ts';

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

/**
 * The outbox's settings with a keyring that fails as code can (a bug, a dependency), not as a
 * record can: every look-up of a key throws a TypeError.
 */
export function withFaultyKeyring<T extends { config: { keyring: Keyring } }>(outbox: T): T {
  const { keyring } = outbox.config;
  const keys = Object.assign(new Map(keyring.keys), {
    has: () => {
      throw new TypeError('fault');
    },
  });
  return { ...outbox, config: { ...outbox.config, keyring: { ...keyring, keys } } };
}
