import { expect } from '@open-wc/testing';
import { fitTiles, widestText, type TileBox } from '../../src/controllers/tile-fit.js';

/** A 1000×900 box with 24 px gaps and tiles 2.4 em wide and 1.35 em high, sized between 56 and 210 px. */
const TV: TileBox = {
  width: 1000,
  height: 900,
  gapX: 24,
  gapY: 24,
  tileWidth: 2.4,
  tileHeight: 1.35,
  min: 56,
  max: 210
};

/** True when `count` tiles at the fit's size and columns fit in the box. */
function fits(box: TileBox, fit: { size: number; columns: number }, count: number): boolean {
  const rows = Math.ceil(count / fit.columns);
  const width = fit.columns * box.tileWidth * fit.size + (fit.columns - 1) * box.gapX;
  const height = rows * box.tileHeight * fit.size + (rows - 1) * box.gapY;
  return width <= box.width && height <= box.height;
}

describe('fitTiles', () => {
  it('finds the largest size at which every tile fits, trying each number of columns', () => {
    const fit = fitTiles(TV, 5);
    expect(fit).to.deep.equal({ size: 203.25, columns: 2, capacity: 6 });
    expect(fits(TV, fit, 5)).to.be.true;
    expect(fits(TV, { size: fit.size + 1, columns: 2 }, 5)).to.be.false;
    expect(fits(TV, { size: fit.size + 1, columns: 3 }, 5)).to.be.false;
  });

  it('stops at max with few tiles', () => {
    expect(fitTiles(TV, 1).size).to.equal(210);
    expect(fitTiles(TV, 0).size).to.equal(210);
    expect(fitTiles({ ...TV, max: Infinity }, 1).size).to.equal(416.5); // as wide as the box
  });

  it('shrinks smoothly as tiles are added, every tile fitting, until min', () => {
    let previous = Infinity;
    for (let count = 1; count <= 54; count++) {
      const fit = fitTiles(TV, count);
      expect(fit.size, `${count} tiles`).to.be.at.most(previous).and.at.least(TV.min);
      expect(fit.capacity, `${count} tiles`).to.be.at.least(count);
      expect(fits(TV, fit, count), `${count} tiles`).to.be.true;
      previous = fit.size;
    }
  });

  it('stays at min and says how many fit on a page when they do not all fit', () => {
    const fit = fitTiles(TV, 80);
    expect(fit.size).to.equal(56);
    expect(fit.capacity).to.be.below(80);
    expect(fits(TV, fit, fit.capacity)).to.be.true;
    expect(fits(TV, fit, fit.capacity + fit.columns)).to.be.false; // one more row would not fit
  });

  it('goes below min rather than let a tile be wider than the box', () => {
    const fit = fitTiles({ ...TV, width: 100, tileWidth: 6 }, 3);
    expect(fit.size).to.be.below(TV.min);
    expect(fit.size * 6).to.be.at.most(100);
    expect(fit.columns).to.equal(1);
  });

  it('treats max below min as min', () => {
    expect(fitTiles({ ...TV, min: 80, max: 40 }, 1).size).to.equal(80);
  });
});

describe('widestText', () => {
  it('picks the longest text, and among equally long ones the one with the most wide letters', () => {
    expect(widestText(['7', '42', '101', '99'])).to.equal('101');
    expect(widestText(['R2D2C3', 'WWMWWM', 'CY5EDH'])).to.equal('WWMWWM');
    expect(widestText(['CY5EDH', '123456'])).to.equal('CY5EDH');
    expect(widestText([])).to.equal('');
  });

  it('keeps the previous pick while it is as wide as the widest, so the probe does not change for nothing', () => {
    expect(widestText(['101', '999', '555'], '555')).to.equal('555');
    expect(widestText(['101', '999'], '555'), 'gone, but as wide').to.equal('555');
    expect(widestText(['101', '1000'], '555'), 'a wider one came').to.equal('1000');
    expect(widestText(['7', '42'], '555'), 'the wide ones left').to.equal('42');
    expect(widestText([], '555')).to.equal('');
  });
});
