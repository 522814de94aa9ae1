import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { ToastQueue, toastKey, type Toast, type ToastChange } from '../../src/models/toast-queue.js';

const messages = (toasts: readonly Toast[]) => toasts.map(t => t.message);

describe('ToastQueue', () => {
  let clock: sinon.SinonFakeTimers;
  let changes: ToastChange[];

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000 });
    changes = [];
  });

  afterEach(() => {
    clock.restore();
  });

  function queue(options: ConstructorParameters<typeof ToastQueue>[0] = {}): ToastQueue {
    const q = new ToastQueue(options);
    q.onChange(change => changes.push(change));
    return q;
  }

  describe('showing and hiding', () => {
    it('shows a toast with its fields', () => {
      const q = queue();
      const toast = q.show({ kind: 'info', title: 'Hi', message: 'one', data: { x: 1 } });
      expect(toast).to.include({ kind: 'info', title: 'Hi', message: 'one', count: 1, duration: 5000 });
      expect(toast.createdAt).to.equal(1_000_000);
      expect(toast.data).to.deep.equal({ x: 1 });
      expect(toast.id).to.match(/^toast-\d+$/);
      expect(q.visible).to.deep.equal([toast]);
    });

    it('hides info and success toasts after the default 5 s', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a' });
      q.show({ kind: 'success', message: 'b' });
      clock.tick(4999);
      expect(q.visible).to.have.length(2);
      clock.tick(1);
      expect(q.visible).to.be.empty;
    });

    it('uses the duration option and a per-toast duration', () => {
      const q = queue({ duration: 1000 });
      q.show({ kind: 'info', message: 'default' });
      q.show({ kind: 'info', message: 'long', duration: 3000 });
      clock.tick(1000);
      expect(messages(q.visible)).to.deep.equal(['long']);
      clock.tick(2000);
      expect(q.visible).to.be.empty;
    });

    it('keeps errors and upsell offers until dismissed', () => {
      const q = queue();
      q.show({ kind: 'error', message: 'e' });
      q.show({ kind: 'upsell', message: 'u' });
      clock.tick(3_600_000);
      expect(messages(q.visible)).to.deep.equal(['u', 'e']);
      expect(q.visible.every(t => t.duration === 0)).to.be.true;
    });

    it('hides errors and upsell offers after errorDuration or their own duration', () => {
      const q = queue({ errorDuration: 8000 });
      q.show({ kind: 'error', message: 'e' });
      const upsell = queue();
      upsell.show({ kind: 'upsell', message: 'u', duration: 2000 });
      clock.tick(2000);
      expect(upsell.visible).to.be.empty;
      expect(messages(q.visible)).to.deep.equal(['e']);
      clock.tick(6000);
      expect(q.visible).to.be.empty;
    });

    it('lists visible toasts newest first', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a' });
      q.show({ kind: 'info', message: 'b' });
      q.show({ kind: 'info', message: 'c' });
      expect(messages(q.visible)).to.deep.equal(['c', 'b', 'a']);
    });
  });

  describe('maxVisible and the queue', () => {
    it('queues toasts beyond maxVisible and promotes them in FIFO order', () => {
      const q = queue({ maxVisible: 2, errorDuration: 0 });
      const a = q.show({ kind: 'error', message: 'a' });
      const b = q.show({ kind: 'error', message: 'b' });
      q.show({ kind: 'info', message: 'c' });
      q.show({ kind: 'info', message: 'd' });
      expect(messages(q.visible)).to.deep.equal(['b', 'a']);
      expect(messages(q.queued)).to.deep.equal(['c', 'd']);
      q.dismiss(a.id);
      expect(messages(q.visible)).to.deep.equal(['c', 'b']);
      expect(messages(q.queued)).to.deep.equal(['d']);
      q.dismiss(b.id);
      expect(messages(q.visible)).to.deep.equal(['d', 'c']);
      expect(q.queued).to.be.empty;
    });

    it('starts a queued toast timer only when it is promoted', () => {
      const q = queue({ maxVisible: 1 });
      const first = q.show({ kind: 'error', message: 'first' });
      q.show({ kind: 'info', message: 'second' });
      clock.tick(10_000);
      expect(messages(q.queued)).to.deep.equal(['second']);
      q.dismiss(first.id);
      clock.tick(4999);
      expect(messages(q.visible)).to.deep.equal(['second']);
      clock.tick(1);
      expect(q.visible).to.be.empty;
    });

    it('defaults to 3 visible toasts', () => {
      const q = queue();
      for (const m of ['a', 'b', 'c', 'd']) q.show({ kind: 'error', message: m });
      expect(messages(q.visible)).to.deep.equal(['c', 'b', 'a']);
      expect(messages(q.queued)).to.deep.equal(['d']);
    });

    it('drops a dismissed queued toast without showing it', () => {
      const q = queue({ maxVisible: 1 });
      const a = q.show({ kind: 'error', message: 'a' });
      const b = q.show({ kind: 'error', message: 'b' });
      q.show({ kind: 'error', message: 'c' });
      expect(q.dismiss(b.id)).to.be.true;
      q.dismiss(a.id);
      expect(messages(q.visible)).to.deep.equal(['c']);
      expect(q.dismiss('nope')).to.be.false;
    });
  });

  describe('bounds', () => {
    it('keeps at most maxQueued toasts waiting, dropping the oldest info or success toast first', () => {
      const q = queue({ maxVisible: 1, maxQueued: 3 });
      q.show({ kind: 'error', message: 'visible' });
      q.show({ kind: 'info', message: 'i1' });
      q.show({ kind: 'error', message: 'e1', duration: 1000 });
      q.show({ kind: 'success', message: 's1' });
      q.show({ kind: 'info', message: 'i2' });
      expect(messages(q.queued)).to.deep.equal(['e1', 's1', 'i2']);
      q.show({ kind: 'error', message: 'e2', duration: 1000 });
      q.show({ kind: 'error', message: 'e3', duration: 1000 });
      expect(messages(q.queued)).to.deep.equal(['e1', 'e2', 'e3']);
      q.show({ kind: 'error', message: 'e4', duration: 1000 });
      expect(messages(q.queued)).to.deep.equal(['e2', 'e3', 'e4']);
    });

    it('keeps at most maxQueuedSticky toasts that stay until dismissed waiting: the newest', () => {
      const q = queue({ maxVisible: 2 });
      for (let i = 0; i < 300; i++) q.show({ kind: 'error', message: `e${i}` });
      q.show({ kind: 'info', message: 'news' });
      expect(messages(q.visible)).to.deep.equal(['e1', 'e0']);
      expect(messages(q.queued)).to.deep.equal(['e298', 'e299', 'news']);
      for (const t of q.visible) q.dismiss(t.id);
      expect(messages(q.visible)).to.deep.equal(['e299', 'e298']);
      expect(changes.flatMap(c => c.hidden.map(h => h.toast.message))).to.deep.equal(['e1', 'e0']);
    });

    it('defaults to 10 waiting, of which 2 stay until dismissed', () => {
      const q = queue();
      expect([q.maxQueued, q.maxQueuedSticky]).to.deep.equal([10, 2]);
      for (let i = 0; i < 50; i++) q.show({ kind: i % 2 ? 'error' : 'info', message: `${i}` });
      expect(q.queued).to.have.length(10);
      expect(q.queued.filter(t => t.kind === 'error')).to.have.length(2);
    });

    it('cuts messages to 500 characters and titles to 120', () => {
      const q = queue();
      const toast = q.show({ kind: 'info', title: 'T'.repeat(1000), message: 'W'.repeat(1_000_000) });
      expect(toast.message).to.have.length(500);
      expect(toast.title).to.have.length(120);
      expect(toast.message.endsWith('…')).to.be.true;
    });
  });

  describe('dedupe by key', () => {
    it('updates a visible toast in place and restarts its timer', () => {
      const q = queue();
      const first = q.show({ kind: 'info', message: 'v1', key: 'k' });
      q.show({ kind: 'info', message: 'other' });
      clock.tick(4000);
      const second = q.show({ kind: 'error', title: 'T', message: 'v2', key: 'k', duration: 5000 });
      expect(second.id).to.equal(first.id);
      expect(second).to.include({ kind: 'error', title: 'T', message: 'v2', count: 2, createdAt: first.createdAt });
      expect(second.updatedAt).to.equal(first.createdAt + 4000);
      expect(messages(q.visible)).to.deep.equal(['other', 'v2']);
      clock.tick(1000);
      expect(messages(q.visible)).to.deep.equal(['v2']);
      clock.tick(3999);
      expect(messages(q.visible)).to.deep.equal(['v2']);
      clock.tick(1);
      expect(q.visible).to.be.empty;
    });

    it('updates a queued toast in place', () => {
      const q = queue({ maxVisible: 1 });
      const a = q.show({ kind: 'error', message: 'a' });
      q.show({ kind: 'info', message: 'b1', key: 'k' });
      q.show({ kind: 'info', message: 'c' });
      const b2 = q.show({ kind: 'info', message: 'b2', key: 'k' });
      expect(b2.count).to.equal(2);
      expect(messages(q.queued)).to.deep.equal(['b2', 'c']);
      q.dismiss(a.id);
      expect(messages(q.visible)).to.deep.equal(['b2']);
    });

    it('stacks toasts with different or no keys', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a', key: 'k1' });
      q.show({ kind: 'info', message: 'b', key: 'k2' });
      q.show({ kind: 'info', message: 'c' });
      q.show({ kind: 'info', message: 'c' });
      expect(q.visible).to.have.length(3);
      expect(q.queued).to.have.length(1);
    });

    it('shows a new toast once the keyed one is gone', () => {
      const q = queue();
      const first = q.show({ kind: 'info', message: 'a', key: 'k' });
      clock.tick(5000);
      const again = q.show({ kind: 'info', message: 'a', key: 'k' });
      expect(again.id).not.to.equal(first.id);
      expect(again.count).to.equal(1);
    });
  });

  describe('pause and resume', () => {
    it('stops the clock while paused and keeps the remaining time', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a' });
      clock.tick(3000);
      q.pause('hover');
      expect(q.paused).to.be.true;
      clock.tick(60_000);
      expect(q.visible).to.have.length(1);
      q.resume('hover');
      clock.tick(1999);
      expect(q.visible).to.have.length(1);
      clock.tick(1);
      expect(q.visible).to.be.empty;
    });

    it('runs timers only when no reason is held', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a' });
      clock.tick(1000);
      q.pause('hover');
      q.pause('focus');
      clock.tick(1000);
      q.pause('hidden');
      q.resume('hover');
      clock.tick(10_000);
      q.resume('hidden');
      clock.tick(10_000);
      expect(q.visible).to.have.length(1);
      q.resume('focus');
      expect(q.paused).to.be.false;
      clock.tick(3999);
      expect(q.visible).to.have.length(1);
      clock.tick(1);
      expect(q.visible).to.be.empty;
    });

    it('pauses and resumes several toasts, each with its own remaining time', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a' });
      clock.tick(2000);
      q.show({ kind: 'info', message: 'b' });
      clock.tick(1000);
      q.pause('focus');
      clock.tick(5000);
      q.resume('focus');
      clock.tick(2000);
      expect(messages(q.visible)).to.deep.equal(['b']);
      clock.tick(2000);
      expect(q.visible).to.be.empty;
    });

    it('holds new toasts while paused', () => {
      const q = queue();
      q.pause('hidden');
      q.pause('hidden');
      q.show({ kind: 'info', message: 'a' });
      clock.tick(10_000);
      expect(q.visible).to.have.length(1);
      q.resume('unknown');
      q.resume('hidden');
      clock.tick(5000);
      expect(q.visible).to.be.empty;
    });

    it('restarts an updated toast timer paused', () => {
      const q = queue();
      q.show({ kind: 'info', message: 'a', key: 'k' });
      clock.tick(4000);
      q.pause('hover');
      q.show({ kind: 'info', message: 'a', key: 'k' });
      clock.tick(10_000);
      q.resume('hover');
      clock.tick(4999);
      expect(q.visible).to.have.length(1);
      clock.tick(1);
      expect(q.visible).to.be.empty;
    });
  });

  describe('dismiss, dismissNewest, clear', () => {
    it('dismissNewest hides the newest visible toast', () => {
      const q = queue();
      q.show({ kind: 'error', message: 'a' });
      const b = q.show({ kind: 'error', message: 'b' });
      expect(q.dismissNewest()).to.equal(b);
      expect(messages(q.visible)).to.deep.equal(['a']);
      q.dismissNewest();
      expect(q.dismissNewest()).to.be.undefined;
    });

    it('clear hides everything and empties the queue', () => {
      const q = queue({ maxVisible: 1 });
      q.show({ kind: 'info', message: 'a' });
      q.show({ kind: 'info', message: 'b' });
      q.clear();
      expect(q.visible).to.be.empty;
      expect(q.queued).to.be.empty;
      expect(clock.countTimers()).to.equal(0);
      clock.tick(20_000);
      expect(q.visible).to.be.empty;
    });

    it('cancels the timer of a dismissed toast', () => {
      const q = queue();
      const a = q.show({ kind: 'info', message: 'a' });
      q.dismiss(a.id);
      expect(clock.countTimers()).to.equal(0);
      changes.length = 0;
      clock.tick(10_000);
      expect(changes).to.be.empty;
    });
  });

  describe('onChange', () => {
    it('reports shown, updated and hidden toasts with reasons', () => {
      const q = queue({ maxVisible: 1 });
      const a = q.show({ kind: 'info', message: 'a', key: 'ka' });
      expect(changes.at(-1)).to.deep.equal({ shown: [a], updated: [], hidden: [] });
      const b = q.show({ kind: 'error', message: 'b' });
      expect(changes.at(-1)).to.deep.equal({ shown: [], updated: [], hidden: [] });
      const a2 = q.show({ kind: 'info', message: 'a2', key: 'ka' });
      expect(changes.at(-1)).to.deep.equal({ shown: [], updated: [a2], hidden: [] });
      clock.tick(5000);
      expect(changes.at(-1)).to.deep.equal({ shown: [b], updated: [], hidden: [{ toast: a2, reason: 'timeout' }] });
      q.dismiss(b.id);
      expect(changes.at(-1)).to.deep.equal({ shown: [], updated: [], hidden: [{ toast: b, reason: 'dismiss' }] });
      const c = q.show({ kind: 'error', message: 'c' });
      q.show({ kind: 'error', message: 'd' });
      q.clear();
      expect(changes.at(-1)).to.deep.equal({ shown: [], updated: [], hidden: [{ toast: c, reason: 'clear' }] });
      expect(changes).to.have.length(8);
    });

    it('reports dismissNewest as a dismiss', () => {
      const q = queue();
      const a = q.show({ kind: 'error', message: 'a' });
      q.dismissNewest();
      expect(changes.at(-1)?.hidden).to.deep.equal([{ toast: a, reason: 'dismiss' }]);
    });

    it('stops calling a listener after it unsubscribes', () => {
      const q = new ToastQueue();
      const seen: ToastChange[] = [];
      const off = q.onChange(c => seen.push(c));
      q.show({ kind: 'info', message: 'a' });
      off();
      q.show({ kind: 'info', message: 'b' });
      expect(seen).to.have.length(1);
    });

    it('reports nothing when clearing an empty queue', () => {
      const q = queue();
      q.clear();
      expect(changes).to.be.empty;
    });
  });

  describe('injection', () => {
    it('uses the injected clock and timers', () => {
      const scheduled: { callback: () => void; ms: number }[] = [];
      const cleared: unknown[] = [];
      let now = 50;
      const q = new ToastQueue({
        now: () => now,
        setTimeout: (callback, ms) => scheduled.push({ callback, ms }),
        clearTimeout: handle => cleared.push(handle)
      });
      const toast = q.show({ kind: 'success', message: 'a', duration: 700 });
      expect(toast.createdAt).to.equal(50);
      expect(scheduled.map(s => s.ms)).to.deep.equal([700]);
      now = 250;
      q.pause('hover');
      expect(cleared).to.deep.equal([1]);
      q.resume('hover');
      expect(scheduled.map(s => s.ms)).to.deep.equal([700, 500]);
      scheduled[1].callback();
      expect(q.visible).to.be.empty;
    });
  });
});

describe('toastKey', () => {
  it('uses the correlation id wherever it is', () => {
    expect(toastKey({ correlationId: 'c1', event: { correlationId: 'c2' }, events: ['c3'] })).to.equal('c1');
    expect(toastKey({ event: { correlationId: 'c2' }, events: ['c3'] })).to.equal('c2');
    expect(toastKey({ events: ['c3', 'c4'] })).to.equal('c3');
  });

  it('falls back to orderId and the first code for errors', () => {
    const error = { type: 'OrderEventError', orderId: 'o1', codes: [{ code: 'cannotAbandon' }, { code: 'x' }] };
    expect(toastKey(error)).to.equal('o1:cannotAbandon');
    expect(toastKey({ ...error, correlationId: null, event: null, events: [] })).to.equal('o1:cannotAbandon');
  });

  it('is undefined otherwise', () => {
    expect(toastKey({ type: 'OrderUpsell', orderId: 'o1' })).to.be.undefined;
    expect(toastKey({ type: 'OrderAppliedEvents', orderId: 'o1', codes: [{ code: 'x' }] })).to.be.undefined;
    expect(toastKey({ type: 'OrderEventError', orderId: 'o1', codes: null })).to.be.undefined;
    expect(toastKey({ type: 'OrderEventError', codes: [{ code: 'x' }] })).to.be.undefined;
  });
});
