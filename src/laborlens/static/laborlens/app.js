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
  // On a phone the menu starts folded behind a "Menu" button (issue 17.8): the first screen
  // shows the page, not the list of links. Wider screens always show the menu.
  var toggle = document.querySelector(".menu-toggle");
  var menu = document.getElementById("site-menu");
  if (toggle && menu && window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 39.99rem)");
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("collapsed", !open);
    };
    var fit = function () { toggle.hidden = !narrow.matches; setOpen(!narrow.matches); };
    fit();
    if (narrow.addEventListener) { narrow.addEventListener("change", fit); }
    toggle.addEventListener("click", function () { setOpen(toggle.getAttribute("aria-expanded") !== "true"); });
  }
  // A wide table scrolls sideways in its .table-wrap (cells never break a word): a wrapper
  // that scrolls is made reachable from the keyboard and named after its table's caption.
  document.querySelectorAll(".table-wrap").forEach(function (wrap) {
    if (wrap.scrollWidth <= wrap.clientWidth + 1) { return; }
    var caption = wrap.querySelector("caption");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : (document.title || "table"));
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // Irreversible actions ask first: a form with data-confirm submits only when the user
  // agrees to its question (the server still checks every rule).
  // With data-confirm-when="name=value" it asks only when that choice is made (a purge among
  // the decisions of a review form).
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var when = (form.getAttribute("data-confirm-when") || "").split("=");
      if (when.length === 2) {
        var chosen = new FormData(form).getAll(when[0]);
        if (chosen.indexOf(when[1]) === -1) { return; }
      }
      if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
    });
  });
});
