import { expect } from '@open-wc/testing';
import { changedFields, checkVenueConfig, closedReason, venueName, venueState } from '../../src/models/venue.js';

describe('models/venue', () => {
  describe('checkVenueConfig()', () => {
    it("accepts this venue's configuration, with flags of the wrong type read as absent", () => {
      const checked = checkVenueConfig(
        { id: 'v1', name: 5, active: 'false', tempDisabled: true, tempDisabledReason: 7, address: { city: 'W' } },
        'v1'
      );
      expect(checked).to.deep.equal({ ok: true, value: { id: 'v1', tempDisabled: true, address: { city: 'W' } } });
      expect(venueState(checked.ok ? checked.value : undefined)).to.equal('temp-closed');
    });

    it("rejects another venue's configuration, a missing id and deep nesting", () => {
      expect(checkVenueConfig({ id: 'other' }, 'v1')).to.deep.equal({
        ok: false,
        reason: 'the configuration is of venue "other", not "v1"'
      });
      expect(checkVenueConfig({ name: 'x' }, 'v1')).to.deep.equal({ ok: false, reason: 'the venue id is missing' });
      expect(checkVenueConfig([], 'v1')).to.deep.equal({
        ok: false,
        reason: 'the venue configuration is an array'
      });
      const deep = JSON.parse(`{"id":"v1","extra":${'['.repeat(80)}${']'.repeat(80)}}`) as unknown;
      expect(checkVenueConfig(deep, 'v1').ok).to.be.false;
    });
  });

  describe('texts', () => {
    it('cuts the reason to 120 characters and the name to 40', () => {
      const long = 'W'.repeat(1_000_000);
      expect(closedReason({ id: 'v1', tempDisabledReason: ` ${long} ` })).to.equal(`${'W'.repeat(119)}…`);
      expect(closedReason({ id: 'v1', tempDisabledReason: null })).to.equal('');
      expect(venueName({ id: 'v1', name: long })).to.equal(`${'W'.repeat(39)}…`);
      expect(venueName({ id: 'v1', name: ' ' })).to.be.undefined;
    });
  });

  describe('changedFields()', () => {
    it('counts a field that cannot be written as JSON as changed, without throwing', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(changedFields({ id: 'v1', extra: cyclic }, { id: 'v1', extra: cyclic })).to.deep.equal([]);
      expect(changedFields({ id: 'v1', extra: cyclic }, { id: 'v1', extra: { ...cyclic } })).to.deep.equal(['extra']);
      expect(changedFields({ id: 'v1', a: [1] }, { id: 'v1', a: [1] })).to.deep.equal([]);
    });
  });
});
