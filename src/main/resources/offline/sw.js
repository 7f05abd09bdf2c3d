// Lianluo's service worker (issue 24), served by the application at /sw.js with its release's version below.
// It keeps the shell (styles, scripts, icons, the region tree) and the forms that gather what people say, so that
// they open without a network. It never keeps staff API answers nor any other page: the signed-in forms are kept
// for the user who opened them and dropped when another user signs in on this device or the user signs out.
'use strict';
const VERSION = '__VERSION__';
const SHELL = 'lianluo-shell-' + VERSION;
const PAGES = 'lianluo-pages-' + VERSION;
const PRECACHE = __PRECACHE__;
const FORMS = ['/duty/visit', '/opinions/register', '/opinions/new', '/'];
const STAFF_FORMS = ['/duty/visit', '/opinions/register'];
const USER_KEY = '/__lianluo-offline-user';

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

// A new release replaces every cache of the one before, whole.
self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('lianluo-') && !k.endsWith(VERSION)).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    if (FORMS.includes(url.pathname)) {
      event.respondWith(networkFirst(request, PAGES, true));
    }
    return;
  }
  if (url.pathname === '/api/v1/public/regions') {
    event.respondWith(networkFirst(request, SHELL, false));
  }
  else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.open(SHELL).then(cache => cache.match(url.pathname)).then(hit => hit || fetch(request)));
  }
});

async function networkFirst(request, cacheName, page) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    // Only a form page itself, answered directly: never the sign-in page a lapsed session is sent to.
    if (response.ok && !response.redirected && response.type === 'basic') {
      await cache.put(request, response.clone());
    }
    return response;
  }
  catch (offline) {
    const hit = await cache.match(request) || (page && await cache.match(request, { ignoreSearch: true }))
      || await caches.match(request, { ignoreSearch: page });
    if (hit) {
      return hit;
    }
    throw offline;
  }
}

self.addEventListener('message', event => {
  const data = event.data || {};
  if (data.type === 'user') {
    event.waitUntil(rememberUser(String(data.id || '')));
  }
  else if (data.type === 'forget') {
    event.waitUntil(dropStaffPages().then(() => caches.open(PAGES)).then(c => c.delete(USER_KEY)));
  }
});

// Another user on this device: the forms kept for the one before (their stations, their session) go.
async function rememberUser(id) {
  if (!id) {
    return;
  }
  const cache = await caches.open(PAGES);
  const before = await cache.match(USER_KEY);
  const known = before ? await before.text() : '';
  if (known !== id) {
    await dropStaffPages();
    await cache.put(USER_KEY, new Response(id));
  }
}

async function dropStaffPages() {
  const cache = await caches.open(PAGES);
  const keys = await cache.keys();
  await Promise.all(keys.filter(r => STAFF_FORMS.includes(new URL(r.url).pathname)).map(r => cache.delete(r)));
}
