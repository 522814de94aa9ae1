/**
 * State shared by every copy of os-widgets loaded into one page (a CMS script tag plus an app's import, or two
 * versions side by side): the page configuration, the connection registry and the registered translations. Each
 * copy finds it under one global symbol, so two copies open one connection per identity instead of two.
 *
 * The symbol carries the shape's version: a copy whose shared state is not compatible must use another one.
 * DOM-free: it only touches `globalThis`.
 */
const PAGE_SHARED = Symbol.for('os-widgets.page-shared.v1');

type SharedRecord = Record<string, unknown>;

/**
 * The page-wide value stored under `name`, created with `create()` by the first copy that asks for it.
 * @internal
 */
export function pageShared<T>(name: string, create: () => T): T {
  const scope = globalThis as unknown as Record<symbol, SharedRecord | undefined>;
  const record = (scope[PAGE_SHARED] ??= Object.create(null) as SharedRecord);
  if (!(name in record)) record[name] = create();
  return record[name] as T;
}
