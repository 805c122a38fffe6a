// Field screening: save each answer as it is given, so a dropped connection or a reload
// loses nothing. Unsent answers wait in localStorage and are sent when the network returns.
"use strict";
(function () {
  var form = document.getElementById("screening-form");
  if (!form) { return; }
  var endpoint = form.getAttribute("data-answer-url");
  var storeKey = "laborlens-pending-" + form.getAttribute("data-screening");
  var status = document.getElementById("save-status");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;

  function pending() {
    try { return JSON.parse(localStorage.getItem(storeKey) || "{}"); } catch (e) { return {}; }
  }
  function setPending(items) {
    if (Object.keys(items).length) { localStorage.setItem(storeKey, JSON.stringify(items)); }
    else { localStorage.removeItem(storeKey); }
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
    var items = pending();
    var ids = Object.keys(items);
    if (!ids.length) { return; }
    busy = true;
    say(form.getAttribute("data-saving"), "saving");
    ids.reduce(function (chain, id) {
      return chain.then(function () {
        return send(items[id]).then(function (body) {
          var left = pending();
          delete left[id];
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
    var items = pending();
    items[block.getAttribute("data-indicator")] = collect(block.getAttribute("data-indicator"));
    setPending(items);
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
  // Restore answers given while offline before a reload, then send them.
  var saved = pending();
  Object.keys(saved).forEach(function (id) {
    var block = form.querySelector("[data-indicator='" + id + "']");
    if (!block) { return; }
    var radio = block.querySelector("input[type=radio][value='" + saved[id].value + "']");
    if (radio) { radio.checked = true; }
    var note = block.querySelector("textarea");
    if (note) { note.value = saved[id].note; }
  });
  flush();
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
