// Device vault: what a page must keep on the phone (unsent screening answers, screenings
// queued with no connection) is stored in localStorage only as AES-GCM ciphertext
// (WebCrypto). The key comes from the server (/accounts/device-key/) only for a live,
// verified session of the vault's own user, and never for a vault older than 12 hours
// (accounts/device_vault.py). It is imported as a non-extractable key; so that the field page
// works when opened with no connection, that key object (never its bytes) is also kept in
// IndexedDB until the vault expires. Sign-out and expiry wipe all of it.
"use strict";
(function () {
  var PREFIX = "laborlens-";
  // {vault: signed vault name (not secret), expires: Unix time}; in clear, so not under PREFIX.
  var META = "laborlens:vault";
  var DB = "laborlens-vault";

  function toBase64(bytes) {
    var text = "";
    for (var i = 0; i < bytes.length; i++) { text += String.fromCharCode(bytes[i]); }
    return btoa(text);
  }
  function fromBase64(text) {
    var raw = atob(text);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  // Every vault entry, the kept key, and anything an older version left in clear, goes.
  function wipe() {
    try {
      var names = [];
      for (var i = 0; i < localStorage.length; i++) {
        var name = localStorage.key(i);
        if (name && name.indexOf(PREFIX) === 0) { names.push(name); }
      }
      names.forEach(function (name) { localStorage.removeItem(name); });
      localStorage.removeItem(META);
    } catch (e) { /* storage unavailable: nothing to wipe */ }
    try { if (window.indexedDB) { window.indexedDB.deleteDatabase(DB); } } catch (e) { /* nothing kept */ }
  }

  function meta() {
    try { return JSON.parse(localStorage.getItem(META) || "null") || {}; } catch (e) { return {}; }
  }
  function expired(m) { return !!m.expires && m.expires * 1000 <= Date.now(); }

  // IndexedDB holds one record: the non-extractable key of the current vault.
  function db() {
    return new Promise(function (resolve, reject) {
      var request = window.indexedDB.open(DB, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore("keys"); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function keep(record) {
    return db().then(function (conn) {
      return new Promise(function (resolve) {
        var tx = conn.transaction("keys", "readwrite");
        tx.objectStore("keys").put(record, "current");
        tx.oncomplete = function () { conn.close(); resolve(); };
        tx.onerror = tx.onabort = function () { conn.close(); resolve(); };
      });
    }).catch(function () { /* no IndexedDB: the page still works while it stays open */ });
  }
  function kept() {
    return db().then(function (conn) {
      return new Promise(function (resolve) {
        var request = conn.transaction("keys").objectStore("keys").get("current");
        request.onsuccess = function () { conn.close(); resolve(request.result || null); };
        request.onerror = function () { conn.close(); resolve(null); };
      });
    }).catch(function () { return null; });
  }

  function refused(reason) {
    var error = new Error(reason);
    error.reason = reason;
    return error;
  }

  // Resolves to a vault ({put, get, offline}); rejects with error.reason "signed-out" (the
  // server gives no key: sign in again; what is stored stays sealed), "no-key" (no
  // connection and no key kept) or "no-crypto".
  function open(keyUrl) {
    if (!window.crypto || !window.crypto.subtle) { return Promise.reject(refused("no-crypto")); }
    var current = meta();
    if (expired(current)) { wipe(); current = {}; }
    return fetch(keyUrl, { credentials: "same-origin", redirect: "manual", cache: "no-store",
                           headers: { "Accept": "application/json", "X-LaborLens-Vault": current.vault || "" } })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
          throw refused("signed-out");
        }
        if (!response.ok) { throw refused("HTTP " + response.status); }
        return response.json().then(function (body) {
          if (current.vault && body.vault !== current.vault) { wipe(); }  // the old vault can no longer be read
          localStorage.setItem(META, JSON.stringify({ vault: body.vault, expires: body.expires }));
          return window.crypto.subtle.importKey("raw", fromBase64(body.key), { name: "AES-GCM" }, false,
                                                ["encrypt", "decrypt"])
            .then(function (key) {
              return keep({ key: key, vault: body.vault, expires: body.expires }).then(function () {
                return vault(key, false);
              });
            });
        });
      }, function () {
        // No connection: the key kept for this vault, if it has not expired.
        return kept().then(function (record) {
          if (!record || !current.vault || record.vault !== current.vault || expired(record)) {
            throw refused("no-key");
          }
          return vault(record.key, true);
        });
      });
  }

  function vault(key, offline) {
    var subtle = window.crypto.subtle;
    return {
      offline: offline,
      // Stores the JSON of value under name, encrypted; an empty value removes the entry.
      put: function (name, value) {
        if (value === null || value === undefined) { localStorage.removeItem(name); return Promise.resolve(); }
        var iv = window.crypto.getRandomValues(new Uint8Array(12));
        var plain = new TextEncoder().encode(JSON.stringify(value));
        return subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: new TextEncoder().encode(name) }, key, plain)
          .then(function (sealed) {
            localStorage.setItem(name, JSON.stringify({ v: 1, iv: toBase64(iv), ct: toBase64(new Uint8Array(sealed)) }));
          });
      },
      // The stored value, or null; an entry this session cannot open (another session's,
      // tampered, or left in clear by an older version) is removed.
      get: function (name) {
        var stored = localStorage.getItem(name);
        if (!stored) { return Promise.resolve(null); }
        var box;
        try { box = JSON.parse(stored); } catch (e) { box = null; }
        if (!box || box.v !== 1 || !box.iv || !box.ct) {
          // Left in clear by an older version: handed back once (the caller stores it
          // again, encrypted) and removed from storage now.
          localStorage.removeItem(name);
          return Promise.resolve(box && typeof box === "object" && !box.ct ? box : null);
        }
        return subtle.decrypt({ name: "AES-GCM", iv: fromBase64(box.iv), additionalData: new TextEncoder().encode(name) },
                              key, fromBase64(box.ct))
          .then(function (plain) { return JSON.parse(new TextDecoder().decode(plain)); })
          .catch(function () { localStorage.removeItem(name); return null; });
      }
    };
  }

  // For pages shown to someone not signed in: only an expired vault goes (a live one stays
  // sealed until its user signs in again, signs out, or it expires).
  function wipeIfExpired() {
    if (expired(meta())) { wipe(); }
  }

  window.LaborLensVault = { open: open, wipe: wipe, wipeIfExpired: wipeIfExpired, PREFIX: PREFIX };
})();
