import { expect } from '@open-wc/testing';
import { html, nothing, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { keyedList } from '../../src/internal/keyed-list.js';

interface Item {
  id: string;
  text: string;
}

const li = (item: Item) => html`<li>${item.text}</li>`;

/** Comment nodes below `root`. */
function comments(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  let n = 0;
  while (walker.nextNode()) n++;
  return n;
}

/** A seeded random source (Park–Miller). */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

/** 2,000 renders of a list of up to 20 items: removals, insertions anywhere, moves, sometimes an empty list. */
function churn(each: (items: Item[]) => void): number {
  const rnd = random(42);
  let next = 0;
  const item = (): Item => ({ id: `k${next}`, text: `item ${next++}` });
  let items = Array.from({ length: 10 }, item);
  for (let round = 0; round < 2000; round++) {
    items = items.filter(() => rnd() > 0.2);
    for (let i = Math.floor(rnd() * 4); i > 0; i--) items.splice(Math.floor(rnd() * (items.length + 1)), 0, item());
    if (rnd() < 0.1 && items.length > 1) items.push(items.shift()!);
    if (rnd() < 0.1 && items.length > 1) items.unshift(items.pop()!);
    if (rnd() < 0.02) items = [];
    items = items.slice(0, 20);
    each(items);
  }
  return next;
}

describe('keyedList()', () => {
  let host: HTMLElement;

  beforeEach(() => {
    host = document.createElement('ol');
    document.body.append(host);
  });

  afterEach(() => host.remove());

  const shown = () => [...host.querySelectorAll('li')].map(el => el.textContent);
  /** One call site, so that every render updates the same template (another template would clear the host). */
  const draw = (items: Item[], template: (item: Item) => unknown = li) =>
    render(html`${keyedList(items, item => item.id, template)}`, host);

  it('renders the items in order, keeping each one’s element while it stays, and leaves no comments behind', () => {
    const elements = new Map<string, Element>();
    let created = 0;
    const made = churn(items => {
      draw(items);
      expect(shown()).to.deep.equal(items.map(i => i.text));
      const lis = [...host.querySelectorAll('li')];
      const now = new Map<string, Element>();
      items.forEach((item, i) => {
        const old = elements.get(item.id);
        if (old) expect(lis[i], `${item.id} keeps its element`).to.equal(old);
        else created++;
        now.set(item.id, lis[i]);
      });
      elements.clear();
      for (const [id, el] of now) elements.set(id, el);
    });
    expect(created, 'one element per key, never reused for another').to.be.at.most(made);
    draw([{ id: 'a', text: 'a' }]);
    expect(comments(host), 'three for the template and the list, three per item').to.equal(6);
  });

  it('(what it replaces: lit-html 3.3 repeat() keeps a comment per removed item, lit/lit#5010)', () => {
    let removed = 0;
    let before: Item[] = [];
    churn(items => {
      render(html`${repeat(items, item => item.id, li)}`, host);
      const ids = new Set(items.map(i => i.id));
      removed += before.filter(i => !ids.has(i.id)).length;
      before = items;
    });
    // If this fails, a fixed lit-html is installed (lit/lit#5299) and repeat() could come back.
    expect(comments(host)).to.be.greaterThan(removed / 2);
  });

  it('gives a repeated key DOM of its own, and renders templates that return nothing', () => {
    const items = [
      { id: 'a', text: 'A' },
      { id: 'a', text: 'A again' },
      { id: 'b', text: '' }
    ];
    const template = (item: Item) => (item.text ? li(item) : nothing);
    draw(items, template);
    expect(shown()).to.deep.equal(['A', 'A again']);
    draw([...items].reverse(), template);
    expect(shown()).to.deep.equal(['A again', 'A']);
    draw([items[2], { id: 'b', text: 'B' }], template);
    expect(shown()).to.deep.equal(['B']);
    draw([], template);
    expect(shown()).to.deep.equal([]);
    expect(comments(host)).to.equal(3);
  });
});
