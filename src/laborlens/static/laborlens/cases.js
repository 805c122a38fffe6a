// Cases: progressive enhancement only; every form works without it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // Show the 28 CFR Part 23 fields only when "intelligence subject only" is ticked.
  var box = document.getElementById("id_intelligence_only");
  if (box) {
    var fields = ["id_justification", "id_review_due"].map(function (id) {
      var input = document.getElementById(id);
      return input ? input.closest(".field") : null;
    }).filter(Boolean);
    var sync = function () { fields.forEach(function (field) { field.hidden = !box.checked; }); };
    box.addEventListener("change", sync);
    sync();
  }
  // Ask before purging an intelligence record.
  document.querySelectorAll("input[name=action][value=purge]").forEach(function (radio) {
    var form = radio.form;
    form.addEventListener("submit", function (event) {
      if (radio.checked && !window.confirm(form.dataset.confirm || "Purge this record? This cannot be undone.")) {
        event.preventDefault();
      }
    });
  });
});
