// Builds the findings list from the JSON block. Every string from a finding is scanned content
// and untrusted: it is only ever assigned through textContent or setAttribute, never parsed as
// markup, so a code frame holding a closing script tag or an image tag with an error handler
// stays text.
(function () {
  "use strict";
  var status = document.getElementById("render-status");
  window.addEventListener("error", function (e) {
    status.setAttribute("data-status", "error");
    status.textContent = String(e.message || e);
  });

  var data = JSON.parse(document.getElementById("rampart-data").textContent);
  var SEVERITIES = ["critical", "high", "medium", "low", "info"];
  var MAX_FRAME_LINES = 40;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function badge(cls, text) {
    return el("span", "badge " + cls, text);
  }

  function addRow(dl, label, value) {
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && value.length === 0)) return;
    dl.appendChild(el("dt", null, label));
    var dd = el("dd");
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    dl.appendChild(dd);
  }

  function codeFrame(text, startLine) {
    var pre = el("pre", "frame");
    var lines = text.split("\n");
    var cut = lines.length > MAX_FRAME_LINES;
    if (cut) lines = lines.slice(0, MAX_FRAME_LINES);
    lines.forEach(function (line, i) {
      var ln = el("span", "ln", startLine ? String(startLine + i) : "");
      pre.appendChild(ln);
      pre.appendChild(document.createTextNode(line + "\n"));
    });
    if (cut) pre.appendChild(el("span", "ln", "…"));
    return pre;
  }

  function references(refs) {
    var frag = document.createDocumentFragment();
    refs.forEach(function (r, i) {
      if (i > 0) frag.appendChild(document.createTextNode(" · "));
      // Only web links become anchors; anything else (javascript:, data:) stays text.
      if (/^https?:\/\//i.test(r)) {
        var a = el("a", null, r);
        a.setAttribute("href", r);
        a.setAttribute("rel", "noopener noreferrer");
        a.setAttribute("target", "_blank");
        frag.appendChild(a);
      } else {
        frag.appendChild(document.createTextNode(r));
      }
    });
    return frag;
  }

  function findingNode(f, index) {
    var d = el("details", "finding");
    d.setAttribute("data-finding", String(index));
    d.setAttribute("data-severity", f.severity);
    d.setAttribute("data-practice", f.scanner);
    d.setAttribute("data-suppressed", f.suppression ? "true" : "false");
    if (f.status) d.setAttribute("data-status", f.status);

    var s = el("summary");
    s.appendChild(badge("sev-" + f.severity, f.severity));
    s.appendChild(el("span", "title", f.title));
    s.appendChild(el("span", "loc", f.locations[0] || ""));
    if (f.locations.length > 1) s.appendChild(badge("tag", "+" + (f.locations.length - 1) + " more"));
    s.appendChild(badge("tag", f.rule_id));
    if (f.status) s.appendChild(badge("status-" + f.status, f.status));
    if (f.suppression) s.appendChild(badge("tag", "suppressed: " + f.suppression.kind));
    d.appendChild(s);

    // The body is built when first opened: large reports stay quick to load.
    var built = false;
    d.addEventListener("toggle", function () {
      if (!d.open || built) return;
      built = true;
      d.appendChild(findingBody(f));
    });
    return d;
  }

  function findingBody(f) {
    var body = el("div", "body");
    body.appendChild(el("p", "msg", f.message));
    if (f.evidence) body.appendChild(codeFrame(f.evidence, f.start_line));
    var dl = el("dl");
    if (f.locations.length > 1) {
      var ul = el("ul");
      f.locations.forEach(function (l) { ul.appendChild(el("li", "loc", l)); });
      addRow(dl, "Locations", ul);
    }
    addRow(dl, "Rule", f.rule_id);
    addRow(dl, "Practice", f.scanner);
    addRow(dl, "Confidence", f.confidence);
    addRow(dl, "CWE", f.cwe.map(function (c) { return "CWE-" + c; }).join(", "));
    addRow(dl, "OWASP 2021", f.owasp.join(", "));
    addRow(dl, "OWASP LLM 2025", f.owasp_llm.join(", "));
    addRow(dl, "NIST SSDF", f.ssdf.join(", "));
    addRow(dl, "Fix", f.remediation);
    if (f.references.length) addRow(dl, "References", references(f.references));
    if (f.suppression) {
      var sup = f.suppression.kind + " — " + f.suppression.source +
        (f.suppression.reason ? " (" + f.suppression.reason + ")" : "");
      addRow(dl, "Suppressed", sup);
    }
    addRow(dl, "Fingerprint", f.fingerprint);
    body.appendChild(dl);
    return body;
  }

  function haystack(f) {
    return [f.rule_id, f.scanner, f.title, f.message, f.evidence || "", f.remediation,
      f.locations.join(" "), f.cwe.map(function (c) { return "CWE-" + c; }).join(" "),
      f.owasp.join(" "), f.owasp_llm.join(" "), f.ssdf.join(" ")].join("\n").toLowerCase();
  }

  // Practice filter chips, one per practice present in the report.
  var practiceBox = document.getElementById("f-practice");
  data.practices.forEach(function (p) {
    var label = el("label", "chip");
    var box = el("input");
    box.type = "checkbox";
    box.value = p;
    box.checked = true;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + p));
    practiceBox.appendChild(label);
  });
  if (data.baseline) document.getElementById("f-status-label").hidden = false;

  // Groups by practice, findings inside already sorted by severity (the report's order).
  var list = document.getElementById("list");
  var groups = {};
  var nodes = [];
  data.practices.forEach(function (p) {
    var g = el("section", "group");
    g.setAttribute("data-group", p);
    var h = el("h3", null, p);
    var count = el("span", "gcount");
    h.appendChild(count);
    g.appendChild(h);
    groups[p] = { node: g, count: count };
    list.appendChild(g);
  });
  data.findings.forEach(function (f, i) {
    var g = groups[f.scanner];
    if (!g) {
      // A finding of a scanner the practice list missed still shows.
      g = groups[f.scanner] = { node: el("section", "group"), count: el("span", "gcount") };
      var h = el("h3", null, f.scanner);
      h.appendChild(g.count);
      g.node.appendChild(h);
      list.appendChild(g.node);
    }
    var node = findingNode(f, i);
    g.node.appendChild(node);
    nodes.push({ f: f, node: node, text: haystack(f), group: g });
  });
  var empty = el("p", "empty", "No finding matches the filters.");
  list.appendChild(empty);

  function checked(id) {
    var out = {};
    document.querySelectorAll("#" + id + " input[type=checkbox]").forEach(function (b) {
      if (b.checked) out[b.value] = true;
    });
    return out;
  }

  function apply() {
    var q = document.getElementById("f-search").value.trim().toLowerCase();
    var sev = checked("f-severity");
    var prac = checked("f-practice");
    var supp = document.getElementById("f-suppressed").value;
    var st = document.getElementById("f-status").value;
    var shown = 0;
    var perGroup = new Map();
    nodes.forEach(function (n) {
      var f = n.f;
      var ok = sev[f.severity] && prac[f.scanner] &&
        (supp === "all" || (supp === "active") === !f.suppression) &&
        (!data.baseline || st === "all" || f.status === st) &&
        (q === "" || n.text.indexOf(q) !== -1);
      n.node.hidden = !ok;
      if (ok) shown++;
      perGroup.set(n.group, (perGroup.get(n.group) || 0) + (ok ? 1 : 0));
    });
    Object.keys(groups).forEach(function (p) {
      var g = groups[p];
      var k = perGroup.get(g) || 0;
      g.node.hidden = k === 0;
      g.count.textContent = k + (k === 1 ? " finding" : " findings");
    });
    empty.hidden = shown !== 0;
    var shownLine = document.getElementById("shown");
    shownLine.setAttribute("data-shown", String(shown));
    shownLine.textContent = shown + " of " + data.findings.length + " findings shown";
  }

  ["f-search"].forEach(function (id) { document.getElementById(id).addEventListener("input", apply); });
  document.getElementById("filters").addEventListener("change", apply);
  document.getElementById("f-expand").addEventListener("click", function () {
    nodes.forEach(function (n) { if (!n.node.hidden) n.node.open = true; });
  });
  document.getElementById("f-collapse").addEventListener("click", function () {
    nodes.forEach(function (n) { n.node.open = false; });
  });
  apply();

  // The counts as the page computes them from the embedded findings; a browser test compares
  // them with the server-written summary and with the JSON report.
  var active = data.findings.filter(function (f) { return !f.suppression; });
  status.setAttribute("data-js-total", String(active.length));
  SEVERITIES.forEach(function (s) {
    status.setAttribute("data-js-" + s,
      String(active.filter(function (f) { return f.severity === s; }).length));
  });
  status.setAttribute("data-js-suppressed", String(data.findings.length - active.length));
  if (status.getAttribute("data-status") === "pending") status.setAttribute("data-status", "ok");
})();
