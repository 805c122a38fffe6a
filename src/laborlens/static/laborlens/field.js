// Field screening with or without a connection (issue 17, part 1). The page itself, the
// catalogue and this script come from the service worker's cache when there is no network.
// A screening is answered here, read on the phone (reading.js: the server's rules), and
// queued in the encrypted device vault (vault.js) with a key the phone chooses (a UUID); the
// queue is sent to POST /api/v1/screenings/ when the connection returns, and the server
// keeps one screening per key, so a send repeated after a lost reply makes no duplicate.
// The vault's key is in memory only: online with a live session it comes from the server;
// otherwise the officer's field PIN unwraps it (set here on first use online).
"use strict";
(function () {
  var form = document.getElementById("field-form");
  if (!form) { return; }
  var QUEUE = window.LaborLensVault.PREFIX + "field-queue";
  var DRAFT = window.LaborLensVault.PREFIX + "field-draft";
  var status = document.getElementById("field-status");
  var list = document.getElementById("field-queue");
  var lang = form.getAttribute("data-lang") || "en";
  var box = null;
  var model = null;
  var queue = [];
  var writing = Promise.resolve();

  function text(name) { return form.getAttribute("data-" + name) || ""; }
  function say(message, state) {
    status.textContent = message;
    status.setAttribute("data-state", state);
  }
  function save() {
    var snapshot = queue.length ? JSON.parse(JSON.stringify(queue)) : null;
    writing = writing.then(function () { return box.put(QUEUE, snapshot); });
    return writing;
  }

  // --- the form ------------------------------------------------------------------------
  function answers() {
    var out = {};
    form.querySelectorAll("[data-indicator]").forEach(function (block) {
      var checked = block.querySelector("input[type=radio]:checked");
      if (checked) { out[block.getAttribute("data-indicator")] = { value: checked.value, source: "statement" }; }
    });
    return out;
  }
  function ageGroup() {
    var checked = form.querySelector("input[name=age_group]:checked");
    return checked ? checked.value : "unknown";
  }
  function current() {
    return { age_group: ageGroup(), setting: form.elements.setting.value,
             question_language: form.elements.question_language.value, answers: answers() };
  }
  function restore(draft) {
    if (!draft) { return; }
    var age = form.querySelector("input[name=age_group][value='" + draft.age_group + "']");
    if (age) { age.checked = true; }
    if (draft.setting) { form.elements.setting.value = draft.setting; }
    if (draft.question_language) { form.elements.question_language.value = draft.question_language; }
    Object.keys(draft.answers || {}).forEach(function (id) {
      var radio = form.querySelector("input[name='value-" + id + "'][value='" + draft.answers[id].value + "']");
      if (radio) { radio.checked = true; }
    });
  }
  function showQuestionsIn(language) {
    form.querySelectorAll("p.asked[data-lang]").forEach(function (p) { p.hidden = p.getAttribute("data-lang") !== language; });
  }

  // --- the reading on the phone --------------------------------------------------------------
  function read(entry) {
    return model ? window.LaborLensReading.assess(model, entry.answers, entry.age_group) : null;
  }
  function showReading() {
    var reading = read(current());
    var strong = document.getElementById("field-reading");
    var basis = document.getElementById("field-basis");
    if (!reading) { strong.textContent = ""; basis.textContent = text("msg-no-catalogue"); return; }
    strong.textContent = window.LaborLensReading.label(model, reading.reading, lang);
    strong.setAttribute("data-reading", reading.reading);
    basis.textContent = reading.reading_basis.length ? text("msg-basis") + " " + reading.reading_basis.map(function (b) {
      return window.LaborLensReading.basisLabel(model, b, lang);
    }).join("; ") : "";
  }

  // --- the queue -------------------------------------------------------------------------
  function uuid() {
    if (window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function stamp(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + two(date.getMonth() + 1) + "-" + two(date.getDate()) + " " +
      two(date.getHours()) + ":" + two(date.getMinutes());
  }
  function render() {
    list.textContent = "";
    if (!queue.length) {
      var none = document.createElement("li");
      none.textContent = list.getAttribute("data-empty");
      list.appendChild(none);
      return;
    }
    queue.slice().reverse().forEach(function (entry) {
      var li = document.createElement("li");
      li.setAttribute("data-key", entry.key);
      li.setAttribute("data-state", entry.state);
      var title = document.createElement("strong");
      title.textContent = entry.label;
      var state = document.createElement("span");
      state.className = "queue-state";
      state.setAttribute("data-testid", "queue-state");
      state.textContent = text("state-" + entry.state);
      li.appendChild(title);
      li.appendChild(document.createTextNode(" · "));
      li.appendChild(state);
      if (entry.reading) {
        var reading = document.createElement("span");
        reading.className = "note";
        reading.textContent = " · " + text("msg-reading") + " " + (model ? window.LaborLensReading.label(model, entry.reading, lang) : entry.reading);
        li.appendChild(reading);
      }
      if (entry.state === "sent" && entry.server_id) {
        var link = document.createElement("a");
        link.href = form.getAttribute("data-result-url").replace("/0/", "/" + entry.server_id + "/");
        link.textContent = text("msg-open");
        li.appendChild(document.createTextNode(" · "));
        li.appendChild(link);
      }
      if (entry.state === "conflict") {
        if (entry.detail) {
          var detail = document.createElement("p");
          detail.className = "error";
          detail.textContent = entry.detail;
          li.appendChild(detail);
        }
        // The server will not take it as it is: the officer decides when to let it go.
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "small danger";
        remove.textContent = text("msg-remove");
        remove.addEventListener("click", function () {
          if (!window.confirm(text("msg-remove-confirm"))) { return; }
          queue = queue.filter(function (e) { return e.key !== entry.key; });
          save().then(render);
        });
        li.appendChild(remove);
      }
      list.appendChild(li);
    });
  }
  function enqueue(event) {
    event.preventDefault();
    if (!box) { return; }
    var entry = current();
    var reading = read(entry);
    entry.key = uuid();
    entry.label = text("label-prefix") + " " + stamp(new Date());
    entry.state = "saved";
    entry.reading = reading ? reading.reading : "";
    queue.push(entry);
    form.reset();
    showQuestionsIn(form.elements.question_language.value);
    showReading();
    writing = writing.then(function () { return box.put(DRAFT, null); });
    save().then(function () {
      render();
      say(text("msg-saved"), "saved");
      sync();
    });
  }

  // --- sending -------------------------------------------------------------------------
  var sending = null;
  function sync() {
    if (sending) { return sending; }  // one send at a time; a second trigger joins the first
    if (!box || !queue.some(function (e) { return e.state === "saved"; })) { return Promise.resolve(); }
    say(text("msg-sending"), "sending");
    sending = fetch(form.getAttribute("data-token-url"), { credentials: "same-origin", redirect: "manual",
                                                           cache: "no-store", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw Object.assign(new Error("signed-out"), { reason: "signed-out" }); }
        return response.json();
      })
      .then(function (body) {
        return queue.filter(function (e) { return e.state === "saved"; }).reduce(function (chain, entry) {
          return chain.then(function () { return send(entry, body.csrf); });
        }, Promise.resolve());
      })
      .then(function () {
        say(text("msg-all-sent"), "sent");
        return true;
      }, function (error) {
        say(error && error.reason === "signed-out" ? text("msg-signed-out") : text("msg-offline"),
            error && error.reason === "signed-out" ? "signed-out" : "offline");
        return false;
      })
      .then(function (done) {
        sending = null;
        render();
        // Saved while this send was under way: send it too.
        if (done && queue.some(function (e) { return e.state === "saved"; })) { return sync(); }
      });
    return sending;
  }
  function send(entry, csrf) {
    var payload = { idempotency_key: entry.key, label: entry.label, age_group: entry.age_group,
                    setting: entry.setting, question_language: entry.question_language,
                    answers: entry.answers, complete: true };
    return fetch(form.getAttribute("data-send-url"), {
      method: "POST", credentials: "same-origin", redirect: "manual", cache: "no-store",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(payload)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201) {
        return response.json().then(function (body) {
          // Sent: the answers leave the phone; the server holds them now.
          entry.state = "sent";
          entry.server_id = body.id;
          entry.reading = body.reading || entry.reading;
          delete entry.answers;
          return save();
        });
      }
      if (response.status === 400 || response.status === 409) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          entry.state = "conflict";
          entry.detail = body.detail || (body.errors ? JSON.stringify(body.errors) : "HTTP " + response.status);
          return save();
        });
      }
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        throw Object.assign(new Error("signed-out"), { reason: "signed-out" });
      }
      throw new Error("HTTP " + response.status);
    });
  }

  // --- start -----------------------------------------------------------------------------
  function loadCatalogue() {
    return fetch(form.getAttribute("data-catalogue-url"), { credentials: "same-origin", redirect: "manual",
                                                            headers: { "Accept": "application/json" } })
      .then(function (response) { if (!response.ok) { throw new Error("catalogue"); } return response.json(); })
      .then(function (data) { model = window.LaborLensReading.model(data); })
      .catch(function () { model = null; });
  }
  function start(opened) {
    box = opened;
    return Promise.all([box.get(QUEUE), box.get(DRAFT), loadCatalogue()]).then(function (found) {
      queue = Array.isArray(found[0]) ? found[0] : [];
      restore(found[1]);
      form.hidden = false;
      showQuestionsIn(form.elements.question_language.value);
      showReading();
      render();
      if (opened.reason === "signed-out") { say(text("msg-signed-out"), "signed-out"); }
      else { say(opened.offline || !navigator.onLine ? text("msg-offline") : text("msg-ready"), opened.offline ? "offline" : "ready"); }
      if (!opened.offline) { sync(); }
    });
  }
  form.addEventListener("change", function (event) {
    if (event.target.name === "question_language") { showQuestionsIn(event.target.value); }
    showReading();
    if (box) {
      var draft = current();
      writing = writing.then(function () { return box.put(DRAFT, draft); });
    }
  });
  form.addEventListener("submit", enqueue);
  document.getElementById("field-send").addEventListener("click", function () { sync(); });
  window.addEventListener("online", function () {
    if (box && box.offline) {
      // Opened with the PIN: ask the server now that it can answer (it checks the vault is this
      // officer's; a new vault means the old one is wiped).
      window.LaborLensVault.open(form.getAttribute("data-key-url")).then(function (opened) { box = opened; sync(); },
                                                                        function () { sync(); });
      return;
    }
    sync();
  });
  // --- the field PIN ----------------------------------------------------------------------
  var pinForm = document.getElementById("field-pin");
  var pinInput = document.getElementById("field-pin-value");
  var pinAgain = document.getElementById("field-pin-again");
  var pinError = document.getElementById("field-pin-error");
  function pinText(name) { return pinForm.getAttribute("data-" + name) || ""; }
  function pinFault(message) {
    pinError.textContent = message;
    pinError.hidden = !message;
    pinInput.setAttribute("aria-invalid", message ? "true" : "false");
  }
  // Shows the form for mode "set" or "unlock" and resolves to the PIN typed.
  function askPin(mode, info) {
    var setting = mode === "set";
    pinForm.setAttribute("data-mode", mode);
    document.getElementById("field-pin-title").textContent = pinText(setting ? "title-set" : "title-unlock");
    document.getElementById("field-pin-hint").textContent = setting ? pinText("hint-set") :
      pinText("hint-unlock").replace("%(left)s", info.left);
    document.getElementById("field-pin-again-field").hidden = !setting;
    pinAgain.required = setting;
    pinForm.querySelector("button[type=submit]").textContent = pinText(setting ? "button-set" : "button-unlock");
    pinForm.reset();
    pinFault(info.wrong ? pinText("msg-wrong").replace("%(left)s", info.left) : "");
    pinForm.hidden = false;
    say(pinText(setting ? "status-set" : "status-unlock"), "pin");
    pinInput.focus();
    return new Promise(function (resolve) {
      function submitted(event) {
        event.preventDefault();
        var pin = pinInput.value.trim();
        if (!/^[0-9]{6,64}$/.test(pin)) { pinFault(pinText("msg-short")); pinInput.focus(); return; }
        if (setting && pin !== pinAgain.value.trim()) { pinFault(pinText("msg-mismatch")); pinAgain.focus(); return; }
        pinForm.removeEventListener("submit", submitted);
        pinForm.reset();
        pinFault("");
        pinForm.hidden = true;
        say(pinText("msg-opening"), "opening");
        resolve(pin);
      }
      pinForm.addEventListener("submit", submitted);
    });
  }

  render();
  window.LaborLensVault.openField(form.getAttribute("data-key-url"), askPin).then(start, function (error) {
    var reason = error && error.reason;
    pinForm.hidden = true;
    if (reason === "wiped") { render(); say(pinText("msg-wiped"), "wiped"); return; }
    say(reason === "signed-out" ? text("msg-signed-out") : reason === "no-crypto" ? text("msg-no-crypto") : text("msg-no-key"),
        "unavailable");
  });
})();
