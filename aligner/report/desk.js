(function () {
  "use strict";
  var desk = document.getElementById("desk");
  var table = document.getElementById("rows");
  if (!desk || !table) { return; }
  var token = desk.dataset.token;
  var api = "/api/pairs/" + desk.dataset.pair + "/";
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var clean = document.getElementById("show-clean");
  var decided = document.getElementById("show-decided");
  var shown = document.getElementById("shown");
  var status = document.getElementById("status");
  var current = null;
  var picked = null;
  var all = alignerView.all;  // report/filters.js, put before this script

  function say(text) { status.textContent = text; }

  function apply() {
    alignerView.filter(rows, boxes, clean, shown, function (f) {
      return !decided.checked && f.dataset.state !== "";  // decided findings, unless asked
    });
    if (current && current.hidden) { select(null); }
  }

  function select(row) {
    if (current) { current.classList.remove("current"); }
    current = row;
    if (!row) { return; }
    row.classList.add("current");
    row.scrollIntoView({ block: "center" });
  }

  function go(step) {
    var list = rows.filter(function (r) { return !r.hidden; });
    if (!list.length) { return; }
    var i = current ? list.indexOf(current) : -1;
    var next = i < 0 ? (step > 0 ? 0 : list.length - 1)
                     : Math.min(list.length - 1, Math.max(0, i + step));
    select(list[next]);
  }

  function post(what, body) {
    return fetch(api + what, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", "X-Desk-Token": token },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }

  function show(card, d) {
    card.dataset.state = d ? d.action : "";
    card.dataset.rev = d ? String(d.rev) : "0";
    all("button[data-action]", card).forEach(function (b) {
      b.setAttribute("aria-pressed", d && b.dataset.action === d.action ? "true" : "false");
    });
    var note = card.querySelector(".state");
    if (!d) { note.textContent = "open"; return; }
    note.textContent = d.action + "ed by " + d.reviewer + " at " + d.at +
      (d.comment ? " \u2014 \u201c" + d.comment + "\u201d" : "");
    var input = card.querySelector("input.comment");
    if (input && document.activeElement !== input) { input.value = d.comment; }
  }

  function cards(id) {  // a finding over several rows has a card in each
    return all(".finding").filter(function (c) { return c.dataset.id === id; });
  }

  function decide(button) {
    var card = button.closest(".finding");
    var input = card.querySelector("input.comment");
    var body = { finding: button.dataset.finding, action: button.dataset.action,
                 comment: input ? input.value : "", seen: Number(card.dataset.rev) };
    all("button", card).forEach(function (b) { b.disabled = true; });
    return post("decisions", body).then(function (r) {
      if (r.status === 200) {
        cards(body.finding).forEach(function (c) { show(c, r.data.decision); });
        say(r.data.decision.action + "ed");
      } else if (r.status === 409 && r.data.current) {
        cards(body.finding).forEach(function (c) { show(c, r.data.current); });
        say("decided meanwhile by " + r.data.current.reviewer +
            " (now shown); decide again to change it");
      } else {
        say("not saved: " + (r.data.error || r.status));
      }
    }).catch(function (err) { say("not saved: " + err); }).then(function () {
      all("button", card).forEach(function (b) { b.disabled = false; });
      rows.forEach(function (r) {  // a rejected finding's rows leave the export
        r.classList.toggle("rejected", all(".finding", r).some(function (f) {
          return f.dataset.state === "reject";
        }));
      });
      apply();
    });
  }

  function linkOf(row) { return row ? JSON.parse(row.dataset.link) : null; }

  function correct(button) {
    var row = button.closest("tr");
    var op = button.dataset.op;
    var body = { op: op, link: linkOf(row) };
    if (op === "join") {
      var other = rows[rows.indexOf(row) + Number(button.dataset.dir)];
      if (!other) { say("no row there to join"); return; }
      body["with"] = linkOf(other);
    } else if (op === "relink") {
      if (!picked) { say("pick a sentence first (click it)"); return; }
      body = { op: "relink", side: picked.dataset.side, seg: Number(picked.dataset.seg),
               to: linkOf(row) };
    }
    post("corrections", body).then(function (r) {
      if (r.status === 200) { window.location.reload(); }
      else { say("not changed: " + (r.data.error || r.status)); }
    }).catch(function (err) { say("not changed: " + err); });
  }

  function pick(span) {
    if (picked) { picked.classList.remove("picked"); }
    picked = picked === span ? null : span;
    if (picked) {
      picked.classList.add("picked");
      say("picked " + picked.dataset.side + " sentence " + (Number(picked.dataset.seg) + 1) +
          ": \u201cmove here\u201d on another row relinks it");
    } else { say(""); }
    document.body.classList.toggle("picking", Boolean(picked));
  }

  function target(row) {
    var cards = all(".finding", row).filter(function (f) { return !f.hidden; });
    var active = document.activeElement && document.activeElement.closest &&
      document.activeElement.closest(".finding");
    if (active && cards.indexOf(active) >= 0) { return active; }
    return cards.filter(function (f) { return f.dataset.state === ""; })[0] || cards[0] || null;
  }

  boxes.concat([clean, decided]).forEach(function (b) { b.addEventListener("change", apply); });
  document.getElementById("undo").addEventListener("click", function () {
    post("undo", {}).then(function (r) {
      if (r.status === 200 && r.data.undone) { window.location.reload(); }
      else { say(r.status === 200 ? "no correction to undo" : (r.data.error || r.status)); }
    });
  });
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) { return; }
    var action = t.closest("button[data-action]");
    if (action) { decide(action); return; }
    var op = t.closest("button[data-op]");
    if (op) { correct(op); return; }
    var span = t.closest("span.s");
    if (span) { pick(span); }
    var row = t.closest("#rows tbody tr");
    if (row && row !== current) { select(row); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || t.tagName === "TEXTAREA" || t.tagName === "SELECT" ||
              (t.tagName === "INPUT" && t.type !== "checkbox"))) { return; }
    var button = null;
    if (e.key === "j") { go(1); }
    else if (e.key === "k") { go(-1); }
    else if ((e.key === "a" || e.key === "r") && current) {
      var card = target(current);
      button = card && card.querySelector('button[data-action="' +
                                          (e.key === "a" ? "accept" : "reject") + '"]');
      if (button) { decide(button); }
    } else if (e.key === "s" && current) {
      button = current.querySelector('button[data-op="split"]');
      if (button) { correct(button); }
    } else if (e.key === "Escape") { select(null); if (picked) { pick(picked); } }
    else { return; }
    e.preventDefault();
  });
  var hash = window.location.hash && document.getElementById(window.location.hash.slice(1));
  apply();
  if (hash && hash.tagName === "TR") { select(hash); }
}());
