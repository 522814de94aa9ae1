import { aTimeout, defineCE, expect, fixture, waitUntil } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { PagingController, type Page } from '../../src/controllers/paging-controller.js';

/** A throwaway host: one 400×300 list of `count` items, tiles 2 × 1 em, sized between 20 and 80 px, no gaps. */
class PagedHost extends LitElement {
  static override styles = css`
    .body {
      position: relative;
      width: 400px;
      height: 300px;
    }
    .list {
      display: grid;
      grid-template-columns: repeat(var(--tile-columns, 1), 1fr);
      align-content: start;
      height: 100%;
      margin: 0;
      padding: 0;
      overflow: hidden;
    }
    .probe--tile {
      position: absolute;
      width: 2em;
      height: 1em;
      font-size: 100px;
      visibility: hidden;
    }
    .probe--limits {
      position: absolute;
      width: 20px;
      height: 80px;
      visibility: hidden;
    }
    li {
      height: 1em;
      font-size: var(--number-size, 20px);
      list-style: none;
    }
  `;
  @property({ type: Number }) count = 0;
  seconds = 1;
  last?: Page<number>;
  readonly paging = new PagingController(this, { seconds: () => this.seconds });

  override render() {
    const page = (this.last = this.paging.page('main', [...Array(this.count).keys()]));
    return html`<div class="body">
      <span class="probe--tile"></span><span class="probe--limits"></span>
      <ol class="list" data-list="main">
        ${page.shown.map(i => html`<li>${i}</li>`)}
      </ol>
    </div>`;
  }
}
const tag = defineCE(PagedHost);

async function host(count: number): Promise<PagedHost> {
  const el = await fixture<PagedHost>(`<${tag} count="${count}"></${tag}>`);
  await waitUntil(() => el.last?.size !== undefined, 'never measured');
  return el;
}

describe('PagingController', () => {
  it('shows everything unsized until the list is measured, then sizes the tiles to fit', async () => {
    const el = await host(4);
    // 4 tiles of 2 × 1 em in 400 × 300: two columns of two rows at 100 px, capped at 80.
    expect(el.last).to.include({ size: 80, count: 1, index: 0 });
    expect(el.last!.shown).to.have.length(4);
    const list = el.shadowRoot!.querySelector<HTMLElement>('.list')!;
    expect(list.style.getPropertyValue('--number-size')).to.equal('80px');
    expect(list.style.getPropertyValue('--tile-columns')).to.equal('2');
    expect(list.getAttribute('style')).to.equal('--number-size: 80px; --tile-columns: 2;');
    expect(el.shadowRoot!.querySelector<HTMLElement>('li')!.getBoundingClientRect().height).to.equal(80);
  });

  it('sizes again when the number of items changes, without measuring again', async () => {
    const el = await host(4);
    el.count = 50;
    await el.updateComplete;
    expect(el.last!.size).to.be.below(80).and.at.least(20);
    expect(el.last!.count).to.equal(1);
  });

  it('pages at the minimum size when the items do not fit, turning pages every `seconds`', async () => {
    const el = await host(500); // at 20 px: 10 columns × 14 rows (1 px of room under each) = 140 a page
    expect(el.last).to.include({ size: 20, columns: 10, count: 4, index: 0 });
    expect(el.last!.shown).to.have.length(140);
    await aTimeout(1100);
    await el.updateComplete;
    expect(el.last!.index).to.equal(1);
    expect(el.last!.shown[0]).to.equal(140);
  });

  it('measures again when the list is resized', async () => {
    const el = await host(4);
    el.shadowRoot!.querySelector<HTMLElement>('.body')!.style.width = '100px';
    await waitUntil(() => el.last!.size! < 80, 'not measured again');
    expect(el.last!.size).to.equal(50); // one column of 2 em in 100 px
  });
});
