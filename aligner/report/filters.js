var alignerView = (function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  // Show the findings, highlights and rows that the kind and severity boxes select (and rows
  // without findings where "clean" is ticked); hideFinding(f) is a page's own further reason.
  function filter(rows, boxes, clean, shown, hideFinding) {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) { on[b.dataset.filter + ":" + b.value] = true; } });
    function ok(ks) {
      var p = ks.split(":");
      return Boolean(on["kind:" + p[0]] && on["severity:" + p[1]]);
    }
    all(".finding").forEach(function (f) { f.hidden = !ok(f.dataset.ks) || hideFinding(f); });
    all("mark.hl").forEach(function (m) {
      m.classList.toggle("off", !m.dataset.ks.split(" ").some(ok));
    });
    var count = 0;
    rows.forEach(function (r) {
      var notes = all(".finding", r);
      var visible = notes.length ? notes.some(function (f) { return !f.hidden; }) : clean.checked;
      r.hidden = !visible;
      if (visible) { count += 1; }
    });
    shown.textContent = count + " of " + rows.length + " rows";
  }

  return { all: all, filter: filter };
}());
