// Offline intake (issue 24). A form marked data-offline (the deputy's visit, the station's intake, the public speak
// page) that is submitted without a network is kept on this device in IndexedDB with its own Idempotency-Key, and
// sent when the network returns, on any page of the site, also after the browser was closed: a staff record only
// while the user who saved it is signed in (never under someone else), a citizen's through the public API. What the
// server refuses stays here with its message, to be fixed, retried or discarded. Online, the forms post as before.
(function () {
  'use strict';
  var DB = 'lianluo-offline', STORE = 'records';
  var PHOTO_BUDGET_MB = 20;
  var panel = document.getElementById('offline-queue');
  var me = meta('lianluo-user') || '';
  var flushing = false, signInNeeded = false, otherUsers = 0;

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : null;
  }

  function t(key) {
    var text = panel ? panel.getAttribute('data-t-' + key) || '' : '';
    for (var i = 1; i < arguments.length; i++) {
      text = text.split('{' + (i - 1) + '}').join(arguments[i]);
    }
    return text;
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var b = crypto.getRandomValues(new Uint8Array(16));
    return Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
  }

  // --- the store

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'key' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        t.onerror = function () { db.close(); reject(t.error); };
        t.onabort = function () { db.close(); reject(t.error); };
      });
    });
  }

  function all() {
    return tx('readonly', function (s) { return s.getAll(); }).then(function (records) {
      return (records || []).sort(function (a, b) { return a.savedAt - b.savedAt; });
    });
  }

  function put(record) { return tx('readwrite', function (s) { s.put(record); }); }

  function remove(key) { return tx('readwrite', function (s) { s['delete'](key); }); }

  function photoBytes(records) {
    return records.reduce(function (sum, r) {
      return sum + (r.photos || []).reduce(function (n, p) { return n + p.blob.size; }, 0);
    }, 0);
  }

  // --- saving a form

  function fieldsOf(form) {
    var fields = [], photos = [];
    new FormData(form).forEach(function (value, name) {
      if (name === '_csrf' || name === 'idempotencyKey' || name === 'challengeToken' || name === 'challengeAnswer') {
        return;
      }
      if (typeof value === 'string') {
        fields.push([name, value]);
      }
      else if (value && value.size > 0) {
        photos.push({ name: value.name, type: value.type, blob: value });
      }
    });
    return { fields: fields, photos: photos };
  }

  function label(record) {
    var text = '';
    record.fields.forEach(function (f) {
      if (!text && (f[0] === 'title' || f[0] === 'content') && f[1].trim()) {
        text = f[1].trim();
      }
    });
    return t('kind-' + record.kind) + '“' + (text.length > 24 ? text.slice(0, 24) + '…' : text) + '”';
  }

  // Whether the server answers now: navigator.onLine says only that there is a link, not that it carries.
  function reachable() {
    if (!navigator.onLine) {
      return Promise.resolve(false);
    }
    var abort = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (abort) { abort.abort(); } }, 6000);
    return fetch('/manifest.webmanifest', { method: 'HEAD', cache: 'no-store', signal: abort ? abort.signal : undefined })
      .then(function (r) { return r.ok; }, function () { return false; })
      .then(function (ok) { clearTimeout(timer); return ok; });
  }

  function submitted(form, event) {
    if (form.getAttribute('data-posting')) {
      return; // the server answered the probe: the plain post, as without JavaScript
    }
    event.preventDefault();
    if (form.getAttribute('data-fixing')) {
      save(form);
      return;
    }
    reachable().then(function (online) {
      if (online) {
        form.setAttribute('data-posting', 'true');
        HTMLFormElement.prototype.submit.call(form);
      }
      else {
        save(form);
      }
    });
  }

  function save(form) {
    var kind = form.getAttribute('data-offline');
    var fixing = form.getAttribute('data-fixing');
    var given = fieldsOf(form);
    all().then(function (records) {
      var before = fixing ? records.filter(function (r) { return r.key === fixing; })[0] : null;
      var photos = given.photos.length || !before ? given.photos : before.photos || [];
      var others = records.filter(function (r) { return r.key !== fixing; });
      var added = photos.reduce(function (n, p) { return n + p.blob.size; }, 0);
      if (added && photoBytes(others) + added > PHOTO_BUDGET_MB * 1024 * 1024) {
        notice(t('full', PHOTO_BUDGET_MB), true);
        return;
      }
      var record = {
        key: newKey(), kind: kind, user: kind === 'speak' ? '' : me, page: location.pathname + location.search,
        fields: given.fields, photos: photos, savedAt: before ? before.savedAt : Date.now(), state: 'waiting'
      };
      return (fixing ? remove(fixing) : Promise.resolve()).then(function () { return put(record); }).then(function () {
        form.reset();
        form.removeAttribute('data-fixing');
        notice(t('saved'), false);
        return flush();
      });
    })['catch'](function (e) { notice(String(e), true); });
  }

  // --- sending

  function session() {
    return fetch('/offline/session', { headers: { Accept: 'application/json' }, redirect: 'manual', cache: 'no-store',
      credentials: 'same-origin' }).then(function (r) {
      if (r.type === 'opaqueredirect' || !r.ok || (r.headers.get('Content-Type') || '').indexOf('json') < 0) {
        return { user: null };
      }
      return r.json();
    });
  }

  function request(record, s) {
    var headers = { 'Idempotency-Key': record.key, Accept: 'application/json' };
    if (record.kind === 'speak') {
      var body = { anonymous: false };
      record.fields.forEach(function (f) {
        var name = f[0] === 'station' ? 'stationId' : f[0];
        body[name] = name === 'anonymous' ? f[1] === 'true' : (f[1] === '' ? null : f[1]);
      });
      headers['Content-Type'] = 'application/json';
      return fetch('/api/v1/public/opinions', { method: 'POST', headers: headers, body: JSON.stringify(body),
        credentials: 'omit', redirect: 'manual' });
    }
    headers[s.csrfHeader] = s.csrf;
    var url = record.kind === 'visit' ? '/duty/visit' : '/opinions/register';
    var data;
    if (record.kind === 'visit') {
      data = new FormData();
      record.fields.forEach(function (f) { data.append(f[0], f[1]); });
      (record.photos || []).forEach(function (p) { data.append('photos', p.blob, p.name); });
    }
    else {
      data = new URLSearchParams();
      record.fields.forEach(function (f) { data.append(f[0], f[1]); });
    }
    return fetch(url, { method: 'POST', headers: headers, body: data, credentials: 'same-origin', redirect: 'manual' });
  }

  function answered(record, response) {
    var json = (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
    if (response.status === 201 || response.status === 200) {
      return response.json().then(function (body) {
        record.state = 'landed';
        record.result = body;
        record.photos = [];
        return put(record);
      });
    }
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
      signInNeeded = record.kind !== 'speak';
      return null; // the session lapsed (or its token): wait for the next sign-in
    }
    if (response.status >= 400 && response.status < 500 && json) {
      return response.json().then(function (problem) {
        record.state = 'refused';
        record.message = [problem.detail].concat((problem.errors || []).map(function (e) { return e.message; }))
          .filter(function (m, i, a) { return m && a.indexOf(m) === i; }).join(' ');
        return put(record);
      });
    }
    return null; // the server or the line is down: try again later
  }

  function flush() {
    if (flushing) {
      return render();
    }
    flushing = true;
    signInNeeded = false;
    var s = null;
    return all().then(function (records) {
      var waiting = records.filter(function (r) { return r.state === 'waiting'; });
      return waiting.reduce(function (chain, record) {
        return chain.then(function () {
          var who = record.kind === 'speak' ? Promise.resolve({ user: '' })
            : s ? Promise.resolve(s) : session().then(function (x) { s = x; return x; });
          return who.then(function (current) {
            if (record.kind !== 'speak' && !current.user) {
              signInNeeded = true;
              return null;
            }
            if (record.kind !== 'speak' && current.user !== record.user) {
              return null; // saved by someone else: it waits for them
            }
            return request(record, current).then(function (r) { return answered(record, r); });
          });
        });
      }, Promise.resolve());
    })['catch'](function () { /* offline again: the records stay */ }).then(function () {
      flushing = false;
      return render();
    });
  }

  // --- showing

  function notice(text, error) {
    if (!panel) {
      return;
    }
    var p = panel.querySelector('.offline-notice');
    p.textContent = text;
    p.className = 'offline-notice' + (error ? ' error' : '');
    panel.hidden = false;
    panel.scrollIntoView({ block: 'start' }); // the form was submitted at the page's foot
  }

  function button(text, cls, action) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary ' + cls;
    b.textContent = text;
    b.addEventListener('click', action);
    return b;
  }

  function resultText(record) {
    var r = record.result || {};
    if (record.kind === 'visit') {
      var codes = (r.opinions || []).map(function (o) { return o.trackingCode; });
      return t('landed', label(record)) + (codes.length ? '；' + t('codes', codes.join('、')) : '');
    }
    return t('landed', label(record)) + '；' + t('code', r.trackingCode)
      + (r.ratingKey ? '；' + t('rating-key', r.ratingKey) : '');
  }

  function render() {
    if (!panel) {
      return Promise.resolve();
    }
    return all().then(function (records) {
      // A staff record is shown to the user who saved it only; a citizen's to whoever holds this device.
      var shown = records.filter(function (r) { return r.kind === 'speak' || (me && r.user === me); });
      otherUsers = records.length - shown.length;
      var waiting = records.filter(function (r) { return r.state === 'waiting'; }).length;
      var list = panel.querySelector('.offline-records');
      list.textContent = '';
      shown.forEach(function (record) {
        if (record.state === 'waiting') {
          return;
        }
        var li = document.createElement('li');
        li.setAttribute('data-key', record.key);
        li.className = 'offline-' + record.state;
        var p = document.createElement('p');
        p.textContent = record.state === 'landed' ? resultText(record) : t('refused', label(record), record.message || '');
        li.appendChild(p);
        if (record.state === 'landed') {
          li.appendChild(button(t('dismiss'), 'offline-dismiss', function () { remove(record.key).then(render); }));
        }
        else {
          li.appendChild(button(t('fix'), 'offline-fix', function () { fix(record); }));
          li.appendChild(button(t('retry'), 'offline-retry', function () {
            record.state = 'waiting';
            put(record).then(flush);
          }));
          li.appendChild(button(t('discard'), 'offline-discard', function () {
            if (window.confirm(t('discard-confirm'))) {
              remove(record.key).then(render);
            }
          }));
        }
        list.appendChild(li);
      });
      var count = [];
      if (waiting) {
        count.push(t('waiting', waiting));
      }
      if (otherUsers && me) {
        count.push(t('other-user', otherUsers));
      }
      var said = panel.querySelector('.offline-notice');
      if (!waiting && said.className === 'offline-notice') {
        said.textContent = ''; // "saved on this device" is over once nothing waits
      }
      var line = panel.querySelector('.offline-count');
      line.textContent = count.join(' ');
      if (signInNeeded && waiting) {
        line.appendChild(document.createTextNode(' ' + t('signin') + ' '));
        var a = document.createElement('a');
        a.href = '/login';
        a.className = 'offline-signin';
        a.textContent = t('signin-link');
        line.appendChild(a);
      }
      panel.hidden = !waiting && !list.children.length && !panel.querySelector('.offline-notice').textContent;
      var budget = document.querySelector('[data-offline-budget]');
      if (budget) {
        var used = photoBytes(records) / 1024 / 1024;
        budget.textContent = used >= PHOTO_BUDGET_MB ? t('full', PHOTO_BUDGET_MB)
          : t('budget', PHOTO_BUDGET_MB, used.toFixed(1));
      }
    });
  }

  // A refused record back in its form: on its own page, or after going there.
  function fix(record) {
    var form = document.querySelector('form[data-offline="' + record.kind + '"]');
    if (!form) {
      location.href = record.page + (record.page.indexOf('?') < 0 ? '?' : '&') + 'fix=' + encodeURIComponent(record.key);
      return;
    }
    var repeated = {};
    record.fields.forEach(function (f) {
      var all = form.querySelectorAll('[name="' + f[0] + '"]');
      var i = repeated[f[0]] || 0;
      repeated[f[0]] = i + 1;
      var el = all.length > 1 && all[0].type !== 'radio' && all[0].type !== 'checkbox' ? all[i] : all[0];
      if (!el) {
        return;
      }
      if (el.type === 'checkbox' || el.type === 'radio') {
        all.forEach(function (c) { if (c.value === f[1]) { c.checked = true; } });
      }
      else if (el.type !== 'file' && el.type !== 'hidden') {
        el.value = f[1];
      }
    });
    form.setAttribute('data-fixing', record.key);
    notice(t('fixing'), false);
    form.scrollIntoView();
  }

  // --- wiring

  function start() {
    if (!window.indexedDB) {
      return;
    }
    document.querySelectorAll('form[data-offline]').forEach(function (form) {
      form.addEventListener('submit', function (event) { submitted(form, event); });
    });
    document.querySelectorAll('form[action$="/logout"]').forEach(function (form) {
      form.addEventListener('submit', function () {
        if (navigator.serviceWorker && navigator.serviceWorker.controller) {
          navigator.serviceWorker.controller.postMessage({ type: 'forget' });
        }
      });
    });
    window.addEventListener('online', flush);
    window.addEventListener('offline', render);
    var fixing = new URLSearchParams(location.search).get('fix');
    var ready = flush();
    if (fixing) {
      ready.then(all).then(function (records) {
        records.filter(function (r) { return r.key === fixing && r.state === 'refused'; }).forEach(fix);
      });
    }
    setInterval(flush, 15000);
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function () {
        return navigator.serviceWorker.ready;
      }).then(function (registration) {
        if (me && registration.active) {
          registration.active.postMessage({ type: 'user', id: me });
        }
      })['catch'](function () { /* no worker (an insecure origin): the queue still works while the page is open */ });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
}());
