// On-device reading: a port of the headline reading of screening/engine.py (the ILO/EC
// combination rule and reading order, and the U.S. federal bases rule `us_bases`), run on
// the catalogue data of /screening/field/catalogue.json so that a phone with no connection
// shows the same reading the server will. Only the reading is ported (reading, reading_ilo,
// reading_us, reading_basis, the readings if the person is a minor, and which dimensions
// are positive); the full explained assessment is the server's. The two are kept in step by
// tests/screening/test_reading_port.py, which runs both over the golden vignettes.
"use strict";
(function (root) {
  var WEIGHTS = ["strong", "medium", "weak"];

  function index(data) {
    var items = {};
    var order = {};
    data.items.forEach(function (item, n) { items[item.id] = item; order[item.id] = n; });
    var act = data.us_elements.filter(function (e) { return e.id === "act"; })[0];
    var actComponents = act ? act.components.map(function (c) { return c.id; }) : [];
    var derived = [];
    data.us_elements.forEach(function (e) {
      e.components.forEach(function (c) { if (c.derived_when_all && c.derived_when_all.length) { derived.push(c); } });
    });
    return {
      data: data,
      items: items,
      order: order,
      dimensionIds: data.dimensions.map(function (d) { return d.id; }),
      recruitment: data.dimensions.filter(function (d) { return d.role === "recruitment_means"; }).map(function (d) { return d.id; }),
      destination: data.dimensions.filter(function (d) { return d.role === "destination_means"; }).map(function (d) { return d.id; }),
      exploitation: data.dimensions.filter(function (d) { return d.role === "exploitation"; })[0].id,
      deception: data.dimensions.filter(function (d) { return d.deception; }).map(function (d) { return d.id; }),
      actItems: data.items.filter(function (i) {
        return i.us_supports.some(function (c) { return actComponents.indexOf(c) >= 0; });
      }).map(function (i) { return i.id; }),
      smugglingTriggers: data.items.filter(function (i) { return i.roles.indexOf("smuggling_trigger") >= 0; })
        .map(function (i) { return i.id; }),
      actElement: act,
      derived: derived
    };
  }

  function holds(p, strong, medium, weak) {
    var spare = (medium - p.medium) + (weak - p.weak);
    return strong >= p.strong && medium >= p.medium && weak >= p.weak && spare >= p.medium_or_weak;
  }

  function any(list, test) { return list.some(test); }

  // Dimension counts with the adult or child weights, and which dimensions are positive.
  function state(model, present, child) {
    var counts = {};
    model.dimensionIds.forEach(function (d) { counts[d] = [0, 0, 0]; });
    present.forEach(function (id) {
      var item = model.items[id];
      if (item.kind === "indicator" && item.dimension) {
        var weight = child ? item.weight_child : item.weight_adult;
        counts[item.dimension][WEIGHTS.indexOf(weight)] += 1;
      }
    });
    var positive = {};
    model.dimensionIds.forEach(function (d) {
      positive[d] = any(model.data.patterns, function (p) { return holds(p, counts[d][0], counts[d][1], counts[d][2]); });
    });
    return {
      counts: counts,
      positive: positive,
      actRecorded: any(present, function (id) { return model.actItems.indexOf(id) >= 0; }),
      smuggling: any(present, function (id) { return model.smugglingTriggers.indexOf(id) >= 0; })
    };
  }

  // reading_for (screening/rule.py): the highest reading whose condition holds.
  function readingFor(model, s, minor) {
    var p = s.positive;
    var recruitment = any(model.recruitment, function (d) { return p[d]; });
    var destination = any(model.destination, function (d) { return p[d]; });
    var exploitation = p[model.exploitation];
    if (exploitation && recruitment && destination) { return "trafficking"; }
    if (minor && exploitation && s.actRecorded) { return "trafficking"; }
    if (exploitation && any(model.deception, function (d) { return p[d]; })) { return "deception_exploitation"; }
    if (exploitation) { return "exploitation"; }
    if (s.smuggling && destination) { return "exploitation"; }
    if (s.smuggling) { return "smuggling"; }
    return "insufficient";
  }

  // us_support (screening/federal.py): supported U.S. law components (derived ones included) -> item ids.
  function usSupport(model, present) {
    var facts = {};
    present.forEach(function (id) {
      model.items[id].us_supports.forEach(function (c) { (facts[c] = facts[c] || {})[id] = true; });
    });
    var changed = true;
    while (changed) {
      changed = false;
      model.derived.forEach(function (comp) {
        if (facts[comp.id]) { return; }
        var groups = comp.derived_when_all.map(function (g) { return g.filter(function (r) { return facts[r]; }); });
        if (groups.every(function (g) { return g.length; })) {
          var merged = {};
          groups.forEach(function (g) { g.forEach(function (r) { Object.keys(facts[r]).forEach(function (f) { merged[f] = true; }); }); });
          facts[comp.id] = merged;
          changed = true;
        }
      });
    }
    return facts;
  }

  // us_bases (screening/federal.py): the federal bases the recorded facts support.
  // One means fact other than wages held back is enough while nothing recorded says the person
  // is free and no smuggling is recorded (counterEvidence); otherwise it must be corroborated.
  // A fact the counter-evidence says the opposite of (disputed) corroborates nothing on its own.
  // Wages held back count alone for a minor or a person of heightened vulnerability (vulnerable).
  function usBases(model, supported, positive, actSupported, counterEvidence, disputed, vulnerable) {
    var rule = model.data.us_rule;
    if (!supported["purpose.labor_services"]) { return []; }
    var meansFacts = {};
    rule.coercive_means.forEach(function (c) { Object.keys(supported[c] || {}).forEach(function (f) { meansFacts[f] = true; }); });
    var count = Object.keys(meansFacts).length;
    var beyondWages = Object.keys(meansFacts).filter(function (f) {
      return vulnerable || rule.wage_theft_lookalikes.indexOf(f) < 0;
    });
    var direct = any(rule.direct_means, function (c) {
      return any(Object.keys(supported[c] || {}), function (f) { return !disputed[f]; });
    });
    var corroborated = direct || count >= 2 ||
      any(rule.coercive_dimensions, function (d) { return !!positive[d]; }) ||
      (!counterEvidence && beyondWages.length > 0);
    if (!count || !corroborated) { return []; }
    var bases = ["usc_1589"];
    if (actSupported) { bases.push("usc_1590"); }
    if (supported["purpose.peonage_1581"]) { bases.push("usc_1581"); }
    if (supported["purpose.involuntary_servitude_1584"]) { bases.push("usc_1584"); }
    return bases;
  }

  // answers: {item id: "present" | {value: "present", ...}}; ids not in the catalogue are
  // ignored (the server refuses them). ageGroup: adult, minor or unknown.
  function assess(model, answers, ageGroup, jurisdiction) {
    jurisdiction = jurisdiction || model.data.jurisdiction || "us";
    var present = Object.keys(answers || {}).filter(function (id) {
      var a = answers[id];
      var value = typeof a === "string" ? a : (a && a.value);
      return value === "present" && model.items[id];
    }).sort(function (a, b) { return model.order[a] - model.order[b]; });
    var minor = ageGroup === "minor";
    var s = state(model, present, minor);
    var ilo = readingFor(model, s, minor);
    var supported = usSupport(model, present);
    var act = model.actElement;
    var actSupported = !!act && any(act.supported_when_any, function (c) { return !!supported[c]; });
    var counter = s.smuggling || any(present, function (id) { return model.data.us_rule.counter_evidence.indexOf(id) >= 0; });
    var disputed = {};
    Object.keys(model.data.us_rule.contradicts || {}).forEach(function (counterItem) {
      var fact = model.data.us_rule.contradicts[counterItem];
      if (present.indexOf(counterItem) >= 0 && present.indexOf(fact) >= 0) { disputed[fact] = true; }
    });
    var vulnerable = minor || any(present, function (id) {
      return (model.data.us_rule.heightened_vulnerability || []).indexOf(id) >= 0;
    });
    var bases = usBases(model, supported, s.positive, actSupported, counter, disputed, vulnerable);
    var readingUs = bases.length || ilo === "trafficking" ? "trafficking" : ilo;
    var ifMinor = null;
    var usIfMinor = null;
    if (ageGroup === "unknown") {
      var child = state(model, present, true);
      ifMinor = readingFor(model, child, true);
      var childBases = usBases(model, supported, child.positive, actSupported, counter, disputed, true);
      usIfMinor = childBases.length || ifMinor === "trafficking" ? "trafficking" : ifMinor;
    }
    var basis = (ilo === "trafficking" ? ["palermo_ilo"] : []).concat(readingUs === "trafficking" ? bases : []);
    if (jurisdiction === "ilo") { basis = ilo === "trafficking" ? ["palermo_ilo"] : []; }
    var positive = model.dimensionIds.filter(function (d) { return s.positive[d]; });
    return {
      jurisdiction: jurisdiction,
      reading: jurisdiction === "us" ? readingUs : ilo,
      reading_ilo: ilo,
      reading_us: readingUs,
      reading_basis: basis,
      reading_if_minor: ifMinor,
      reading_us_if_minor: usIfMinor,
      dimensions_positive: positive,
      catalogue_version: model.data.version
    };
  }

  function label(model, readingId, lang) {
    var found = model.data.readings.filter(function (r) { return r.id === readingId; })[0];
    return found ? (found.label[lang] || found.label.en) : readingId;
  }

  var api = {
    model: index,
    assess: assess,
    label: label,
    basisLabel: function (model, basis, lang) {
      var found = model.data.basis_labels[basis];
      return found ? (found[lang] || found.en) : basis;
    }
  };
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.LaborLensReading = api; }
})(typeof window !== "undefined" ? window : this);
