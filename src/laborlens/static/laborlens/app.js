// LaborLens progressive enhancement. Pages work without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // The device vault (vault.js) keeps nothing past sign-out or its 12 hours: it is wiped when
  // the user signs out, and on a page shown to someone not signed in once it has expired (a
  // live vault stays sealed: what a phone queued in the field opens again at the next sign-in).
  var logout = document.querySelector("form[action$='/accounts/logout/']");
  function wipeVault() {
    try {
      var names = [];
      for (var i = 0; i < localStorage.length; i++) {
        var name = localStorage.key(i) || "";
        if (name.indexOf("laborlens-") === 0 || name.indexOf("laborlens:") === 0) { names.push(name); }
      }
      names.forEach(function (name) { localStorage.removeItem(name); });
    } catch (e) { /* storage unavailable */ }
    try { if (window.indexedDB) { window.indexedDB.deleteDatabase("laborlens-vault"); } } catch (e) { /* none */ }
  }
  function vaultExpired() {
    try {
      var meta = JSON.parse(localStorage.getItem("laborlens:vault") || "null");
      return !meta || !meta.expires || meta.expires * 1000 <= Date.now();
    } catch (e) { return true; }
  }
  if (logout) {
    logout.addEventListener("submit", wipeVault);
    // The installable field app (issue 17): a service worker keeps the field page, the
    // catalogue and the guide for use with no connection (screening/sw.js).
    var worker = document.body.getAttribute("data-service-worker");
    if (worker && navigator.serviceWorker) {
      navigator.serviceWorker.register(worker, { scope: "/" }).catch(function () { /* the app works online */ });
    }
  } else if (vaultExpired()) {
    wipeVault();
  }
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // Irreversible actions ask first: a form with data-confirm submits only when the user
  // agrees to its question (the server still checks every rule).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});
