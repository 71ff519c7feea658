// Full-text search over the Pagefind index the build writes (pagefind/): the words of every
// briefing, narrowed by official, country, topic, event type and year. The query and filters
// live in the address (?q=...&country=...), so a search can be linked to. Results are built
// with textContent only: no text from the index is ever parsed as markup. Progressive
// enhancement: without JavaScript the page links to the browsable indexes instead.
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var filterBox = document.getElementById("search-filters");
  if (!script || !form || !input || !status || !list) return;
  var FILTERS = ["official", "country", "topic", "type", "year"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"];
  var PAGE = 20;
  var pagefind = null, selects = {}, results = [], shown = 0, generation = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  // "2020-11-25" -> "25 November 2020", the date format of every page
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? (+m[3]) + " " + MONTHS[+m[2] - 1] + " " + m[1] : (iso || "");
  }
  // Pagefind's excerpt is text with <mark> around the matched words: rebuilt as nodes, its
  // character references decoded by a detached <textarea> (which holds text, never elements)
  // and the text inserted as text
  var decoder = document.createElement("textarea");
  function excerpt(html) {
    var p = el("p", "summary");
    html.split(/(<mark>|<\/mark>)/).reduce(function (marked, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decoder.innerHTML = part;
      var text = decoder.value;
      if (text) p.appendChild(marked ? el("mark", null, text) : document.createTextNode(text));
      return marked;
    }, false);
    return p;
  }
  function chosen() {
    var f = {}, any = false;
    FILTERS.forEach(function (name) {
      var s = selects[name];
      if (s && s.value) { f[name] = s.value; any = true; }
    });
    return any ? f : null;
  }
  function describe(query, filters) {
    var parts = [];
    if (query) parts.push("\u201c" + query + "\u201d");
    if (filters) FILTERS.forEach(function (n) { if (filters[n]) parts.push(n + ": " + filters[n]); });
    return parts.join(", ");
  }
  function item(d) {
    var li = el("li", "briefing-item");
    var h = el("h2", "item-title");
    var a = el("a", null, (d.meta && d.meta.title) || d.url);
    a.href = d.url;
    h.appendChild(a);
    li.appendChild(h);
    var meta = el("p", "meta");
    var date = d.meta && d.meta.date;
    if (date) {
      var t = el("time", null, longDate(date));
      t.setAttribute("datetime", date);
      meta.appendChild(t);
    }
    var f = d.filters || {};
    var rest = [].concat(f.type || [], (f.country || []).join(", ") || []);
    if (rest.length) meta.appendChild(document.createTextNode((date ? " \u00b7 " : "") + rest.join(" \u00b7 ")));
    li.appendChild(meta);
    if (d.excerpt) li.appendChild(excerpt(d.excerpt));
    return li;
  }
  function more() {
    var button = document.getElementById("search-more");
    if (button) button.remove();
    var batch = results.slice(shown, shown + PAGE), mine = generation;
    shown += batch.length;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
      if (mine !== generation) return;
      data.forEach(function (d) { list.appendChild(item(d)); });
      if (shown < results.length) {
        var b = el("button", "more", "Show more results");
        b.type = "button";
        b.id = "search-more";
        b.addEventListener("click", function () { more(); });
        list.after(b);
      }
    });
  }
  function show() {
    var query = input.value.trim(), filters = chosen(), mine = ++generation;
    list.textContent = "";
    var old = document.getElementById("search-more");
    if (old) old.remove();
    if (!query && !filters) { status.textContent = "Type a word, a name, a country or a topic, or choose a filter."; return; }
    var options = filters ? { filters: filters } : {};
    if (!query) options.sort = { date: "desc" };
    pagefind.search(query || null, options).then(function (search) {
      if (mine !== generation || !search) return;
      results = search.results;
      shown = 0;
      return more().then(function () {  // the count is told once the first results are there
        if (mine !== generation) return;
        status.textContent = results.length + (results.length === 1 ? " briefing matches " : " briefings match ")
          + describe(query, filters) + ".";
      });
    });
  }
  function remember() {
    var url = new URL(window.location.href);
    var q = input.value.trim();
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    FILTERS.forEach(function (n) {
      if (selects[n] && selects[n].value) url.searchParams.set(n, selects[n].value); else url.searchParams.delete(n);
    });
    window.history.replaceState(null, "", url);
  }
  function run() { remember(); show(); }
  function buildFilters(available, params) {
    if (!filterBox) return;
    var labels = { official: "Official", country: "Country", topic: "Topic", type: "Event type", year: "Year" };
    FILTERS.forEach(function (name) {
      var counts = available[name] || {};
      var values = Object.keys(counts).sort(function (a, b) {
        return name === "year" ? b.localeCompare(a) : a.localeCompare(b);
      });
      var wanted = params.get(name) || "";
      if (!values.length && !wanted) return;
      var wrap = el("div", "filter");
      var label = el("label", null, labels[name]);
      label.htmlFor = "f-" + name;
      var select = el("select");
      select.id = "f-" + name;
      select.name = name;
      select.appendChild(new Option("Any", ""));
      if (wanted && values.indexOf(wanted) === -1) values.unshift(wanted);
      values.forEach(function (v) {
        select.appendChild(new Option(counts[v] ? v + " (" + counts[v] + ")" : v, v));
      });
      select.value = wanted;
      select.addEventListener("change", run);
      wrap.appendChild(label);
      wrap.appendChild(select);
      filterBox.appendChild(wrap);
      selects[name] = select;
    });
    filterBox.hidden = !Object.keys(selects).length;
  }
  status.textContent = "Loading the index\u2026";
  import(script.getAttribute("data-bundle"))
    .then(function (pf) {
      pagefind = pf;
      return pf.options({ baseUrl: script.getAttribute("data-base") || "/" })
        .then(function () { return pf.filters(); });
    })
    .then(function (available) {
      var params = new URLSearchParams(window.location.search);
      buildFilters(available || {}, params);
      form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
      input.addEventListener("input", run);
      input.value = params.get("q") || "";
      show();
    })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
