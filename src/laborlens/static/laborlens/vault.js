// Device vault: what a page must keep on the phone (unsent screening answers, screenings
// queued with no connection) is stored in localStorage only as AES-GCM ciphertext
// (WebCrypto). The key comes from the server (/accounts/device-key/) only for a live,
// verified session of the vault's own user, and never for a vault older than 12 hours
// (accounts/device_vault.py); it is imported as a non-extractable key and held in memory only.
// So that the field page opens with no connection, the officer sets a field PIN there: the
// key's bytes, while the server's answer is in memory, are encrypted (AES-GCM) under a key
// derived from the PIN (PBKDF2-SHA-256, 310,000 iterations, random salt), and only those
// wrapped bytes, the salt and the count are kept in IndexedDB. No usable key is ever stored:
// without the PIN or a live session nothing on the phone decrypts. Five wrong PINs, sign-out
// and the vault's expiry wipe all of it.
"use strict";
(function () {
  var PREFIX = "laborlens-";
  // {vault: signed vault name (not secret), expires: Unix time}; in clear, so not under PREFIX.
  var META = "laborlens:vault";
  var DB = "laborlens-vault";
  var ITERATIONS = 310000;  // OWASP's figure for PBKDF2-HMAC-SHA-256
  var ATTEMPTS = 5;         // wrong PINs before the vault is wiped
  var PIN = /^[0-9]{6,64}$/;

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
  function utf8(text) { return new TextEncoder().encode(text); }

  // Every vault entry, the wrapped key, and anything an older version left in clear, goes.
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

  // IndexedDB holds one record, all strings and numbers: {vault, expires, salt, iterations,
  // iv, wrapped, failures}. Never a CryptoKey.
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
      return new Promise(function (resolve, reject) {
        var tx = conn.transaction("keys", "readwrite");
        tx.objectStore("keys").put(record, "current");
        tx.oncomplete = function () { conn.close(); resolve(); };
        tx.onerror = tx.onabort = function () { conn.close(); reject(tx.error); };
      });
    });
  }
  function kept() {
    if (!window.indexedDB) { return Promise.resolve(null); }
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

  // The server's key for this phone's vault: {key (bytes), vault, expires}; rejects with
  // reason "signed-out" (no live session), "offline" or "HTTP n".
  function fetchKey(keyUrl, current) {
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
          return { key: fromBase64(body.key), vault: body.vault, expires: body.expires };
        });
      }, function () { throw refused("offline"); });
  }

  function aesKey(raw) {
    return window.crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
  }
  // The key that wraps the vault key: PBKDF2-SHA-256 of the PIN, never stored.
  function pinKey(pin, salt, iterations, usage) {
    var subtle = window.crypto.subtle;
    return subtle.importKey("raw", utf8(pin), "PBKDF2", false, ["deriveKey"]).then(function (material) {
      return subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: salt, iterations: iterations },
                              material, { name: "AES-GCM", length: 256 }, false, [usage]);
    });
  }
  // Bound to the vault's name, so wrapped bytes cannot be moved to another vault.
  function seal(raw, pin, opened) {
    var salt = window.crypto.getRandomValues(new Uint8Array(16));
    var iv = window.crypto.getRandomValues(new Uint8Array(12));
    return pinKey(pin, salt, ITERATIONS, "encrypt").then(function (wrapping) {
      return window.crypto.subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: utf8(opened.vault) }, wrapping, raw);
    }).then(function (wrapped) {
      return keep({ vault: opened.vault, expires: opened.expires, salt: toBase64(salt), iterations: ITERATIONS,
                    iv: toBase64(iv), wrapped: toBase64(new Uint8Array(wrapped)), failures: 0 });
    });
  }
  function unseal(record, pin) {
    return pinKey(pin, fromBase64(record.salt), record.iterations, "decrypt").then(function (wrapping) {
      return window.crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(record.iv), additionalData: utf8(record.vault) },
                                          wrapping, fromBase64(record.wrapped));
    }).then(function (raw) { return new Uint8Array(raw); });
  }
  // The key for this page's lifetime; its bytes are overwritten once imported.
  function inMemory(raw, offline, reason) {
    return aesKey(raw).then(function (key) {
      raw.fill(0);
      var opened = vault(key, offline);
      opened.reason = reason;
      return opened;
    });
  }

  // For pages used online only (the ordinary screening form): the server's key, kept in
  // memory. Resolves to a vault ({put, get, offline}); rejects with error.reason
  // "signed-out" (sign in again; what is stored stays sealed), "offline" or "no-crypto".
  function open(keyUrl) {
    if (!window.crypto || !window.crypto.subtle) { return Promise.reject(refused("no-crypto")); }
    var current = meta();
    if (expired(current)) { wipe(); current = {}; }
    return fetchKey(keyUrl, current).then(function (opened) { return inMemory(opened.key, false, "online"); });
  }

  // For the field page. ask(mode, info) shows the PIN form and resolves to what the officer
  // typed: mode "set" (no PIN for this vault yet; with a live session) or "unlock" (info.left:
  // attempts before the wipe; info.wrong: the last one was wrong). Resolves to a vault (its
  // reason: "online", "offline" or "signed-out"); rejects with error.reason "signed-out" or
  // "no-key" (nothing to unlock), "wiped" (five wrong PINs) or "no-crypto".
  function openField(keyUrl, ask) {
    if (!window.crypto || !window.crypto.subtle || !window.indexedDB) { return Promise.reject(refused("no-crypto")); }
    var current = meta();
    if (expired(current)) { wipe(); current = {}; }
    return fetchKey(keyUrl, current).then(function (opened) {
      return kept().then(function (record) {
        if (record && record.vault === opened.vault && !expired(record)) {
          return inMemory(opened.key, false, "online");  // a live session needs no PIN
        }
        return askNew(ask).then(function (pin) { return seal(opened.key, pin, opened); })
          .then(function () { return inMemory(opened.key, false, "online"); });
      });
    }, function (error) {
      return kept().then(function (record) {
        if (!record || !current.vault || record.vault !== current.vault || expired(record)) {
          if (record && expired(record)) { wipe(); }
          throw refused(error.reason === "signed-out" ? "signed-out" : "no-key");
        }
        return unlock(record, ask, error.reason === "signed-out" ? "signed-out" : "offline");
      });
    });
  }
  function askNew(ask) {
    return ask("set", {}).then(function (pin) { return PIN.test(pin) ? pin : askNew(ask); });
  }
  function unlock(record, ask, reason) {
    function attempt(wrong) {
      var left = ATTEMPTS - (record.failures || 0);
      if (left <= 0) { wipe(); return Promise.reject(refused("wiped")); }
      return ask("unlock", { left: left, wrong: wrong }).then(function (pin) {
        return unseal(record, pin).then(function (raw) {
          record.failures = 0;
          return keep(record).then(function () { return inMemory(raw, true, reason); });
        }, function () {
          // Counted on the phone before the next try, so a reload does not reset it.
          record.failures = (record.failures || 0) + 1;
          if (record.failures >= ATTEMPTS) { wipe(); throw refused("wiped"); }
          return keep(record).then(function () { return attempt(true); });
        });
      });
    }
    return attempt(false);
  }

  function vault(key, offline) {
    var subtle = window.crypto.subtle;
    return {
      offline: offline,
      // Stores the JSON of value under name, encrypted; an empty value removes the entry.
      put: function (name, value) {
        if (value === null || value === undefined) { localStorage.removeItem(name); return Promise.resolve(); }
        var iv = window.crypto.getRandomValues(new Uint8Array(12));
        var plain = utf8(JSON.stringify(value));
        return subtle.encrypt({ name: "AES-GCM", iv: iv, additionalData: utf8(name) }, key, plain)
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
        return subtle.decrypt({ name: "AES-GCM", iv: fromBase64(box.iv), additionalData: utf8(name) },
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

  window.LaborLensVault = { open: open, openField: openField, wipe: wipe, wipeIfExpired: wipeIfExpired,
                            PREFIX: PREFIX, ATTEMPTS: ATTEMPTS };
})();
