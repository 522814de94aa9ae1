import { noChange, type ChildPart } from 'lit';
import { Directive, directive } from 'lit/directive.js';
import {
  getCommittedValue,
  insertPart,
  removePart,
  setChildPartValue,
  setCommittedValue
} from 'lit/directive-helpers.js';

/**
 * A keyed list: each item's DOM stays with its key (moved, never reused for another key), as with Lit's `repeat()`,
 * but an item that leaves takes both of its marker comments along. lit-html 3.3's `repeat()` leaves the end marker of
 * every removed item behind (lit/lit#5010; the fix, lit/lit#5299, is not released), so a board that runs all day would
 * grow by a comment per order and per tile per page turn. `map()` does not leak but reuses DOM by index (the "just
 * ready" ring and a toast's focus would pass to another item), and `map()` with `keyed()` rebuilds every item after
 * an insertion (focus lost, the enter animation replayed); see test/components/dom-identity.test.ts.
 *
 * The lists here mostly gain and lose items; an item that moves is moved in one step when it moves towards the
 * start, and the items it passes are moved when it moves towards the end (no minimal-move search: smaller).
 */
class KeyedListDirective extends Directive {
  private keys: unknown[] = [];

  render<T>(items: readonly T[], _key: (item: T) => unknown, template: (item: T) => unknown): unknown[] {
    return items.map(template);
  }

  override update<T>(
    container: ChildPart,
    [items, key, template]: [readonly T[], (item: T) => unknown, (item: T) => unknown]
  ): unknown {
    const old = getCommittedValue(container);
    const keys = items.map(key);
    if (!Array.isArray(old)) {
      // The first render: Lit makes a part per item.
      this.keys = keys;
      return items.map(template);
    }
    const oldParts = old as ChildPart[];
    const byKey = new Map<unknown, ChildPart>();
    this.keys.forEach((k, i) => byKey.set(k, oldParts[i]));
    const kept = new Set<unknown>(keys);
    const remaining: ChildPart[] = [];
    this.keys.forEach((k, i) => {
      if (kept.has(k) && byKey.get(k) === oldParts[i]) remaining.push(oldParts[i]);
      else {
        removePart(oldParts[i]);
        (oldParts[i].endNode as ChildNode | null)?.remove(); // what removePart() leaves behind
      }
    });
    const used = new Set<ChildPart>();
    const parts: ChildPart[] = [];
    let next = 0;
    items.forEach((item, i) => {
      while (next < remaining.length && used.has(remaining[next])) next++;
      let part = byKey.get(keys[i]);
      if (part && used.has(part)) part = undefined; // a repeated key gets DOM of its own
      if (!part) part = insertPart(container, remaining[next]);
      else if (part === remaining[next]) next++;
      else insertPart(container, remaining[next], part);
      used.add(part);
      setChildPartValue(part, template(item));
      parts.push(part);
    });
    this.keys = keys;
    setCommittedValue(container, parts);
    return noChange;
  }
}

/**
 * Renders `items` with `template`, keeping each item's DOM with `key(item)` across renders (focus, hover state and
 * running animations stay with their item when others come, go or move). Keys should be unique.
 */
export const keyedList = directive(KeyedListDirective) as <T>(
  items: readonly T[],
  key: (item: T) => unknown,
  template: (item: T) => unknown
) => unknown;
