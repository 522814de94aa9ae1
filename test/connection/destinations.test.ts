import { expect } from '@open-wc/testing';
import {
  DOCUMENTED_TEMPLATES,
  ORDERING_CORE_TEMPLATES,
  fillTemplate,
  hasPlaceholders,
  templatesFor
} from '../../src/connection/destinations.js';

describe('destinations', () => {
  describe('presets', () => {
    it('documents the documented forms as the default preset', () => {
      expect(templatesFor()).to.deep.equal({
        order: '/order-changes/{userId}/{orderId}',
        user: '/kds/{tenant}/{userId}',
        venueOrders: '/kds/{tenant}/{venue}',
        venue: '/venue/{tenant}/{venue}'
      });
      expect(templatesFor({ destinations: 'documented' })).to.deep.equal(DOCUMENTED_TEMPLATES);
    });

    it('selects the official client forms with one setting', () => {
      expect(templatesFor({ destinations: 'ordering-core' })).to.deep.equal({
        order: '/order-changes/{tenant}/{userId}',
        user: '/notifications/{tenant}/{userId}',
        venueOrders: '/kds/{tenant}/{venue}',
        venue: '/venues/{tenant}/{venue}'
      });
      expect(ORDERING_CORE_TEMPLATES.user).to.equal('/notifications/{tenant}/{userId}');
    });

    it('applies individual template overrides on top of the preset, ignoring blank ones', () => {
      const templates = templatesFor({
        destinations: 'ordering-core',
        templates: { venue: '/topic/venue.{tenant}.{venue}', user: '  ' }
      });
      expect(templates.venue).to.equal('/topic/venue.{tenant}.{venue}');
      expect(templates.user).to.equal('/notifications/{tenant}/{userId}');
      expect(templates.order).to.equal('/order-changes/{tenant}/{userId}');
    });

    it('does not let callers mutate the presets', () => {
      const templates = templatesFor();
      templates.order = '/changed';
      expect(DOCUMENTED_TEMPLATES.order).to.equal('/order-changes/{userId}/{orderId}');
      expect(Object.isFrozen(DOCUMENTED_TEMPLATES)).to.be.true;
    });
  });

  describe('fillTemplate()', () => {
    it('fills known placeholders', () => {
      expect(fillTemplate('/kds/{tenant}/{venue}', { tenant: 't1', venue: 'v1' })).to.equal('/kds/t1/v1');
    });

    it('encodes values so they stay one path segment', () => {
      expect(fillTemplate('/order-changes/{userId}/{orderId}', { userId: 'u/1', orderId: 'a b?#' })).to.equal(
        '/order-changes/u%2F1/a%20b%3F%23'
      );
    });

    it('leaves placeholders whose value is unknown for later', () => {
      const partly = fillTemplate('/order-changes/{userId}/{orderId}', { orderId: 'o1', userId: undefined });
      expect(partly).to.equal('/order-changes/{userId}/o1');
      expect(fillTemplate(partly, { userId: 'u1' })).to.equal('/order-changes/u1/o1');
      expect(fillTemplate('/kds/{tenant}/{venue}', { tenant: '', venue: null })).to.equal('/kds/{tenant}/{venue}');
    });

    it('fills numbers and leaves unrelated placeholders', () => {
      expect(fillTemplate('/x/{n}/{other}', { n: 0 })).to.equal('/x/0/{other}');
    });

    it('gives the documented and ordering-core forms the same strings as before for ordinary ids', () => {
      const ids = {
        tenant: '6f1c2e0a-93d4-4c55-b1e2-0d2f8a7c9b10',
        userId: 'anon-Ab_9',
        orderId: 'o-1001',
        venue: 'v1'
      };
      expect(fillTemplate(DOCUMENTED_TEMPLATES.order, ids)).to.equal('/order-changes/anon-Ab_9/o-1001');
      expect(fillTemplate(DOCUMENTED_TEMPLATES.venueOrders, ids)).to.equal(
        '/kds/6f1c2e0a-93d4-4c55-b1e2-0d2f8a7c9b10/v1'
      );
      expect(fillTemplate(ORDERING_CORE_TEMPLATES.order, ids)).to.equal(
        '/order-changes/6f1c2e0a-93d4-4c55-b1e2-0d2f8a7c9b10/anon-Ab_9'
      );
      expect(fillTemplate(ORDERING_CORE_TEMPLATES.user, { ...ids, tenant: 'demo' })).to.equal(
        '/notifications/demo/anon-Ab_9'
      );
    });

    describe('RabbitMQ topic forms', () => {
      const rabbit = {
        order: '/topic/order-changes.{userId}.{orderId}',
        venueOrders: '/topic/kds.{tenant}.{venue}',
        user: '/topic/kds.{tenant}.{userId}',
        venue: '/topic/venue.{tenant}.{venue}'
      };

      it('fills them like any template for ordinary ids', () => {
        expect(fillTemplate(rabbit.order, { userId: 'u1', orderId: 'o-1001' })).to.equal(
          '/topic/order-changes.u1.o-1001'
        );
        expect(fillTemplate(rabbit.venueOrders, { tenant: 't1', venue: 'v1' })).to.equal('/topic/kds.t1.v1');
        expect(fillTemplate(rabbit.venue, { tenant: 't1', venue: 'v_1' })).to.equal('/topic/venue.t1.v_1');
      });

      it('escapes ".", "*" and "#" in ids so that no id can add a word or a wildcard to a routing key', () => {
        expect(fillTemplate(rabbit.order, { userId: 'u.1', orderId: 'o.2' })).to.equal(
          '/topic/order-changes.u%2E1.o%2E2'
        );
        expect(fillTemplate(rabbit.venueOrders, { tenant: 't1', venue: '*' })).to.equal('/topic/kds.t1.%2A');
        expect(fillTemplate(rabbit.user, { tenant: '#', userId: 'a*b#c' })).to.equal('/topic/kds.%23.a%2Ab%23c');
        expect(fillTemplate('/kds/{tenant}/{venue}', { tenant: 't.1', venue: 'v*' })).to.equal('/kds/t%2E1/v%2A');
      });

      it('keeps an escaped id escaped once when the hub fills the remaining placeholders', () => {
        const partly = fillTemplate(rabbit.order, { orderId: 'o.1%' });
        expect(partly).to.equal('/topic/order-changes.{userId}.o%2E1%25');
        expect(fillTemplate(partly, { userId: 'u.1' })).to.equal('/topic/order-changes.u%2E1.o%2E1%25');
      });
    });
  });

  describe('hasPlaceholders()', () => {
    it('detects remaining placeholders', () => {
      expect(hasPlaceholders('/kds/{tenant}/v1')).to.be.true;
      expect(hasPlaceholders('/kds/t1/v1')).to.be.false;
      expect(hasPlaceholders('/kds/t1/%7Bvenue%7D')).to.be.false;
    });
  });
});
