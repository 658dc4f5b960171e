/* Question picker (docs/practice/question-picker.md).
 *
 * A random question from the bank, filtered by category and company. The bank
 * is the page's embedded data, made by the build hook from each question
 * page's own front matter. Nothing is saved.
 */
(function () {
  "use strict";

  function init(root) {
    var S = window.PracticeStore;
    var el = S.el;
    var data = S.data("questions");
    var questions = data.questions;
    var categories = data.categories.filter(function (c) {
      return questions.some(function (q) { return q.category === c; });
    });
    var companies = [];
    questions.forEach(function (q) {
      q.companies.forEach(function (c) { if (companies.indexOf(c) < 0) companies.push(c); });
    });
    companies.sort(function (a, b) { return a.localeCompare(b); });
    var current = null;

    function select(id, all, values) {
      return el("select", { id: id, onchange: filtersChanged },
        [el("option", { value: "", text: all })].concat(values.map(function (v) {
          return el("option", { value: v, text: v });
        })));
    }

    var category = select("picker-category", "All categories", categories);
    var company = select("picker-company", "All companies", companies);
    var count = el("p", { id: "picker-count", class: "picker-count" });
    var pick = el("button", { type: "button", id: "picker-pick", class: "md-button md-button--primary", onclick: pickOne },
      ["Pick a random question"]);
    var title = el("a", { id: "picker-title" });
    var facts = el("dl", { class: "picker-facts" });
    var open = el("a", { id: "picker-open", class: "md-button" }, ["Open the reference design"]);
    var result = el("div", { class: "picker-result", id: "picker-result", hidden: true }, [
      el("h2", { class: "picker-result__title" }, [title]), facts, el("p", {}, [open])
    ]);

    root.appendChild(el("div", { class: "practice-row" }, [
      el("div", { class: "practice-field" }, [el("label", { for: "picker-category", text: "Category" }), category]),
      el("div", { class: "practice-field" }, [el("label", { for: "picker-company", text: "Company" }), company])
    ]));
    root.appendChild(count);
    root.appendChild(el("div", { class: "practice-row" }, [pick]));
    var say = S.statusLine(root, true);
    var warned = false;
    root.appendChild(result);

    function matches() {
      return questions.filter(function (q) {
        return (!category.value || q.category === category.value) &&
          (!company.value || q.companies.indexOf(company.value) >= 0);
      });
    }

    function describeFilters() {
      var parts = [];
      if (category.value) parts.push("the category " + category.value);
      if (company.value) parts.push("the company " + company.value);
      return parts.join(" and ");
    }

    function noMatch() {
      return "No question matches " + describeFilters() + ". Choose another category or company.";
    }

    function filtersChanged() {
      var found = matches();
      count.textContent = found.length === 1 ? "1 question matches." : found.length + " questions match.";
      if (current && found.indexOf(current) < 0) {
        result.hidden = true;
        current = null;
      }
      if (!found.length) {
        say(noMatch(), "warning");
        warned = true;
      } else if (warned) {
        say("");
        warned = false;
      }
    }

    function pickOne() {
      var found = matches();
      if (!found.length) {
        say(noMatch(), "warning");
        return;
      }
      var pool = found.length > 1 ? found.filter(function (q) { return q !== current; }) : found;
      current = pool[Math.floor(Math.random() * pool.length)];
      title.textContent = current.title;
      title.href = current.href;
      open.href = current.href;
      open.setAttribute("aria-label", "Open the reference design: " + current.title);
      facts.textContent = "";
      [["Category", current.category], ["Difficulty", current.difficulty],
        ["Companies", current.companies.join(", ")]].forEach(function (pair) {
        facts.appendChild(el("div", {}, [el("dt", { text: pair[0] }), el("dd", { text: pair[1] })]));
      });
      result.hidden = false;
      say("Your question: " + current.title + ".");
    }

    filtersChanged();
  }

  document$.subscribe(function () {
    window.PracticeStore.startOnce("tool-question-picker", init, "The picker could not start ({error}). Every question is listed below.");
  });
})();
