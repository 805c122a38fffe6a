// Field screening: save each answer as it is given, so a dropped connection or a reload
// loses nothing. Unsent answers wait on the phone, encrypted (vault.js: AES-GCM under a
// key the server gives this session), and are sent when the network returns.
"use strict";
(function () {
  var form = document.getElementById("screening-form");
  if (!form) { return; }
  var endpoint = form.getAttribute("data-answer-url");
  var storeKey = window.LaborLensVault.PREFIX + "pending-" + form.getAttribute("data-screening");
  var status = document.getElementById("save-status");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  // Unsent answers live in memory; the vault keeps an encrypted copy for a reload. Without
  // a vault (no WebCrypto, no live session) nothing is written to the phone at all.
  var items = {};
  var box = null;
  var writing = Promise.resolve();
  function pending() { return JSON.parse(JSON.stringify(items)); }
  function setPending(next) {
    items = next;
    if (!box) { return; }
    var snapshot = Object.keys(next).length ? pending() : null;
    writing = writing.then(function () { return box.put(storeKey, snapshot); }).catch(function () {
      localStorage.removeItem(storeKey);
    });
  }
  function say(text, state) {
    if (!status) { return; }
    status.textContent = text;
    status.setAttribute("data-state", state);
  }
  function collect(indicator) {
    var block = form.querySelector("[data-indicator='" + indicator + "']");
    var checked = block.querySelector("input[type=radio]:checked");
    var source = block.querySelector("select");
    var note = block.querySelector("textarea");
    return {
      indicator: indicator,
      value: checked ? checked.value : "unknown",
      source: source ? source.value : "",
      note: note ? note.value : ""
    };
  }
  function send(answer) {
    return fetch(endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(answer)
    }).then(function (response) {
      if (response.status === 400) {
        return response.json().then(function (body) { throw new Error(body.detail || "invalid"); });
      }
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    });
  }
  // One save at a time: answers given during a save are sent right after it.
  var busy = false;
  var again = false;
  var submitWhenSaved = false;
  function flush() {
    if (busy) { again = true; return; }
    var queued = pending();
    var ids = Object.keys(queued);
    if (!ids.length) { return; }
    busy = true;
    say(form.getAttribute("data-saving"), "saving");
    ids.reduce(function (chain, id) {
      return chain.then(function () {
        return send(queued[id]).then(function (body) {
          var left = pending();
          // An answer changed while it was being sent stays queued with its new value.
          if (JSON.stringify(left[id]) === JSON.stringify(queued[id])) { delete left[id]; }
          setPending(left);
          form.querySelector("input[name=version]").value = body.version;
          var reading = document.getElementById("live-reading");
          if (reading && body.reading_label) { reading.textContent = body.reading_label; }
        });
      });
    }, Promise.resolve()).then(function () {
      busy = false;
      again = false;
      if (Object.keys(pending()).length) { flush(); return; }
      say(form.getAttribute("data-saved"), "saved");
      if (submitWhenSaved) { submitWhenSaved = false; form.submit(); }
    }).catch(function (error) {
      busy = false;
      again = false;
      say(form.getAttribute("data-offline") + " (" + error.message + ")", "offline");
    });
  }
  function onChange(event) {
    var block = event.target.closest("[data-indicator]");
    if (!block) { return; }
    var next = pending();
    next[block.getAttribute("data-indicator")] = collect(block.getAttribute("data-indicator"));
    setPending(next);
    flush();
  }
  form.addEventListener("change", onChange);
  // The whole-form save carries the version; let this phone's own saves land first so
  // that it is not mistaken for someone else's change.
  form.addEventListener("submit", function (event) {
    if (busy || Object.keys(pending()).length) {
      event.preventDefault();
      submitWhenSaved = true;
      flush();
    }
  });
  window.addEventListener("online", flush);
  // Open the vault, restore answers given while offline before a reload, then send them.
  function restore(saved) {
    Object.keys(saved || {}).forEach(function (id) {
      var block = form.querySelector("[data-indicator='" + id + "']");
      if (!block || items[id]) { return; }
      items[id] = saved[id];
      var radio = block.querySelector("input[type=radio][value='" + saved[id].value + "']");
      if (radio) { radio.checked = true; }
      var source = block.querySelector("select");
      if (source && saved[id].source) { source.value = saved[id].source; }
      var note = block.querySelector("textarea");
      if (note) { note.value = saved[id].note; }
    });
  }
  window.LaborLensVault.open(form.getAttribute("data-key-url")).then(function (opened) {
    box = opened;
    return box.get(storeKey);
  }).then(function (saved) {
    restore(saved);
    setPending(items);
    flush();
  }).catch(function () {
    // No key for this session: what is stored cannot be read here, and never will be.
    localStorage.removeItem(storeKey);
    flush();
  });
  // Each question can be read aloud in English or Spanish.
  form.querySelectorAll("[data-toggle-language]").forEach(function (button) {
    button.addEventListener("click", function () {
      var block = button.closest("[data-indicator]");
      block.querySelectorAll("[data-lang]").forEach(function (text) { text.hidden = !text.hidden; });
      var showing = block.querySelector("[data-lang]:not([hidden])").getAttribute("data-lang");
      button.setAttribute("aria-pressed", showing === "es" ? "true" : "false");
    });
  });
})();
