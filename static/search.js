// Full-text search over the Pagefind index the build writes (pagefind/): the words of every
// briefing, narrowed by official, country, topic, event type and year. The query and filters
// live in the address (?q=...&country=...), so a search can be linked to. Results are built
// with textContent only: no text from the index is ever parsed as markup. Progressive
// enhancement: without JavaScript the page links to the browsable indexes instead.
//
// The index is in shards, each the briefings of one stretch of time (generator/search.py):
// pagefind/shards.json lists them newest first; the oldest is Pagefind's primary bundle in
// pagefind/ itself, the others are merged into it (mergeIndex), each tagged with a filter
// "shard" of its own name. A search with words is one search over all of them (Pagefind
// merges their results by score, their filter counts by sum); a list newest first (filters
// only) is each shard's own list by date, shard after shard, fetched as the reader goes on.
// The filters' values and counts over all shards are in shards.json, so opening the page
// does not fetch every shard's filter files.
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
  var shards = [], total = 0, queue = [], listed = null;  // listed: the filters of a list by date

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
  // a list by date: the next shards' lists, newest first, until `n` results are known
  function fill(n, mine) {
    if (results.length >= n || !queue.length) return Promise.resolve();
    var f = {};
    Object.keys(listed).forEach(function (k) { f[k] = listed[k]; });
    f.shard = queue.shift();
    return pagefind.search(null, { filters: f, sort: { date: "desc" } }).then(function (search) {
      if (mine !== generation || !search) return;
      results = results.concat(search.results);
      return fill(n, mine);
    });
  }
  function more() {
    var button = document.getElementById("search-more");
    if (button) button.remove();
    var mine = generation;
    return fill(shown + PAGE, mine).then(function () {
      if (mine !== generation) return;
      var batch = results.slice(shown, shown + PAGE);
      shown += batch.length;
      return Promise.all(batch.map(function (r) { return r.data(); }));
    }).then(function (data) {
      if (mine !== generation || !data) return;
      data.forEach(function (d) { list.appendChild(item(d)); });
      if (shown < total) {
        var b = el("button", "more", "Show more results");
        b.type = "button";
        b.id = "search-more";
        b.addEventListener("click", function () { more(); });
        list.after(b);
      }
    });
  }
  // Pagefind looks a word up in each shard on its own: a shard without any word that begins
  // with it takes the longest indexed word the search word begins with instead ("to" for
  // "Toivonen"), which one index does only when no briefing at all has such a word. So the
  // search is kept to the shards that truly hold each word of the query: those that hold it
  // whole ("word": Pagefind's exact search, which never substitutes), and those where it
  // finds other briefings than the same word with letters no word has added would (which
  // can only find a substitute). A word no shard holds is left to Pagefind's own matching.
  var NOWORD = "qxzqj";
  function holding(query) {
    if (!query || shards.length < 2 || /^\s*".+"\s*$/.test(query)) return Promise.resolve(null);
    var words = query.replace(/"/g, " ").split(/\s+/).filter(function (w, i, all) {
      return w && all.indexOf(w) === i;
    });
    function counts(search) { return (search && search.filters && search.filters.shard) || {}; }
    return Promise.all(words.map(function (w) {
      return Promise.all([pagefind.search('"' + w + '"'), pagefind.search(w), pagefind.search(w + NOWORD)]);
    })).then(function (found) {
      var keep = null;
      found.forEach(function (three) {
        var whole = counts(three[0]), begun = counts(three[1]), substitute = counts(three[2]);
        var have = shards.filter(function (k) { return whole[k] || (begun[k] && begun[k] !== substitute[k]); });
        if (!have.length) return;
        keep = keep ? keep.filter(function (k) { return have.indexOf(k) !== -1; }) : have;
      });
      return keep && keep.length === shards.length ? null : keep;
    });
  }
  function show() {
    var query = input.value.trim(), filters = chosen(), mine = ++generation;
    list.textContent = "";
    var old = document.getElementById("search-more");
    if (old) old.remove();
    if (!query && !filters) { status.textContent = "Type a word, a name, a country or a topic, or choose a filter."; return; }
    holding(query).then(function (keep) {
      if (mine !== generation) return null;
      var f = {};
      if (filters) Object.keys(filters).forEach(function (k) { f[k] = filters[k]; });
      if (keep) f.shard = { any: keep.length ? keep : ["-"] };  // ("-": no shard, no result)
      return pagefind.search(query || null, Object.keys(f).length ? { filters: f } : {});
    }).then(function (search) {
      if (mine !== generation || !search) return;
      total = search.results.length;
      shown = 0;
      if (query) {  // by relevance: one list
        results = search.results;
        queue = [];
      } else {  // by date: shard after shard, those that hold a match
        var counts = search.filters && search.filters.shard;
        results = [];
        listed = filters;
        queue = shards.filter(function (k) { return !counts || counts[k]; });
      }
      return more().then(function () {  // the count is told once the first results are there
        if (mine !== generation) return;
        status.textContent = total + (total === 1 ? " briefing matches " : " briefings match ")
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
  var bundle = script.getAttribute("data-bundle");  // .../pagefind/pagefind.js
  var folder = bundle.slice(0, bundle.lastIndexOf("/") + 1);
  var base = script.getAttribute("data-base") || "/";
  fetch(folder + "shards.json", { cache: "no-cache" })
    .then(function (r) {
      if (!r.ok) throw new Error("shards.json: " + r.status);
      return r.json();
    })
    .then(function (manifest) {
      shards = manifest.shards || [];
      if (!shards.length) return null;
      return import(bundle).then(function (pf) {
        pagefind = pf;
        return pf.options({ baseUrl: base, mergeFilter: { shard: manifest.primary } });
      }).then(function () {
        return Promise.all(shards.filter(function (k) { return k !== manifest.primary; }).map(function (k) {
          return pagefind.mergeIndex(folder + k + "/", { baseUrl: base, mergeFilter: { shard: k } });
        }));
      }).then(function () { return manifest.filters || pagefind.filters(); });
    })
    .then(function (available) {
      if (!pagefind) { status.textContent = "There are no briefings to search yet."; return; }
      var params = new URLSearchParams(window.location.search);
      buildFilters(available || {}, params);
      form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
      input.addEventListener("input", run);
      input.value = params.get("q") || "";
      show();
    })
    .catch(function () { status.textContent = "The search index could not be loaded."; });
})();
