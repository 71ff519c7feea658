// Client-side search over /search/index.json: every word must match the title, summary,
// officials, countries or topics of a briefing. Progressive enhancement: without
// JavaScript the page links to the browsable indexes instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;
  var docs = null;

  function norm(s) {
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function show(query) {
    var words = norm(query).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = "Type a word, a name, a country or a topic."; return; }
    var hits = docs.filter(function (d) {
      return words.every(function (w) { return d._text.indexOf(w) !== -1; });
    });
    status.textContent = hits.length + (hits.length === 1 ? " briefing matches" : " briefings match") + " \u201c" + query + "\u201d.";
    hits.slice(0, 100).forEach(function (d) {
      var li = el("li", "briefing-item");
      var h = el("h2", "item-title");
      var a = el("a", null, d.t);
      a.href = d.u;
      h.appendChild(a);
      li.appendChild(h);
      var meta = el("p", "meta");
      var time = el("time", null, d.d);
      time.setAttribute("datetime", d.d);
      meta.appendChild(time);
      if (d.c.length) meta.appendChild(document.createTextNode(" \u00b7 " + d.c.join(", ")));
      li.appendChild(meta);
      if (d.s) li.appendChild(el("p", "summary", d.s));
      list.appendChild(li);
    });
  }
  function run() {
    var q = input.value.trim();
    var url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    show(q);
  }
  status.textContent = "Loading the index\u2026";
  fetch(script.getAttribute("data-index"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (data) {
      docs = data;
      docs.forEach(function (d) { d._text = norm([d.t, d.s, d.o.join(" "), d.c.join(" "), d.p.join(" "), d.e].join(" ")); });
      form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
      input.addEventListener("input", run);
      var q = new URLSearchParams(window.location.search).get("q") || "";
      input.value = q;
      show(q);
    })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
