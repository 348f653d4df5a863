// The operator console: plain JavaScript, no dependencies. It uses only the gateway's public API, as any
// operator's client would: admin login, the dynamic admin secret, and the operator API under /admin.
// The token and the secret live in sessionStorage, so they end with the browser tab and are never shared
// between tabs or kept on disk. Everything from the server is put into the page as text, never as HTML.
'use strict';

(() => {
  const API = {
    login: '/user/login/login_admin_info_by_aegisspeed_id',
    secret: '/user/login_admin_info/verify/get_secret_admin_password',
    logout: '/user/login/logout',
    endpoints: '/admin/endpoints',
    statistics: '/admin/endpoints/statistics',
    history: '/admin/endpoints/history',
    open: '/admin/endpoints/open',
    close: '/admin/endpoints/close',
    openService: '/admin/endpoints/open_service',
    closeService: '/admin/endpoints/close_service',
    windows: '/admin/maintenance_windows',
    scheduleWindow: '/admin/maintenance_windows/schedule',
    cancelWindow: '/admin/maintenance_windows/cancel',
  };
  const KEYS = {
    token: 'aegis.console.token',
    secret: 'aegis.console.secret',
    secretExpires: 'aegis.console.secret-expires',
    operator: 'aegis.console.operator',
  };
  const SERVICE_ORDER = ['gateway', 'auth-service', 'user-service', 'machine-service', 'anticheat-service'];
  const HISTORY_ROWS = 50;
  const WINDOW_ROWS = 30;
  const SVG = 'http://www.w3.org/2000/svg';
  const CHART = { width: 300, height: 56 };
  const REFRESH_EVERY_MS = 15000;
  const TOKEN_INVALID = '10001';
  const ADMIN_SECRET_INVALID = '10004';

  const $ = (id) => document.getElementById(id);
  const session = {
    get: (key) => sessionStorage.getItem(key),
    set: (key, value) => sessionStorage.setItem(key, value),
    dropSecret: () => {
      sessionStorage.removeItem(KEYS.secret);
      sessionStorage.removeItem(KEYS.secretExpires);
    },
    clear: () => Object.values(KEYS).forEach((key) => sessionStorage.removeItem(key)),
  };

  /** Ends the session in this tab: credentials and everything shown with them. */
  function forget() {
    session.clear();
    $('services').replaceChildren();
    $('history').tBodies[0].replaceChildren();
    $('maintenance').tBodies[0].replaceChildren();
    $('mw-target').replaceChildren();
    $('counted-since').textContent = '';
    $('updated').textContent = '';
  }

  /** The gateway answered with an error envelope (or with something that is not one). */
  class Refused extends Error {
    constructor(status, envelope, retryAfter) {
      super(envelope && envelope.result ? String(envelope.result) : `HTTP ${status}`);
      this.status = status;
      this.code = envelope && envelope.code ? String(envelope.code) : '';
      this.retryAfter = retryAfter;
    }

    describe() {
      const wait = this.retryAfter ? `; try again in ${this.retryAfter} s` : '';
      return `${this.message} (HTTP ${this.status}${this.code ? `, code ${this.code}` : ''}${wait})`;
    }
  }

  /** The gateway did not answer at all. */
  class Unreachable extends Error {}

  async function call(path, { method = 'GET', body, withToken = true, withSecret = false } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (withToken) {
      headers.Authorization = `Bearer ${session.get(KEYS.token) || ''}`;
    }
    if (withSecret) {
      headers['X-Admin-Secret'] = session.get(KEYS.secret) || '';
    }
    let response;
    try {
      response = await fetch(path, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store', credentials: 'omit', redirect: 'error',
      });
    } catch (e) {
      throw new Unreachable('The gateway did not answer; check the connection and try again.');
    }
    let envelope = null;
    try {
      envelope = await response.json();
    } catch (e) {
      envelope = null;
    }
    if (!response.ok || !envelope || envelope.code !== '10000') {
      throw new Refused(response.status, envelope, response.headers.get('Retry-After'));
    }
    return envelope;
  }

  const adminGet = (path) => call(path, { withSecret: true });
  const adminPost = (path, body) => call(path, { method: 'POST', body, withSecret: true });

  // ---- messages and views ----------------------------------------------------------------------------------

  function say(text, kind) {
    const box = $('message');
    box.textContent = text;
    box.className = `message ${kind}`;
    box.hidden = false;
  }

  function quiet() {
    $('message').hidden = true;
    $('message').textContent = '';
  }

  function show(view) {
    for (const name of ['login', 'secret', 'dashboard']) {
      $(`${name}-view`).hidden = name !== view;
    }
    const signedIn = view !== 'login';
    $('operator').hidden = !signedIn;
    $('operator-id').textContent = session.get(KEYS.operator) || '';
    showSecretExpiry();
    if (view === 'login') {
      $('login-id').focus();
    } else if (view === 'secret') {
      $('secret-password').focus();
    }
  }

  function showSecretExpiry() {
    const expires = Number(session.get(KEYS.secretExpires));
    $('secret-expiry').textContent = expires
      ? `admin secret valid until ${utc(new Date(expires).toISOString())}`
      : '';
  }

  /**
   * What a failed call means for the operator: an invalid or expired token ends the session, an invalid or
   * expired admin secret asks for a new one, anything else is shown as the gateway said it.
   */
  function failed(error, where) {
    if (error instanceof Unreachable) {
      say(error.message, 'error');
      return;
    }
    if (!(error instanceof Refused)) {
      say(`Unexpected error: ${error.message}`, 'error');
      return;
    }
    if (where !== 'login' && error.status === 401 && error.code === TOKEN_INVALID) {
      forget();
      show('login');
      say(`Your session has expired or is no longer valid: ${error.describe()}. Please log in again.`, 'error');
      return;
    }
    if (where === 'admin' && error.status === 401 && error.code === ADMIN_SECRET_INVALID) {
      session.dropSecret();
      show('secret');
      say(`The dynamic admin secret has expired or is no longer valid: ${error.describe()}. `
        + 'Re-enter your password to get a new one.', 'error');
      return;
    }
    say(`Refused: ${error.describe()}`, 'error');
  }

  async function busy(button, action) {
    button.disabled = true;
    try {
      await action();
    } finally {
      button.disabled = false;
    }
  }

  // ---- login, admin secret, logout -------------------------------------------------------------------------

  async function logIn(event) {
    event.preventDefault();
    const id = $('login-id').value.trim();
    const password = $('login-password').value;
    await busy($('login-submit'), async () => {
      try {
        const answer = await call(API.login, {
          method: 'POST', withToken: false, body: { user_AegisSpeed_id: id, user_password: password },
        });
        forget();
        session.set(KEYS.token, answer.token);
        session.set(KEYS.operator, id);
        $('login-password').value = '';
        quiet();
        show('secret');
      } catch (error) {
        failed(error, 'login');
      }
    });
  }

  async function getSecret(event) {
    event.preventDefault();
    await busy($('secret-submit'), async () => {
      try {
        const answer = await call(API.secret, { method: 'POST', body: { user_password: $('secret-password').value } });
        session.set(KEYS.secret, answer.data.admin_secret);
        session.set(KEYS.secretExpires, String(Date.now() + Number(answer.data.expires_in) * 1000));
        $('secret-password').value = '';
        quiet();
        show('dashboard');
        await refresh();
      } catch (error) {
        failed(error, 'secret');
      }
    });
  }

  async function logOut() {
    try {
      await call(API.logout, { method: 'POST' });
    } catch (error) {
      // The session ends here either way; a token the gateway already refuses needs no logout.
    }
    forget();
    show('login');
    say('Logged out.', 'info');
  }

  // ---- the dashboard ---------------------------------------------------------------------------------------

  let refreshing = false;

  async function refresh() {
    if (refreshing) {
      return;
    }
    refreshing = true;
    try {
      const minutes = $('window').value;
      const [endpoints, statistics, history, windows] = await Promise.all([
        adminGet(API.endpoints),
        adminGet(`${API.statistics}?minutes=${encodeURIComponent(minutes)}`),
        adminGet(`${API.history}?limit=${HISTORY_ROWS}`),
        adminGet(`${API.windows}?limit=${WINDOW_ROWS}`),
      ]);
      renderServices(endpoints.data.endpoints, statistics.data);
      renderTargets(endpoints.data.endpoints);
      renderWindows(windows.data.windows);
      renderHistory(history.data.changes);
      $('updated').textContent = `updated ${utc(new Date().toISOString())} UTC`;
    } catch (error) {
      failed(error, 'admin');
    } finally {
      refreshing = false;
    }
  }

  function utc(iso) {
    return String(iso).replace('T', ' ').replace(/\.\d+Z$|Z$/, '');
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function byService(endpoints) {
    const groups = new Map();
    for (const endpoint of endpoints) {
      if (!groups.has(endpoint.service_name)) {
        groups.set(endpoint.service_name, []);
      }
      groups.get(endpoint.service_name).push(endpoint);
    }
    const rank = (name) => (SERVICE_ORDER.includes(name) ? SERVICE_ORDER.indexOf(name) : SERVICE_ORDER.length);
    return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0]));
  }

  /** Updates the tables in place, so a refresh keeps the page steady and focus where it was. */
  function renderServices(endpoints, statistics) {
    const traffic = new Map(statistics.endpoints.map((entry) => [entry.endpoint_path, entry]));
    const perMinute = new Map((statistics.per_minute || []).map((entry) => [entry.service_name, entry.minutes]));
    const container = $('services');
    const seen = new Set();
    for (const [service, members] of byService(endpoints)) {
      seen.add(service);
      const section = serviceSection(container, service);
      const openCount = members.filter((endpoint) => endpoint.is_open).length;
      section.querySelector('.summary').textContent = `${openCount} of ${members.length} open`;
      section.querySelector('[data-action="close-service"]').disabled = openCount === 0;
      section.querySelector('[data-action="open-service"]').disabled = openCount === members.length;
      drawChart(section, service, perMinute.get(service) || []);
      const body = section.querySelector('tbody');
      const rows = new Set();
      for (const endpoint of members) {
        rows.add(endpoint.endpoint_path);
        updateRow(endpointRow(body, endpoint), endpoint, traffic.get(endpoint.endpoint_path));
      }
      for (const row of [...body.rows]) {
        if (!rows.has(row.dataset.endpoint)) {
          row.remove();
        }
      }
    }
    for (const section of [...container.children]) {
      if (!seen.has(section.dataset.service)) {
        section.remove();
      }
    }
    const minutes = statistics.minutes;
    for (const header of container.querySelectorAll('th.traffic-window')) {
      header.textContent = `Requests (${minutes} min)`;
    }
    const young = new Date(statistics.since) > new Date(new Date(statistics.until).getTime() - minutes * 60000);
    $('counted-since').textContent = young
      ? `counted since this gateway replica started, ${utc(statistics.since)} UTC`
      : `counted since ${utc(statistics.since)} UTC`;
  }

  function serviceSection(container, service) {
    const existing = [...container.children].find((section) => section.dataset.service === service);
    if (existing) {
      return existing;
    }
    const section = element('section', 'service card');
    section.dataset.service = service;
    const head = element('div', 'service-head');
    head.append(element('h2', null, service), element('span', 'summary muted'));
    const closeAll = element('button', 'danger', 'Close all');
    closeAll.type = 'button';
    closeAll.dataset.action = 'close-service';
    closeAll.addEventListener('click', () => askService(service, false));
    const openAll = element('button', null, 'Open all');
    openAll.type = 'button';
    openAll.dataset.action = 'open-service';
    openAll.addEventListener('click', () => askService(service, true));
    head.append(closeAll, openAll);
    const table = element('table', 'grid endpoints');
    const headRow = table.createTHead().insertRow();
    for (const [label, className] of [['Endpoint'], ['Methods'], ['State'], ['Requests', 'traffic-window num'],
      ['4xx', 'num'], ['5xx', 'num'], ['Error rate (5xx)', 'num'], ['Switch']]) {
      headRow.append(element('th', className || null, label));
    }
    table.createTBody();
    section.append(head, trafficChart(service), table);
    const position = [...container.children].find((other) => order(other.dataset.service) > order(service));
    container.insertBefore(section, position || null);
    return section;
  }

  /** An empty chart of a service's requests (and 5xx answers) per minute over the last hour, drawn as SVG. */
  function trafficChart(service) {
    const figure = element('figure', 'traffic-chart');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${CHART.width} ${CHART.height}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${service}: requests and 5xx answers per minute over the last hour`);
    for (const className of ['baseline', 'requests', 'errors']) {
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('class', className);
      svg.append(line);
    }
    svg.querySelector('.baseline').setAttribute('points', `0,${CHART.height - 0.5} ${CHART.width},${CHART.height - 0.5}`);
    figure.append(svg, element('figcaption', 'muted'));
    return figure;
  }

  /** Scales the minutes to the chart's height (the busiest minute at the top) and says the totals in words. */
  function drawChart(section, service, minutes) {
    const figure = section.querySelector('figure.traffic-chart');
    const peak = Math.max(1, ...minutes.map((minute) => minute.requests));
    const x = (index) => (index * CHART.width) / Math.max(1, minutes.length - 1);
    const y = (value) => CHART.height - 1 - (value * (CHART.height - 4)) / peak;
    const points = (field) => minutes.map((minute, index) => `${x(index).toFixed(1)},${y(minute[field]).toFixed(1)}`).join(' ');
    figure.querySelector('.requests').setAttribute('points', points('requests'));
    figure.querySelector('.errors').setAttribute('points', points('server_errors'));
    const requests = minutes.reduce((sum, minute) => sum + minute.requests, 0);
    const errors = minutes.reduce((sum, minute) => sum + minute.server_errors, 0);
    figure.dataset.minutes = String(minutes.length);
    figure.dataset.requests = String(requests);
    figure.dataset.errors = String(errors);
    figure.querySelector('figcaption').textContent =
      `Last hour, per minute (this replica): ${requests} requests, ${errors} 5xx; busiest minute ${peak === 1 && requests === 0 ? 0 : peak}`;
  }

  function order(service) {
    return SERVICE_ORDER.includes(service) ? SERVICE_ORDER.indexOf(service) : SERVICE_ORDER.length;
  }

  function endpointRow(body, endpoint) {
    const existing = [...body.rows].find((row) => row.dataset.endpoint === endpoint.endpoint_path);
    if (existing) {
      return existing;
    }
    const row = body.insertRow();
    row.dataset.endpoint = endpoint.endpoint_path;
    const path = element('td', 'path');
    path.append(element('code', null, endpoint.endpoint_path));
    row.append(path, element('td', 'methods'), element('td', 'state'), element('td', 'requests num'),
      element('td', 'client-errors num'), element('td', 'server-errors num'), element('td', 'error-rate num'));
    const toggle = element('button', 'switch');
    toggle.type = 'button';
    toggle.setAttribute('role', 'switch');
    toggle.addEventListener('click', () => askEndpoint(row.dataset.endpoint, toggle.getAttribute('aria-checked') !== 'true'));
    const cell = element('td', 'toggle');
    cell.append(toggle);
    row.append(cell);
    return row;
  }

  function updateRow(row, endpoint, traffic) {
    const open = endpoint.is_open === true;
    row.classList.toggle('closed', !open);
    row.dataset.open = String(open);
    row.querySelector('.methods').textContent = (endpoint.methods || []).join(', ');
    const state = row.querySelector('.state');
    const closingWindow = endpoint.maintenance_window_id;
    state.textContent = open ? 'Open' : closingWindow ? `Closed (window #${closingWindow})` : 'Closed';
    state.className = `state ${open ? 'is-open' : 'is-closed'}`;
    const counts = traffic || { requests: 0, client_errors: 0, server_errors: 0, error_rate: 0 };
    row.querySelector('.requests').textContent = String(counts.requests);
    row.querySelector('.client-errors').textContent = String(counts.client_errors);
    row.querySelector('.server-errors').textContent = String(counts.server_errors);
    const rate = row.querySelector('.error-rate');
    rate.textContent = counts.requests === 0 ? '–' : `${(counts.error_rate * 100).toFixed(1)} %`;
    rate.classList.toggle('bad', counts.server_errors > 0);
    const toggle = row.querySelector('.switch');
    toggle.setAttribute('aria-checked', String(open));
    toggle.setAttribute('aria-label', `${endpoint.endpoint_path} is ${open ? 'open' : 'closed'}: switch to ${open ? 'close' : 'open'} it`);
    toggle.textContent = open ? 'On' : 'Off';
  }

  function renderHistory(changes) {
    const body = $('history').tBodies[0];
    body.replaceChildren(...changes.map((change) => {
      const row = element('tr');
      row.dataset.endpoint = change.endpoint_path;
      const path = element('td');
      path.append(element('code', null, change.endpoint_path));
      row.append(element('td', 'when', utc(change.changed_at)), path,
        element('td', 'change', `${change.was_open ? 'Open' : 'Closed'} → ${change.is_open ? 'Open' : 'Closed'}`),
        element('td', 'who', change.changed_by));
      return row;
    }));
    $('history-empty').hidden = changes.length > 0;
  }

  // ---- maintenance windows ---------------------------------------------------------------------------------

  /** The form's choices: each service, then each endpoint; kept as they are while nothing changed. */
  function renderTargets(endpoints) {
    const select = $('mw-target');
    const options = [];
    for (const [service] of byService(endpoints)) {
      options.push([`service:${service}`, `All of ${service}`]);
    }
    for (const endpoint of [...endpoints].sort((a, b) => a.endpoint_path.localeCompare(b.endpoint_path))) {
      options.push([`endpoint:${endpoint.endpoint_path}`, endpoint.endpoint_path]);
    }
    const current = [...select.options].map((option) => option.value).join('\n');
    if (current === options.map(([value]) => value).join('\n')) {
      return;
    }
    const chosen = select.value;
    select.replaceChildren(...options.map(([value, label]) => {
      const option = element('option', null, label);
      option.value = value;
      return option;
    }));
    if (options.some(([value]) => value === chosen)) {
      select.value = chosen;
    }
    if (!$('mw-start').value) {
      const start = new Date(Math.ceil(Date.now() / 60000) * 60000);
      $('mw-start').value = start.toISOString().slice(0, 16);
      $('mw-end').value = new Date(start.getTime() + 3600000).toISOString().slice(0, 16);
    }
  }

  function closes(maintenanceWindow) {
    return maintenanceWindow.service_name ? `All of ${maintenanceWindow.service_name}` : maintenanceWindow.endpoint_path;
  }

  function renderWindows(windows) {
    const body = $('maintenance').tBodies[0];
    body.replaceChildren(...windows.map((maintenanceWindow) => {
      const row = element('tr', `mw-${maintenanceWindow.state}`);
      row.dataset.window = String(maintenanceWindow.window_id);
      row.dataset.state = maintenanceWindow.state;
      const target = element('td', 'closes');
      target.append(element('code', null, closes(maintenanceWindow)));
      target.title = maintenanceWindow.endpoint_paths.join('\n');
      const by = maintenanceWindow.cancelled_by ? `${maintenanceWindow.scheduled_by}, cancelled by ${maintenanceWindow.cancelled_by}` : maintenanceWindow.scheduled_by;
      const action = element('td', 'action');
      if (maintenanceWindow.state === 'scheduled' || maintenanceWindow.state === 'active') {
        const cancel = element('button', 'cancel-window', 'Cancel');
        cancel.type = 'button';
        cancel.addEventListener('click', () => askCancelWindow(maintenanceWindow));
        action.append(cancel);
      }
      row.append(element('td', 'id', `#${maintenanceWindow.window_id}`), target, element('td', 'from', utc(maintenanceWindow.starts_at)),
        element('td', 'until', utc(maintenanceWindow.ends_at)), element('td', 'reason', maintenanceWindow.reason),
        element('td', 'state', maintenanceWindow.state), element('td', 'who', by), action);
      return row;
    }));
    $('maintenance-empty').hidden = windows.length > 0;
  }

  /** A datetime-local value read as UTC, as the form's labels say. */
  function asUtc(value) {
    return value.length === 16 ? `${value}:00Z` : `${value}Z`;
  }

  function askSchedule(event) {
    event.preventDefault();
    const [kind, ...rest] = $('mw-target').value.split(':');
    const target = rest.join(':');
    const request = {
      starts_at: asUtc($('mw-start').value),
      ends_at: asUtc($('mw-end').value),
      reason: $('mw-reason').value,
    };
    request[kind === 'service' ? 'service_name' : 'endpoint_path'] = target;
    const what = kind === 'service' ? `every endpoint of ${target}` : target;
    ask(`Close ${what} from ${utc(request.starts_at)} until ${utc(request.ends_at)} UTC? Clients will get HTTP 403, `
      + 'code 00000 during the window, and see it announced with its reason until it ends.', 'Schedule window', true,
    async () => {
      const answer = await adminPost(API.scheduleWindow, request);
      say(`${answer.result}: #${answer.data.window_id}, ${closes(answer.data)}, from ${utc(answer.data.starts_at)} UTC.`, 'info');
      $('mw-reason').value = '';
    });
  }

  function askCancelWindow(maintenanceWindow) {
    ask(`Cancel maintenance window #${maintenanceWindow.window_id} (${closes(maintenanceWindow)})? What it closes opens again at once, `
      + 'unless closed by hand.', 'Cancel window', false, async () => {
      const answer = await adminPost(API.cancelWindow, { window_id: maintenanceWindow.window_id });
      say(`${answer.result}: #${answer.data.window_id}.`, 'info');
    });
  }

  // ---- switching, always after an in-page confirmation -----------------------------------------------------

  let pending = null;

  function ask(text, confirmLabel, dangerous, action) {
    pending = action;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = confirmLabel;
    $('confirm-ok').className = dangerous ? 'danger' : 'primary';
    $('confirm').showModal();
    $('confirm-cancel').focus();
  }

  function askEndpoint(path, open) {
    const consequence = open
      ? 'Clients will reach it again.'
      : 'Clients will get HTTP 403, code 00000 "Server has not opened this endpoint" until it is opened again.';
    ask(`${open ? 'Open' : 'Close'} ${path}? ${consequence}`, open ? 'Open endpoint' : 'Close endpoint', !open,
      async () => {
        const answer = await adminPost(open ? API.open : API.close, { endpoint_path: path });
        say(`${answer.result}: ${answer.data.endpoint_path} is now ${answer.data.is_open ? 'open' : 'closed'}.`, 'info');
      });
  }

  function askService(service, open) {
    const consequence = open
      ? 'Every endpoint of this service will be reachable.'
      : 'Clients will get HTTP 403, code 00000 on every endpoint of this service until they are opened again.';
    ask(`${open ? 'Open' : 'Close'} all endpoints of ${service}? ${consequence}`,
      open ? 'Open all' : 'Close all', !open, async () => {
        const answer = await adminPost(open ? API.openService : API.closeService, { service_name: service });
        const changed = answer.data.endpoints.filter((endpoint) => endpoint.was_open !== endpoint.is_open).length;
        say(`${answer.result}: ${service}, ${changed} endpoint(s) changed.`, 'info');
      });
  }

  async function confirmed() {
    const action = pending;
    pending = null;
    $('confirm').close();
    if (!action) {
      return;
    }
    try {
      await action();
    } catch (error) {
      failed(error, 'admin');
      return;
    }
    await refresh();
  }

  function cancelled() {
    pending = null;
    $('confirm').close();
  }

  // ---- start -----------------------------------------------------------------------------------------------

  function start() {
    $('login-form').addEventListener('submit', logIn);
    $('secret-form').addEventListener('submit', getSecret);
    $('logout').addEventListener('click', logOut);
    $('refresh').addEventListener('click', () => refresh());
    $('mw-form').addEventListener('submit', askSchedule);
    $('window').addEventListener('change', () => refresh());
    $('confirm-ok').addEventListener('click', confirmed);
    $('confirm-cancel').addEventListener('click', cancelled);
    $('confirm').addEventListener('cancel', () => {
      pending = null;
    });
    setInterval(() => {
      if (!$('dashboard-view').hidden && !$('confirm').open && document.visibilityState === 'visible') {
        refresh();
      }
    }, REFRESH_EVERY_MS);

    if (!session.get(KEYS.token)) {
      show('login');
    } else if (!session.get(KEYS.secret)) {
      show('secret');
    } else {
      show('dashboard');
      refresh();
    }
  }

  start();
})();
