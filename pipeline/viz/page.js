/* whereas: the interactive network of actors. Data comes from #graph-data; nothing is fetched. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var BIG = data.nodes.length > 500 || data.edges.length > 1000;
  var EDGE_LABELS = data.edges.length <= 300;

  var actorById = new Map();
  data.nodes.forEach(function (n) { actorById.set(n.id, n); });
  var edgeById = new Map();
  data.edges.forEach(function (e) { edgeById.set(e.id, e); });
  var styleByType = new Map();
  data.types.forEach(function (t) { styleByType.set(t.type, t); });

  // ---------------------------------------------------------------- helpers

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function shade(hex, factor) {
    var n = parseInt(hex.slice(1), 16);
    var r = Math.round(((n >> 16) & 255) * factor);
    var g = Math.round(((n >> 8) & 255) * factor);
    var b = Math.round((n & 255) * factor);
    return "rgb(" + Math.min(r, 255) + "," + Math.min(g, 255) + "," + Math.min(b, 255) + ")";
  }

  var SVG = "http://www.w3.org/2000/svg";
  function polygon(points) {
    var p = document.createElementNS(SVG, "polygon");
    p.setAttribute("points", points.map(function (xy) { return xy[0].toFixed(2) + "," + xy[1].toFixed(2); }).join(" "));
    return p;
  }
  function regular(k, r, rotation) {
    var pts = [];
    for (var i = 0; i < k; i++) {
      var a = rotation + i * 2 * Math.PI / k;
      pts.push([8 + r * Math.cos(a), 8 + r * Math.sin(a)]);
    }
    return pts;
  }
  function swatch(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", "swatch");
    svg.setAttribute("aria-hidden", "true");
    var item;
    if (shape === "dot") {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("cx", "8"); item.setAttribute("cy", "8"); item.setAttribute("r", "6.5");
    } else if (shape === "square") {
      item = polygon([[2, 2], [14, 2], [14, 14], [2, 14]]);
    } else if (shape === "diamond") {
      item = polygon([[8, 1], [15, 8], [8, 15], [1, 8]]);
    } else if (shape === "triangle") {
      item = polygon([[8, 1.5], [15, 14], [1, 14]]);
    } else if (shape === "triangleDown") {
      item = polygon([[1, 2], [15, 2], [8, 14.5]]);
    } else if (shape === "hexagon") {
      item = polygon(regular(6, 7, 0));
    } else {  // star
      var pts = [];
      for (var i = 0; i < 10; i++) {
        var a = -Math.PI / 2 + i * Math.PI / 5, r = i % 2 ? 3.2 : 7.5;
        pts.push([8 + r * Math.cos(a), 8.5 + r * Math.sin(a)]);
      }
      item = polygon(pts);
    }
    item.setAttribute("fill", colour);
    item.setAttribute("stroke", shade(colour, 0.7));
    svg.appendChild(item);
    return svg;
  }

  // Dates come at the precision the text gives: 2012, 2012-11 or 2012-12-21.
  function bounds(date) {
    var m = /^(-?\d{4,})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date || "");
    if (!m) { return null; }
    return [m[1] + "-" + (m[2] || "01") + "-" + (m[3] || "01"),
            m[1] + "-" + (m[2] || "12") + "-" + (m[3] || "31")];
  }
  var dateFrom = document.getElementById("date-from");
  var dateTo = document.getElementById("date-to");
  function inRange(date) {
    var b = bounds(date);
    if (!b) { return true; }  // undated: always shown
    if (dateFrom.value && b[1] < dateFrom.value) { return false; }
    if (dateTo.value && b[0] > dateTo.value) { return false; }
    return true;
  }

  // ---------------------------------------------------------------- the network

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var s = styleByType.get(n.type);
    return {
      id: n.id, label: n.label, x: n.x, y: n.y, value: n.degree + 1, shape: s.shape,
      title: n.label + " (" + n.type + ")",
      color: { background: s.colour, border: shade(s.colour, 0.7),
               highlight: { background: s.colour, border: "#111" },
               hover: { background: s.colour, border: "#111" } }
    };
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var item = { id: e.id, from: e.from, to: e.to, arrows: "to",
                 title: e.label + (e.date ? " (" + e.date + ")" : "") };
    if (EDGE_LABELS) { item.label = e.label; }
    item.smooth = (BIG || !e.curve) ? false : { enabled: true, type: "curvedCW", roundness: e.curve };
    return item;
  }));
  var options = {
    autoResize: true,
    physics: false,  // positions are computed when the page is written
    layout: { improvedLayout: false },
    interaction: { hover: !BIG, tooltipDelay: 250, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG,
                   multiselect: false, navigationButtons: false, keyboard: false },
    nodes: { borderWidth: 1, font: { size: 13, color: "#1d2125", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { min: 8, max: 34, label: { enabled: true, min: 11, max: 20, drawThreshold: BIG ? 9 : 4 } } },
    edges: { width: 1, selectionWidth: 2, color: { color: "#9aa0a6", highlight: "#1d2125", hover: "#4d5258" },
             font: { size: 10, color: "#4d5258", strokeWidth: 3, align: "middle" },
             arrows: { to: { enabled: true, scaleFactor: 0.5 } } }
  };
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  document.getElementById("summary").textContent =
    data.nodes.length + " actors, " + data.edges.length + " links";

  // ---------------------------------------------------------------- legend and type filter

  var legend = document.getElementById("legend-items");
  data.types.forEach(function (t) {
    var li = el("li", "legend-item");
    li.dataset.type = t.type;
    var label = el("label");
    var box = el("input", "type-filter");
    box.type = "checkbox"; box.checked = true; box.value = t.type;
    box.addEventListener("change", function () { setTypeVisible(t.type, box.checked); });
    label.appendChild(box);
    label.appendChild(swatch(t.shape, t.colour));
    label.appendChild(el("span", "type-name", t.type));
    label.appendChild(el("span", "count", t.count));
    li.appendChild(label);
    legend.appendChild(li);
  });

  function setTypeVisible(type, visible) {
    var changes = [];
    data.nodes.forEach(function (n) { if (n.type === type) { changes.push({ id: n.id, hidden: !visible }); } });
    nodes.update(changes);
  }

  // ---------------------------------------------------------------- date filter

  if (data.dates.min) { dateFrom.min = dateTo.min = data.dates.min; }
  if (data.dates.max) { dateFrom.max = dateTo.max = data.dates.max; }
  var dateStatus = document.getElementById("date-status");
  var edgeHidden = new Map();
  function applyDates() {
    var changes = [], shown = 0;
    data.edges.forEach(function (e) {
      var hide = !inRange(e.date);
      if (!hide) { shown += 1; }
      if ((edgeHidden.get(e.id) || false) !== hide) {
        edgeHidden.set(e.id, hide);
        changes.push({ id: e.id, hidden: hide });
      }
    });
    if (changes.length) { edges.update(changes); }
    dateStatus.textContent = shown + " of " + data.edges.length + " links shown";
    refreshFacts();
  }
  dateFrom.addEventListener("change", applyDates);
  dateTo.addEventListener("change", applyDates);
  document.getElementById("date-reset").addEventListener("click", function () {
    dateFrom.value = ""; dateTo.value = ""; applyDates();
  });

  // ---------------------------------------------------------------- side panel

  var panel = document.getElementById("panel");
  var panelTitle = document.getElementById("panel-title");
  var panelBody = document.getElementById("panel-body");

  function actorLink(id, text) {
    var a = el("a", "actor-link", text);
    a.href = "#";
    a.dataset.id = id;
    a.addEventListener("click", function (ev) { ev.preventDefault(); selectActor(id); });
    return a;
  }

  function evidenceList(parent, items) {
    items.forEach(function (ev) {
      parent.appendChild(el("blockquote", "evidence", ev.text));
      var where = [ev.part, ev.document ? ev.document.replace(/\/+$/, "").split("/").pop() : ""]
        .filter(Boolean).join(" \u00b7 ");
      if (where) {
        var src = el("div", "evidence-source", where);
        if (ev.document) { src.title = ev.document; }
        parent.appendChild(src);
      }
    });
  }

  function metaRow(dl, name, value) {
    if (!value) { return; }
    dl.appendChild(el("dt", null, name));
    var dd = el("dd");
    if (typeof value === "string") { dd.textContent = value; } else { dd.appendChild(value); }
    dl.appendChild(dd);
  }

  function factItem(f) {
    var li = el("li", "fact");
    li.dataset.kind = f.kind; li.dataset.type = f.type; li.dataset.date = f.date; li.dataset.role = f.role;
    var head = el("div", "fact-head");
    head.appendChild(el("span", "fact-date", f.date));
    head.appendChild(el("span", "fact-type", f.type));
    if (f.kind === "event") {
      head.appendChild(el("span", "fact-role", f.role === "about" ? "concerns this actor" : "as " + f.role));
    }
    li.appendChild(head);
    li.appendChild(el("div", "fact-label", f.label));
    if (f.participants.length) {
      var ul = el("ul", "fact-participants");
      f.participants.forEach(function (p) {
        var item = el("li", "participant");
        item.appendChild(el("span", "role", p.role + ": "));
        item.appendChild(actorById.has(p.id) ? actorLink(p.id, p.label) : el("span", null, p.label));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    if (f.details.length) {
      var details = el("ul", "fact-details");
      f.details.forEach(function (d) { details.appendChild(el("li", null, d)); });
      li.appendChild(details);
    }
    evidenceList(li, f.evidence);
    return li;
  }

  // A person's timeline: one line per real event, its documents and sentences, conflicts marked.
  var FIELD_NAMES = { date: "date", term: "sentence", court: "court", outcome: "outcome" };
  function docName(iri) { return iri ? iri.replace(/\/+$/, "").split("/").pop() : "unknown document"; }

  function timelineItem(t) {
    var li = el("li", "tl-event");
    var conflicted = new Map();
    t.conflicts.forEach(function (c) { conflicted.set(c.field, c); });
    li.dataset.date = t.date; li.dataset.type = t.type; li.dataset.iri = t.iri;
    li.dataset.conflicts = t.conflicts.map(function (c) { return c.field; }).join(" ");
    if (t.conflicts.length) { li.classList.add("has-conflict"); }
    var head = el("div", "tl-head");
    var date = el("span", "tl-date", t.date);
    if (conflicted.has("date")) { date.classList.add("conflicted"); }
    if (t.date_inferred) {
      date.classList.add("inferred");
      date.title = "No source states this date: it is the date of the document whose author's own act this is.";
    }
    head.appendChild(date);
    head.appendChild(el("span", "tl-type", t.type));
    if (t.role === "about") { head.appendChild(el("span", "fact-role", "concerns this person")); }
    var docs = new Set(t.reports.map(function (r) { return r.document; }));
    head.appendChild(el("span", "tl-count", docs.size + " source" + (docs.size === 1 ? "" : "s")));
    li.appendChild(head);
    var dl = el("dl", "tl-values");
    [["court", t.court], ["term", t.term], ["charges", t.charges.join("; ")], ["outcome", t.outcome]]
      .forEach(function (kv) {
        if (!kv[1]) { return; }
        dl.appendChild(el("dt", null, FIELD_NAMES[kv[0]] || kv[0]));
        var dd = el("dd", "tl-" + kv[0], kv[1]);
        if (conflicted.has(kv[0])) { dd.classList.add("conflicted"); }
        dl.appendChild(dd);
      });
    if (dl.childNodes.length) { li.appendChild(dl); }
    if (t.conflicts.length) {
      var ul = el("ul", "tl-conflicts");
      t.conflicts.forEach(function (c) {
        var item = el("li", "tl-conflict");
        item.dataset.field = c.field;
        item.appendChild(el("span", "tl-conflict-mark", "\u26a0 sources disagree on the " + (FIELD_NAMES[c.field] || c.field) + ": "));
        item.appendChild(el("span", "tl-conflict-values", c.values.map(function (v) {
          return docName(v[0]) + " " + (v[1] || "(none)");
        }).join(" \u00b7 ")));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    var details = el("details", "tl-sources");
    details.appendChild(el("summary", null, "Sources and sentences"));
    t.reports.forEach(function (r) {
      var box = el("div", "tl-report");
      box.dataset.document = r.document; box.dataset.event = r.event;
      var said = [r.date, r.court, r.term, r.outcome].filter(Boolean);
      if (r.standing && r.standing !== "asserted") { said.push(r.standing); }
      var rhead = el("div", "tl-report-head");
      var name = el("span", "tl-document", docName(r.document));
      if (r.document) { name.title = r.document; }
      rhead.appendChild(name);
      if (said.length) { rhead.appendChild(el("span", "tl-report-values", said.join(" \u00b7 "))); }
      box.appendChild(rhead);
      evidenceList(box, r.evidence);
      details.appendChild(box);
    });
    li.appendChild(details);
    return li;
  }

  function timelineSection(id) {
    var items = data.timelines[id] || [];
    if (!items.length) { return null; }
    var section = el("section");
    section.id = "timeline-section";
    var conflicts = items.reduce(function (n, t) { return n + t.conflicts.length; }, 0);
    section.appendChild(el("h2", null, "Timeline: " + items.length + " event" + (items.length === 1 ? "" : "s") +
      (conflicts ? ", " + conflicts + " conflict" + (conflicts === 1 ? "" : "s") : "")));
    var list = el("ol");
    list.id = "timeline";
    items.forEach(function (t) { list.appendChild(timelineItem(t)); });
    section.appendChild(list);
    return section;
  }

  function refreshFacts() {
    var list = document.getElementById("facts");
    if (!list) { return; }
    var hidden = 0;
    list.querySelectorAll(".fact").forEach(function (li) {
      var out = !inRange(li.dataset.date);
      li.hidden = out;
      li.classList.toggle("out-of-range", out);
      if (out) { hidden += 1; }
    });
    var note = document.getElementById("facts-hidden");
    note.textContent = hidden ? hidden + " fact(s) outside the date range hidden" : "";
    document.querySelectorAll("#timeline .tl-event").forEach(function (li) { li.hidden = !inRange(li.dataset.date); });
  }

  function showActor(id) {
    var n = actorById.get(id);
    if (!n) { return; }
    panel.dataset.kind = "node";
    panel.dataset.id = id;
    panelTitle.textContent = n.label;
    panelBody.replaceChildren();
    var dl = el("dl", "meta");
    var badge = el("span", "badge", n.type);
    badge.style.background = styleByType.get(n.type).colour;
    metaRow(dl, "type", badge);
    metaRow(dl, "also", n.altLabels.join(", "));
    metaRow(dl, "positions", n.positions.join("; "));
    metaRow(dl, "links", String(n.degree));
    panelBody.appendChild(dl);
    var timeline = timelineSection(id);
    if (timeline) { panelBody.appendChild(timeline); }
    var facts = data.facts[id] || [];
    panelBody.appendChild(el("h2", null, facts.length + " fact" + (facts.length === 1 ? "" : "s")));
    var list = el("ol");
    list.id = "facts";
    facts.forEach(function (f) { list.appendChild(factItem(f)); });
    panelBody.appendChild(list);
    var note = el("p");
    note.id = "facts-hidden";
    panelBody.appendChild(note);
    refreshFacts();
  }

  function showEdge(id) {
    var e = edgeById.get(id);
    if (!e) { return; }
    panel.dataset.kind = "edge";
    panel.dataset.id = id;
    panelTitle.textContent = e.label;
    panelBody.replaceChildren();
    var dl = el("dl", "meta");
    metaRow(dl, "from", actorLink(e.from, actorById.get(e.from).label));
    metaRow(dl, "to", actorLink(e.to, actorById.get(e.to).label));
    metaRow(dl, "what", e.relation);
    metaRow(dl, "date", e.date);
    panelBody.appendChild(dl);
    var box = el("div", "edge-evidence");
    box.id = "edge-evidence";
    if (!e.evidence.length) { box.appendChild(el("p", "hint", "No source sentence recorded.")); }
    evidenceList(box, e.evidence);
    panelBody.appendChild(box);
    if (e.event) { panelBody.appendChild(el("p", "iri", e.event)); }
  }

  function selectActor(id) {
    if (!actorById.has(id)) { return; }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    showActor(id);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showActor(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  // ---------------------------------------------------------------- search

  var names = [];
  data.nodes.forEach(function (n) {
    names.push({ id: n.id, name: n.label.toLowerCase(), alias: false, degree: n.degree, label: n.label });
    n.altLabels.forEach(function (a) {
      names.push({ id: n.id, name: a.toLowerCase(), alias: true, degree: n.degree, label: n.label });
    });
  });
  var datalist = document.getElementById("actor-names");
  var seen = new Set();
  data.nodes.forEach(function (n) {
    [n.label].concat(n.altLabels).forEach(function (name) {
      if (!seen.has(name)) { seen.add(name); var o = el("option"); o.value = name; datalist.appendChild(o); }
    });
  });

  function findActor(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var best = null, bestRank = 9;
    names.forEach(function (entry) {
      var rank = entry.name === q ? (entry.alias ? 1 : 0)
        : entry.name.indexOf(q) === 0 ? 2
        : entry.name.indexOf(q) > 0 ? 3 : 9;
      if (rank < bestRank || (rank === bestRank && best && (entry.degree > best.degree ||
          (entry.degree === best.degree && entry.label < best.label)))) {
        best = entry; bestRank = rank;
      }
    });
    return best ? best.id : null;
  }

  var status = document.getElementById("search-status");
  function search(query) {
    var id = findActor(query);
    if (id === null) {
      status.textContent = query.trim() ? "No actor matches \u201c" + query.trim() + "\u201d" : "";
      status.className = "miss";
      return null;
    }
    status.textContent = "Found " + actorById.get(id).label;
    status.className = "hit";
    selectActor(id);
    return id;
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("search").value);
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });

  applyDates();
  network.fit({ animation: false });
  window.whereasViz = { data: data, network: network, nodes: nodes, edges: edges,
                        search: search, showActor: showActor, showEdge: showEdge, selectActor: selectActor };
  document.body.dataset.ready = "true";
})();
