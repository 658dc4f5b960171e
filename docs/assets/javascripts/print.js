/* Printing: every collapsible block prints open. On the whole-book page
 * (print_page/) they are open from the start, so the page reads as a book.
 * Content tabs print all their panels (see print.css).
 */
(function () {
  "use strict";
  function openAll() {
    document.querySelectorAll("article details:not([open])").forEach(function (d) {
      d.setAttribute("open", "");
    });
  }
  window.addEventListener("beforeprint", openAll);
  document$.subscribe(function () {
    if (/\/print_page\/?$/.test(location.pathname)) openAll();
  });
})();

/* Give each tab panel its label, so a printed panel says which tab it was. */
document$.subscribe(function () {
  "use strict";
  document.querySelectorAll(".tabbed-set").forEach(function (set) {
    var labels = set.querySelectorAll(":scope > .tabbed-labels > label");
    var blocks = set.querySelectorAll(":scope > .tabbed-content > .tabbed-block");
    blocks.forEach(function (block, i) {
      if (labels[i] && !block.hasAttribute("data-print-label")) {
        block.setAttribute("data-print-label", labels[i].textContent.trim());
      }
    });
  });
});
