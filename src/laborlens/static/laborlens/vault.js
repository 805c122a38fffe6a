// Device vault: what a page must keep on the phone (unsent screening answers) is stored
// in localStorage only as AES-GCM ciphertext (WebCrypto). The key material comes from the
// server for the signed-in session (/accounts/device-key/) and is imported as a
// non-extractable key held in memory only: a phone without a live session cannot read
// what is stored. Sign-out clears the storage (Clear-Site-Data and wipe() below).
"use strict";
(function () {
  var PREFIX = "laborlens-";

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

  // Every vault entry, and anything an older version left in clear, goes.
  function wipe() {
    try {
      var names = [];
      for (var i = 0; i < localStorage.length; i++) {
        var name = localStorage.key(i);
        if (name && name.indexOf(PREFIX) === 0) { names.push(name); }
      }
      names.forEach(function (name) { localStorage.removeItem(name); });
    } catch (e) { /* storage unavailable: nothing to wipe */ }
  }

  function open(keyUrl) {
    if (!window.crypto || !window.crypto.subtle) { return Promise.reject(new Error("no WebCrypto")); }
    return fetch(keyUrl, { credentials: "same-origin", redirect: "error", cache: "no-store",
                           headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      })
      .then(function (body) {
        return window.crypto.subtle.importKey("raw", fromBase64(body.key), { name: "AES-GCM" },
                                              false, ["encrypt", "decrypt"]);
      })
      .then(function (key) { return vault(key); });
  }

  function vault(key) {
    var subtle = window.crypto.subtle;
    return {
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

  window.LaborLensVault = { open: open, wipe: wipe, PREFIX: PREFIX };
})();
