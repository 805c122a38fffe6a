// LaborLens progressive enhancement. Pages work without JavaScript.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // The device vault (vault.js) keeps nothing past the session: it is wiped when the user
  // signs out, and on any page shown to someone not signed in (e.g. after a timeout).
  var logout = document.querySelector("form[action$='/accounts/logout/']");
  function wipeVault() {
    try {
      var names = [];
      for (var i = 0; i < localStorage.length; i++) {
        if ((localStorage.key(i) || "").indexOf("laborlens-") === 0) { names.push(localStorage.key(i)); }
      }
      names.forEach(function (name) { localStorage.removeItem(name); });
    } catch (e) { /* storage unavailable */ }
  }
  if (logout) { logout.addEventListener("submit", wipeVault); } else { wipeVault(); }
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
