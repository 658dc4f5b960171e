/* Serve Mermaid from this site, and only to pages that draw a diagram.
 *
 * Material renders diagrams with a global `mermaid` and, when there is none,
 * fetches one from a CDN. This stand-in is that global: it costs nothing on
 * pages without diagrams, and on the first diagram (full load or instant
 * navigation alike) it loads the site's own copy of Mermaid, which then
 * replaces it. Loaded in <head> so it exists before Material looks.
 */
(function () {
  "use strict";
  if (typeof window.mermaid !== "undefined") return;
  var script = document.currentScript;
  var src = new URL("vendor/mermaid/mermaid.min.js", script.src).href;
  var settings = null;
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = src;
        tag.onload = function () {
          if (window.mermaid === stub) {
            reject(new Error("Mermaid did not load from " + src));
            return;
          }
          if (settings) window.mermaid.initialize(settings);
          resolve(window.mermaid);
        };
        tag.onerror = function () {
          reject(new Error("Mermaid could not be loaded from " + src));
        };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  var stub = {
    initialize: function (options) { settings = options; },
    render: function (id, text) {
      return load().then(function (real) { return real.render(id, text); });
    }
  };
  window.mermaid = stub;
})();
