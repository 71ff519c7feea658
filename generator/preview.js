/* briefings serve: added to every page of the preview (never to a built site).
 *
 * Reads /__preview/state.json when the page loads and whenever livereload says a build ended:
 * - the page's address moved (its briefing's slug changed): go to the new address;
 * - the last build has problems: show a notice naming file and line (and take it away once fixed);
 *   a page whose source was refused is not reloaded into a 404: the last good page stays;
 * - the site changed since this page was served: reload it.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var served = me ? Number(me.getAttribute("data-site")) : NaN;
  var STATE = "/__preview/state.json";
  var ID = "briefings-preview-notice";

  function sameOrigin(path) {
    return typeof path === "string" && path.charAt(0) === "/" && path.charAt(1) !== "/" && path.charAt(1) !== "\\";
  }

  function movedTo(state) {
    var moved = state.moved || {};
    var here = location.pathname;
    var to = moved[here];
    if (to === undefined) {
      try { to = moved[decodeURI(here)]; } catch (e) { to = undefined; }
    }
    return sameOrigin(to) && to !== here ? to : null;
  }

  function showNotice(state) {
    var old = document.getElementById(ID);
    var errors = state.errors || [];
    if (!errors.length) {
      if (old) old.parentNode.removeChild(old);
      return;
    }
    var box = document.createElement("aside");
    box.id = ID;
    box.setAttribute("role", "alert");
    box.setAttribute("aria-label", "Preview problems");
    box.style.cssText = "position:fixed;z-index:2147483647;left:0;right:0;top:0;max-height:50vh;overflow:auto;" +
      "margin:0;padding:.75em 1em;background:#fff3cd;color:#1a1a1a;border-bottom:3px solid #b00020;" +
      "font:15px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.25)";
    var head = document.createElement("p");
    head.style.cssText = "margin:0 0 .4em;font-weight:bold";
    head.textContent = "Preview: the last build found " + errors.length + (errors.length === 1 ? " problem" : " problems") +
      " (this page shows the last version that built)";
    box.appendChild(head);
    var list = document.createElement("ul");
    list.style.cssText = "margin:0;padding-left:1.2em";
    errors.slice(0, 20).forEach(function (e) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = (e.file || "(the build)") + (e.line ? ":" + e.line : "");
      item.appendChild(where);
      item.appendChild(document.createTextNode(": " + e.message));
      list.appendChild(item);
    });
    if (errors.length > 20) {
      var more = document.createElement("li");
      more.textContent = "and " + (errors.length - 20) + " more (see the terminal)";
      list.appendChild(more);
    }
    box.appendChild(list);
    var hide = document.createElement("button");
    hide.type = "button";
    hide.textContent = "Hide until the next build";
    hide.style.cssText = "margin-top:.5em;font:inherit;padding:.2em .6em;cursor:pointer";
    hide.addEventListener("click", function () { box.parentNode.removeChild(box); });
    box.appendChild(hide);
    if (old) old.parentNode.replaceChild(box, old);
    else (document.body || document.documentElement).appendChild(box);
  }

  function fetchState() {
    return fetch(STATE, { cache: "no-store" }).then(function (r) { return r.json(); });
  }

  function apply(state, afterBuild) {
    var to = movedTo(state);
    if (to) {
      location.replace(to + location.search + location.hash);
      return;
    }
    showNotice(state);
    if (!afterBuild || isNaN(served) || state.site === served) return;
    if (!(state.errors || []).length) {
      location.reload();
      return;
    }
    // problems: reload only when this page still exists; else the last good page stays on screen
    fetch(location.href, { method: "HEAD", cache: "no-store" }).then(function (r) {
      if (r.ok) location.reload();
    }, function () {});
  }

  function check(afterBuild) {
    fetchState().then(function (state) { apply(state, afterBuild); }, function () {});
  }

  // A livereload plugin: a reload message means a build ended; this decides what to do with it.
  function BriefingsPreview() {}
  BriefingsPreview.identifier = "briefings-preview";
  BriefingsPreview.version = "1.0";
  BriefingsPreview.prototype.reload = function () {
    check(true);
    return true;
  };
  window.LiveReloadPluginBriefingsPreview = BriefingsPreview;
  if (window.LiveReload && window.LiveReload.addPlugin) window.LiveReload.addPlugin(BriefingsPreview);

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { check(true); });
  } else {
    check(true);
  }
})();
