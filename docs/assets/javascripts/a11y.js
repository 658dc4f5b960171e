/* Accessibility fixes that need the DOM, re-applied after every instant navigation.
 * Task-list checkboxes (pymdownx.tasklist) sit in an empty <label>, so a screen
 * reader announces "checkbox" with no name: name each one after its item's text.
 */
document$.subscribe(function () {
  "use strict";
  document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]")
    .forEach(function (box) {
      if (box.hasAttribute("aria-label")) return;
      var item = box.closest(".task-list-item");
      var text = item ? item.textContent.replace(/\s+/g, " ").trim() : "";
      box.setAttribute("aria-label", text || "Done");
    });
});

/* Material's search box is a role="dialog" with no name (axe: aria-dialog-name). */
document$.subscribe(function () {
  "use strict";
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
});
