// The emulator's control panel (demo/control.html): scenario, orders, venues, users, faults, stats and the log, each
// through the control API (/__emulator/…, see demo/emulator/README.md).
import { request } from '/demo/emulator-client.js';

// No framework: each section polls its endpoint and updates its own elements in place (text only, so that a
// button in focus stays where it is).

const $ = id => document.getElementById(id);

/** Calls the control API; resolves to { ok, status, data }, never throws (e.g. a 404 for a missing endpoint). */
const api = (method, path, body) => request('', path, { method, body });

const compact = (value, max = 320) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '' : text.length > max ? `${text.slice(0, max)}…` : text;
};

/** Shows an action's answer in the section's status line. */
function show(target, method, path, result) {
  const element = $(target);
  element.className = `demo-result demo-result--${result.ok ? 'ok' : 'error'}`;
  const answer = result.ok ? compact(result.data) : (result.data?.error ?? compact(result.data) ?? '');
  element.textContent = `${method} /__emulator${path} → ${result.status || 'no answer'} ${answer}`.trim();
  element.title = typeof result.data === 'string' ? result.data : (JSON.stringify(result.data, null, 2) ?? '');
}

/** Shows a poll's failure (e.g. a 404 while the endpoint is being built) without stopping the page. */
function showPollError(target, path, result) {
  const element = $(target);
  if (result.ok) {
    if (element.dataset.pollError) {
      element.textContent = '';
      element.className = 'demo-result';
      delete element.dataset.pollError;
    }
    return;
  }
  element.dataset.pollError = '1';
  element.className = 'demo-result demo-result--error';
  const reason = result.data?.error ?? '';
  element.textContent = `GET /__emulator${path} → ${result.status || 'no answer'} ${reason}`.trim();
}

const setText = (element, text) => {
  if (element.textContent !== text) element.textContent = text;
};

/** Repeats `task` every `ms` while the page is visible, never overlapping itself. */
function every(ms, task) {
  let running = false;
  const tick = async () => {
    if (running || document.visibilityState !== 'visible') return;
    running = true;
    try {
      await task();
    } finally {
      running = false;
    }
  };
  tick();
  setInterval(tick, ms);
  document.addEventListener('visibilitychange', tick);
}

// ----- Scenario ---------------------------------------------------------------------------------------------

const COUNT_LABELS = {
  ordersPlaced: 'Orders placed',
  abandoned: 'Abandoned',
  cancelled: 'Cancelled',
  pickedUp: 'Picked up',
  errors: 'Errors',
  upsells: 'Upsells',
  basketUpdates: 'Basket updates',
  receipts: 'Receipts',
  venueClosures: 'Venue closures',
  drops: 'Drops',
  tokenExpiries: 'Token expiries',
  malformed: 'Malformed',
  stale: 'Stale',
  duplicates: 'Duplicates',
  unknownTypes: 'Unknown types'
};
const label = key => COUNT_LABELS[key] ?? key.replace(/([A-Z])/g, ' $1').replace(/^./, c => c.toUpperCase());
const clock = seconds => {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
};
let scenarioFormFilled = false;
const countCells = new Map();

function renderScenario(s) {
  if (!s || typeof s !== 'object') return;
  if (!scenarioFormFilled) {
    $('scenario-name').value = s.name;
    $('scenario-seed').value = s.seed;
    $('scenario-speed').value = s.speed;
    scenarioFormFilled = true;
  }
  setText($('scenario-description'), s.description ?? '');
  const state = s.name === 'none' ? 'Static orders' : s.paused ? 'Paused' : 'Running';
  const pill = $('sim-state');
  setText(pill, state);
  pill.className = `demo-pill demo-pill--${state === 'Running' ? 'ok' : 'warning'}`;
  setText($('sim-time'), clock(s.simulatedSeconds ?? 0));
  setText($('sim-speed'), `${s.speed}×`);
  $('pause').disabled = s.paused || s.name === 'none';
  $('resume').disabled = !s.paused || s.name === 'none';
  for (const [key, value] of Object.entries(s.counts ?? {})) {
    let cell = countCells.get(key);
    if (!cell) {
      const box = document.createElement('div');
      const dt = document.createElement('dt');
      dt.textContent = label(key);
      cell = document.createElement('dd');
      box.append(dt, cell);
      $('counts').append(box);
      countCells.set(key, cell);
    }
    setText(cell, String(value));
  }
}

every(1000, async () => {
  const result = await api('GET', '/scenario');
  showPollError('scenario-result', '/scenario', result);
  if (result.ok) renderScenario(result.data);
});

$('scenario-form').addEventListener('submit', async event => {
  event.preventDefault();
  const body = { name: $('scenario-name').value };
  if ($('scenario-seed').value !== '') body.seed = Number($('scenario-seed').value);
  if ($('scenario-speed').value !== '') body.speed = Number($('scenario-speed').value);
  const result = await api('POST', '/scenario', body);
  show('scenario-result', 'POST', '/scenario', result);
  if (result.ok) {
    scenarioFormFilled = false;
    renderScenario(result.data);
    refreshOrders();
  }
});
for (const action of ['pause', 'resume']) {
  $(action).addEventListener('click', async () => {
    const result = await api('POST', `/scenario/${action}`);
    show('scenario-result', 'POST', `/scenario/${action}`, result);
    if (result.ok) renderScenario(result.data);
  });
}

// ----- Venues -----------------------------------------------------------------------------------------------

const venueRows = new Map();
const venueState = v =>
  !v.active
    ? { text: 'Closed', tone: 'danger' }
    : v.tempDisabled
      ? { text: `Temporarily closed${v.tempDisabledReason ? `: ${v.tempDisabledReason}` : ''}`, tone: 'warning' }
      : { text: 'Open', tone: 'ok' };

function venueRow(venue) {
  const item = document.createElement('li');
  const head = document.createElement('div');
  head.className = 'venue-head';
  const name = document.createElement('strong');
  name.textContent = `${venue.name} (${venue.id})`;
  const pill = document.createElement('span');
  pill.className = 'demo-pill';
  head.append(name, pill);

  const form = document.createElement('form');
  form.className = 'demo-form';
  form.setAttribute('aria-label', `Change ${venue.name}`);
  const field = document.createElement('div');
  field.className = 'demo-field demo-field--grow';
  const reasonLabel = document.createElement('label');
  reasonLabel.htmlFor = `reason-${venue.id}`;
  reasonLabel.textContent = 'Reason';
  const reason = document.createElement('input');
  reason.id = `reason-${venue.id}`;
  reason.autocomplete = 'off';
  reason.value = 'Back in 15 minutes';
  field.append(reasonLabel, reason);
  const buttons = document.createElement('div');
  buttons.className = 'demo-buttons';
  const button = (text, body, extra = '') => {
    const b = document.createElement('button');
    b.type = body === 'submit' ? 'submit' : 'button';
    b.textContent = text;
    b.className = extra;
    if (body !== 'submit') b.addEventListener('click', () => changeVenue(venue.id, body()));
    return b;
  };
  buttons.append(
    button('Close temporarily', 'submit'),
    button('Re-open', () => ({ active: true, tempDisabled: false })),
    button('Close', () => ({ active: false }), 'danger')
  );
  form.addEventListener('submit', event => {
    event.preventDefault();
    changeVenue(venue.id, { tempDisabled: true, tempDisabledReason: reason.value.trim() || undefined });
  });
  form.append(field, buttons);
  item.append(head, form);
  return { item, pill };
}

function renderVenues(venues) {
  for (const venue of Array.isArray(venues) ? venues : []) {
    let row = venueRows.get(venue.id);
    if (!row) {
      row = venueRow(venue);
      venueRows.set(venue.id, row);
      $('venues').append(row.item);
      ensureVenueOption(venue);
    }
    const state = venueState(venue);
    setText(row.pill, state.text);
    row.pill.className = `demo-pill demo-pill--${state.tone}`;
  }
}

async function changeVenue(id, body) {
  const path = `/venues/${encodeURIComponent(id)}`;
  const result = await api('POST', path, body);
  show('venues-result', 'POST', path, result);
  if (result.ok) renderVenues([result.data]);
}

/** Venue options of the order form and the filter, from the emulator's venue list. */
function ensureVenueOption(venue) {
  for (const select of [$('order-venue'), $('filter-venue')]) {
    if ([...select.options].some(option => option.value === venue.id)) continue;
    select.add(new Option(`${venue.name} (${venue.id})`, venue.id));
  }
}

every(2000, async () => {
  const result = await api('GET', '/venues');
  showPollError('venues-result', '/venues', result);
  if (result.ok) renderVenues(result.data);
});

// ----- Orders -----------------------------------------------------------------------------------------------

const SHOWN = 30;
const MOVES = [
  ['PREPARING', 'Preparing'],
  ['READY', 'Ready'],
  ['PICKED', 'Picked'],
  ['CLOSED', 'Closed'],
  ['CANCELLED', 'Cancelled']
];
const STAGE_LABELS = {
  NEW: 'Basket',
  COMPLETED: 'Paid',
  VERIFIED: 'Verified',
  PREPARING: 'Preparing',
  READY: 'Ready',
  PICKED: 'Picked up',
  PICKED_UP: 'Picked up',
  DELIVERED: 'Delivered'
};
const STAGE_GROUPS = {
  basket: ['NEW'],
  kitchen: ['COMPLETED', 'VERIFIED', 'PREPARING'],
  ready: ['READY']
};
const STAGE_TONES = { READY: 'ok', PREPARING: 'warning', NEW: '' };
/** The stage the control API would name: PREPARING and READY are flags and line states, not statuses. */
function stageOf(order) {
  const lines = (order.buckets ?? []).flatMap(bucket => bucket.lines ?? []);
  if (order.status === 'DELIVER') return 'READY';
  if (order.status === 'VERIFIED' && lines.some(line => line.status === 'PROCESSING')) return 'PREPARING';
  return order.status;
}
const venueOf = order => order.buckets?.[0]?.venue ?? '';
const customerOf = order => order.extra?.['customer-name'] ?? order.users?.[0]?.name ?? order.users?.[0]?.userId ?? '';
const itemsOf = order =>
  (order.buckets ?? [])
    .flatMap(bucket => bucket.lines ?? [])
    .map(line => {
      const name = line.product?.literals?.name ?? line.productId ?? '';
      return Number(line.quantity) > 1 ? `${line.quantity} × ${name}` : name;
    })
    .join(', ');
const age = order => {
  const seconds = Math.max(0, (Date.now() - Date.parse(order.created)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
};

const orderRows = new Map();
let lastOrders = [];

function orderRow(order) {
  const tr = document.createElement('tr');
  const cells = {};
  for (const key of ['id', 'venue', 'number', 'customer', 'items', 'status', 'age']) {
    const cell = document.createElement(key === 'id' ? 'th' : 'td');
    if (key === 'id') cell.scope = 'row';
    if (key === 'number' || key === 'age') cell.className = 'num';
    cells[key] = cell;
    tr.append(cell);
  }
  const pill = document.createElement('span');
  pill.className = 'demo-pill';
  cells.status.append(pill);
  cells.pill = pill;
  const actions = document.createElement('td');
  const group = document.createElement('div');
  group.className = 'actions';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', `Move order ${order.id}`);
  cells.buttons = new Map();
  for (const [stage, text] of MOVES) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = stage === 'CANCELLED' ? 'mini danger' : 'mini';
    button.textContent = text;
    button.setAttribute('aria-label', `Move order ${order.id} to ${text}`);
    button.addEventListener('click', () => moveOrder(order.id, stage));
    group.append(button);
    cells.buttons.set(stage, button);
  }
  actions.append(group);
  tr.append(actions);
  setText(cells.id, order.id);
  return { tr, cells };
}

function updateRow({ cells }, order) {
  setText(cells.venue, order.buckets?.[0]?.name ?? venueOf(order));
  setText(cells.number, String(order.buckets?.[0]?.queuePos ?? order.claimCode ?? ''));
  setText(cells.customer, customerOf(order));
  const items = itemsOf(order);
  setText(cells.items, items);
  cells.items.title = items;
  const stage = stageOf(order);
  setText(cells.pill, STAGE_LABELS[stage] ?? stage);
  cells.pill.className = `demo-pill${STAGE_TONES[stage] ? ` demo-pill--${STAGE_TONES[stage]}` : ''}`;
  setText(cells.age, age(order));
  for (const [target, button] of cells.buttons) {
    const current = target === stage || (target === 'PICKED' && stage === 'PICKED_UP');
    // Keep a focused button usable: disabling it would drop the keyboard focus to the page.
    if (button !== document.activeElement) button.disabled = current;
  }
}

function renderOrders(all) {
  lastOrders = Array.isArray(all) ? all : [];
  const venue = $('filter-venue').value;
  const group = $('filter-stage').value;
  const open = lastOrders.filter(order => !order.closed);
  const matching = open
    .filter(order => !venue || venueOf(order) === venue)
    .filter(order => !group || STAGE_GROUPS[group].includes(stageOf(order)))
    .sort((a, b) => (Date.parse(b.created) || 0) - (Date.parse(a.created) || 0) || Number(b.id) - Number(a.id));
  const shown = matching.slice(0, SHOWN);
  const body = $('orders-body');

  const wanted = new Set(shown.map(order => order.id));
  for (const [id, row] of orderRows) {
    if (!wanted.has(id)) {
      row.tr.remove();
      orderRows.delete(id);
    }
  }
  body.querySelector('.empty-row')?.remove();
  // Insert new rows before the existing ones without moving those, so that focus inside a row survives.
  let cursor = body.firstElementChild;
  for (const order of shown) {
    let row = orderRows.get(order.id);
    if (!row) {
      row = orderRow(order);
      orderRows.set(order.id, row);
    }
    updateRow(row, order);
    if (row.tr === cursor) cursor = cursor.nextElementSibling;
    else body.insertBefore(row.tr, cursor);
  }
  if (shown.length === 0) {
    const tr = document.createElement('tr');
    tr.className = 'empty-row';
    const td = document.createElement('td');
    td.colSpan = 8;
    td.textContent = venue || group ? 'No open orders match the filter.' : 'No open orders.';
    tr.append(td);
    body.append(tr);
  }
  setText(
    $('orders-summary'),
    (venue || group ? `${matching.length} of ${open.length} open orders match` : `${open.length} open orders`) +
      ` (${lastOrders.length} in all)` +
      (matching.length > SHOWN ? `; the newest ${SHOWN} are shown` : '')
  );
}

async function refreshOrders() {
  const result = await api('GET', '/orders');
  showPollError('orders-result', '/orders', result);
  if (result.ok) renderOrders(result.data);
}
every(2000, refreshOrders);
$('filter-venue').addEventListener('change', () => renderOrders(lastOrders));
$('filter-stage').addEventListener('change', () => renderOrders(lastOrders));
$('orders-filter').addEventListener('submit', event => event.preventDefault());

async function moveOrder(id, status) {
  const path = `/orders/${encodeURIComponent(id)}/status`;
  const result = await api('POST', path, { status });
  show('orders-result', 'POST', path, { ...result, data: result.ok ? summarize(result.data) : result.data });
  if (result.ok) refreshOrders();
}
/** The interesting part of an order answer, so the status line stays readable. */
const summarize = order =>
  order && typeof order === 'object'
    ? {
        id: order.id,
        status: order.status,
        venue: venueOf(order),
        queuePos: order.buckets?.[0]?.queuePos,
        closed: order.closed
      }
    : order;

function parseItems(text) {
  return text
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      const match = /^(\d+)\s*(?:[x×*]\s*)?(.+)$/i.exec(part);
      return match ? { name: match[2].trim(), quantity: Number(match[1]) } : { name: part };
    });
}

$('order-form').addEventListener('submit', async event => {
  event.preventDefault();
  const body = { venue: $('order-venue').value, status: $('order-status').value };
  if ($('order-customer').value.trim()) body.customerName = $('order-customer').value.trim();
  if ($('order-user').value.trim()) body.userId = $('order-user').value.trim();
  const items = parseItems($('order-items').value);
  if (items.length) body.items = items;
  const result = await api('POST', '/orders', body);
  show('order-result', 'POST', '/orders', { ...result, data: result.ok ? summarize(result.data) : result.data });
  if (result.ok) refreshOrders();
});

// ----- Notify a user ----------------------------------------------------------------------------------------

$('notify-form').addEventListener('submit', async event => {
  event.preventDefault();
  const userId = $('notify-user').value.trim();
  const body = { kind: $('notify-kind').value };
  // Without an order id: the user's newest open order, so that the tracker following it shows an error too.
  const newest = lastOrders
    .filter(order => !order.closed && order.users?.some(user => user.userId === userId))
    .sort((a, b) => (Date.parse(b.created) || 0) - (Date.parse(a.created) || 0))[0];
  const orderId = $('notify-order').value.trim() || newest?.id;
  if (orderId) body.orderId = orderId;
  if ($('notify-message').value.trim()) body.message = $('notify-message').value.trim();
  const path = `/users/${encodeURIComponent(userId)}/notify`;
  show('notify-result', 'POST', path, await api('POST', path, body));
});

// ----- Faults -----------------------------------------------------------------------------------------------

$('faults-form').addEventListener('submit', event => event.preventDefault());
$('faults-form').addEventListener('click', async event => {
  const fault = event.target.closest('button')?.dataset.fault;
  if (!fault) return;
  const userId = $('fault-user').value.trim();
  const path = { drop: '/faults/drop-connections', expire: '/tokens/expire', revoke: '/tokens/revoke' }[fault];
  const body = fault === 'drop' ? undefined : userId ? { userId } : {};
  show('faults-result', 'POST', path, await api('POST', path, body));
});
$('malformed-form').addEventListener('submit', async event => {
  event.preventDefault();
  const body = { destination: $('malformed-destination').value.trim(), raw: $('malformed-body').value };
  show('faults-result', 'POST', '/publish', await api('POST', '/publish', body));
});

// ----- Live stats -------------------------------------------------------------------------------------------

/** Replaces a small table's rows with [name, value] pairs, rewriting only the cells that changed. */
function renderPairs(tbody, pairs, empty) {
  if (pairs.length === 0) pairs = [[empty, '']];
  while (tbody.rows.length > pairs.length) tbody.deleteRow(-1);
  pairs.forEach(([name, value], index) => {
    const row = tbody.rows[index] ?? tbody.insertRow();
    if (row.cells.length === 0) {
      const th = document.createElement('th');
      th.scope = 'row';
      th.style.fontWeight = '400';
      const td = document.createElement('td');
      td.className = 'num';
      row.append(th, td);
    }
    setText(row.cells[0], name);
    setText(row.cells[1], String(value));
  });
}

every(1000, async () => {
  const result = await api('GET', '/stats');
  showPollError('stats-result', '/stats', result);
  if (!result.ok) return;
  const stats = result.data ?? {};
  setText($('stat-open'), String(stats.connections?.open ?? '–'));
  setText($('stat-total'), String(stats.connections?.total ?? '–'));
  setText($('stat-messages'), String(stats.messages ?? '–'));
  renderPairs(
    $('subscriptions'),
    Object.entries(stats.subscriptions ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    'No subscriptions'
  );
  renderPairs(
    $('frames'),
    Object.entries(stats.frames ?? {}).sort(([, a], [, b]) => b - a),
    'No frames'
  );
});
$('stats-reset').addEventListener('click', async () => {
  show('stats-result', 'POST', '/stats/reset', await api('POST', '/stats/reset'));
});

// ----- Log --------------------------------------------------------------------------------------------------

const KEEP = 300;
let logAfter;
every(1000, async () => {
  const path = logAfter === undefined ? '/log' : `/log?after=${logAfter}`;
  const result = await api('GET', path);
  showPollError('log-result', path, result);
  if (!result.ok || !Array.isArray(result.data?.lines)) return;
  const list = $('log');
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 24;
  for (const line of result.data.lines.slice(-KEEP)) {
    const item = document.createElement('div');
    const time = document.createElement('time');
    const when = new Date(line.time);
    time.dateTime = Number.isNaN(when.getTime()) ? '' : when.toISOString();
    time.textContent = Number.isNaN(when.getTime()) ? String(line.time ?? '') : when.toLocaleTimeString();
    item.append(time, document.createTextNode(String(line.text ?? '')));
    list.append(item);
  }
  while (list.children.length > KEEP) list.firstElementChild.remove();
  if (result.data.next !== undefined) logAfter = result.data.next;
  else if (result.data.lines.length) logAfter = result.data.lines.at(-1).seq;
  if ($('log-follow').checked && (atBottom || result.data.lines.length)) list.scrollTop = list.scrollHeight;
});
