import { expect } from '@open-wc/testing';
import {
  checkUserNotification,
  notificationToast,
  upsellProductName,
  type NotificationTexts,
  type UserNotification
} from '../../src/models/user-notification.js';

const texts: NotificationTexts = {
  language: 'en',
  errorForCode: code => (code === 'productNotAvailable' ? 'Sold out.' : undefined),
  genericError: 'Something went wrong.',
  upsellTitle: 'Add to your order?',
  upsellOffer: product => `Add ${product}?`,
  basketUpdated: 'Your basket was updated.',
  receiptReady: 'Your receipt is ready.'
};

describe('models/user-notification', () => {
  describe('notificationToast()', () => {
    it('makes an error toast, localized by code, keyed by order and code', () => {
      const toast = notificationToast(
        { type: 'OrderEventError', orderId: 'o1', codes: [{ code: 'productNotAvailable' }], message: 'raw' },
        texts
      );
      expect(toast).to.include({ kind: 'error', message: 'Sold out.', key: 'o1:productNotAvailable' });
    });

    it('makes an upsell toast carrying the offer', () => {
      const notification: UserNotification = {
        type: 'OrderUpsell',
        orderId: 'o1',
        items: ['p1'],
        details: { literals: { name: 'Lemonade' } }
      };
      const toast = notificationToast(notification, texts)!;
      expect(toast).to.include({
        kind: 'upsell',
        title: 'Add to your order?',
        message: 'Add Lemonade?',
        key: 'upsell:o1:p1'
      });
      expect(toast.data?.upsell).to.deep.equal({ orderId: 'o1', items: ['p1'], notification });
    });

    it('makes info toasts from messages and basket updates, and a success toast from a receipt', () => {
      expect(notificationToast({ type: 'OrderMessage', message: ' Hello ' }, texts)).to.include({
        kind: 'info',
        message: 'Hello'
      });
      expect(notificationToast({ type: 'OrderAppliedEvents', correlationId: 'c1' }, texts)).to.include({
        kind: 'info',
        message: 'Your basket was updated.',
        key: 'c1'
      });
      expect(notificationToast({ type: 'OrderEventFiscal' }, texts)).to.include({
        kind: 'success',
        message: 'Your receipt is ready.'
      });
    });

    it('ignores other types', () => {
      expect(notificationToast({ type: 'SomethingElse' }, texts)).to.equal(undefined);
    });

    it('cuts long messages and product names', () => {
      const long = 'W'.repeat(1_000_000);
      expect(notificationToast({ type: 'OrderMessage', message: long }, texts)!.message).to.have.length(500);
      expect(upsellProductName({ type: 'OrderUpsell', details: { literals: long } })).to.have.length(80);
      expect(upsellProductName({ type: 'OrderUpsell', items: ['a', 'b'] })).to.equal('a, b');
    });
  });

  describe('checkUserNotification()', () => {
    it('normalises what the toasts read', () => {
      const checked = checkUserNotification(
        {
          type: 'OrderUpsell',
          orderId: 5,
          users: ['u1', 7],
          correlationId: null,
          event: { correlationId: 3, orderId: 'o1' },
          events: 'e1',
          codes: [null],
          items: ['p1', null],
          details: { literals: 5, media: [null, { url: 'x' }] }
        },
        'u1'
      );
      expect(checked).to.deep.equal({
        ok: true,
        value: {
          type: 'OrderUpsell',
          users: ['u1'],
          event: { orderId: 'o1' },
          codes: [],
          items: ['p1'],
          details: { media: [{ url: 'x' }] }
        }
      });
    });

    it("drops other types and another user's notifications quietly, and rejects what has no type", () => {
      expect(checkUserNotification({ type: 'OrderSteering' })).to.deep.equal({ ok: false });
      expect(checkUserNotification({ type: 'OrderMessage', users: ['u2'] }, 'u1')).to.deep.equal({ ok: false });
      expect(checkUserNotification({ type: 'OrderMessage', users: ['u2'] }).ok).to.be.true;
      expect(checkUserNotification({ type: 'OrderMessage', users: [] }, 'u1').ok).to.be.true;
      expect(checkUserNotification({ type: 5 })).to.deep.equal({
        ok: false,
        reason: "the notification's type is a number"
      });
      expect(checkUserNotification('x')).to.deep.equal({ ok: false, reason: 'the notification is a string' });
    });
  });
});
