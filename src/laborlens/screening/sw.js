// LaborLens service worker (served at /sw.js by screening/pwa.py, which prepends CONFIG).
// It keeps, for use with no connection, only what names no one: the app shell (static
// files), the field screening page, the indicator catalogue and the officer's guide. Every
// other request goes to the network untouched and nothing else is ever stored. Screenings
// and answers are not here: they wait in the encrypted device vault (vault.js).
"use strict";
var CACHE = "laborlens-" + CONFIG.version;

// The listed pages, fetched with the session: only a real page for a signed-in user is kept
// (never a redirect to the sign-in page, never an error).
function keep(cache, url, response) {
  if (response && response.ok && response.type === "basic" && !response.redirected) {
    return cache.put(url, response.clone()).then(function () { return response; });
  }
  return Promise.resolve(response);
}

function warm() {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(CONFIG.pages.map(function (url) {
      return fetch(url, { credentials: "same-origin", redirect: "manual", cache: "no-store" })
        .then(function (response) { return keep(cache, url, response); })
        .catch(function () { return null; });
    }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(CONFIG.shell); })
    .then(warm)
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("laborlens-") === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "warm") { event.waitUntil(warm()); }
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (CONFIG.shell.indexOf(url.pathname) >= 0) {
    // Static files: the cached copy (the cache is renamed whenever one of them changes).
    event.respondWith(caches.match(url.pathname).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  if (CONFIG.pages.indexOf(url.pathname) >= 0) {
    // The field page, catalogue and guide: the network first (fresh, and it says when the
    // session has ended), the kept copy when there is no connection.
    event.respondWith(fetch(request).then(function (response) {
      return caches.open(CACHE).then(function (cache) {
        if (url.search) { return response; }
        return keep(cache, url.pathname, response);
      });
    }).catch(function () {
      return caches.match(url.pathname).then(function (hit) {
        return hit || Response.error();
      });
    }));
  }
});
