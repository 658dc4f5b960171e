/* Self-scoring rubric (docs/practice/self-score.md).
 *
 * Score a mock on the five dimensions (mkdocs.yml extra.dimensions, in the
 * page's embedded data) against the rubric table written in the page, for a
 * question from the bank (embedded data too) and a date. Sessions are saved by
 * PracticeStore as "scores" and shown newest first, each with a delete button.
 */
(function () {
  "use strict";

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function slug(text) {
    return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  /* The rubric table of the page: {levels: ["1 · No hire", ...], rows: {dimension: [4 descriptions]}} */
  function readRubric() {
    var table = document.querySelector("[data-rubric] table");
    var rubric = { levels: ["1", "2", "3", "4"], rows: {} };
    if (!table) return rubric;
    var head = table.querySelectorAll("thead th");
    if (head.length === 5) {
      rubric.levels = Array.prototype.slice.call(head, 1).map(function (th) { return th.textContent.trim(); });
    }
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      var cells = Array.prototype.map.call(tr.children, function (td) { return td.textContent.trim(); });
      if (cells.length === 5) rubric.rows[cells[0]] = cells.slice(1);
    });
    return rubric;
  }

  function init(root) {
    var S = window.PracticeStore;
    var el = S.el;
    var dimensions = S.data("clear").dimensions;
    var bank = S.data("questions");
    var bySlug = {};
    bank.questions.forEach(function (q) { bySlug[q.slug] = q; });
    var rubric = readRubric();

    var question = el("select", { id: "score-question", required: true },
      [el("option", { value: "", text: "Choose the question you practised" })].concat(
        bank.categories.map(function (category) {
          return el("optgroup", { label: category }, bank.questions.filter(function (q) {
            return q.category === category;
          }).map(function (q) { return el("option", { value: q.slug, text: q.title }); }));
        })));
    var date = el("input", { type: "date", id: "score-date", required: true, value: today() });
    var notes = el("textarea", { id: "score-notes", rows: "3" });
    var groups = dimensions.map(function (name) {
      var key = "score-" + slug(name);
      var descriptions = rubric.rows[name] || [];
      return el("fieldset", { class: "score-dimension", id: key }, [el("legend", { text: name })].concat(
        [1, 2, 3, 4].map(function (level) {
          var id = key + "-" + level;
          return el("div", { class: "score-level" }, [
            el("input", { type: "radio", name: key, id: id, value: String(level) }),
            el("label", { for: id }, [
              el("strong", { text: rubric.levels[level - 1] }),
              descriptions[level - 1] ? " " + descriptions[level - 1] : ""
            ])
          ]);
        })));
    });
    var form = el("form", { id: "score-form", class: "score-form", novalidate: true, onsubmit: submit }, [
      el("div", { class: "practice-row" }, [
        el("div", { class: "practice-field" }, [el("label", { for: "score-question", text: "Question" }), question]),
        el("div", { class: "practice-field" }, [el("label", { for: "score-date", text: "Date of the mock" }), date])
      ])
    ].concat(groups, [
      el("div", { class: "practice-field" }, [
        el("label", { for: "score-notes", text: "Notes (optional): what would you say differently next time?" }), notes
      ]),
      el("div", { class: "practice-row" }, [
        el("button", { type: "submit", class: "md-button md-button--primary" }, ["Save this session"])
      ])
    ]));
    root.appendChild(form);
    var say = S.statusLine(root, true);

    var empty = el("p", { id: "score-empty", text: "No sessions saved yet. Your scored mocks appear here, newest first." });
    var body = el("tbody");
    var table = el("table", { id: "score-history" }, [
      el("caption", { text: "Your scored sessions, newest first" }),
      el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: "Date" }),
        el("th", { scope: "col", text: "Question" })
      ].concat(dimensions.map(function (name) {
        return el("th", { scope: "col", text: name });
      }), [
        el("th", { scope: "col", text: "Average" }),
        el("th", { scope: "col" }, [el("span", { class: "practice-sr-only", text: "Delete" })])
      ]))]),
      body
    ]);
    root.appendChild(el("h2", { id: "your-sessions", text: "Your sessions" }));
    root.appendChild(empty);
    root.appendChild(el("div", { class: "score-history-wrap" }, [table]));

    function titleOf(slugValue) {
      return bySlug[slugValue] ? bySlug[slugValue].title : slugValue;
    }

    function average(entry) {
      var values = dimensions.map(function (d) { return entry.scores[d]; }).filter(Boolean);
      if (!values.length) return "—";
      return (values.reduce(function (a, b) { return a + b; }, 0) / values.length).toFixed(1);
    }

    function submit(event) {
      event.preventDefault();
      var missing = [];
      var scores = {};
      if (!question.value) missing.push({ name: "the question", focus: question });
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) missing.push({ name: "the date", focus: date });
      dimensions.forEach(function (name, i) {
        var checked = groups[i].querySelector("input:checked");
        if (checked) scores[name] = Number(checked.value);
        else missing.push({ name: name, focus: groups[i].querySelector("input") });
      });
      if (missing.length) {
        say("Not saved yet: choose " + missing.map(function (m) { return m.name; }).join(", ") + ".", "warning");
        missing[0].focus.focus();
        return;
      }
      var entry = {
        id: "s" + Date.now().toString(36) + Math.random().toString(36).slice(2, 6),
        date: date.value, question: question.value, scores: scores, notes: notes.value.trim(), savedAt: Date.now()
      };
      var result = S.update(function (state) { state.scores.push(entry); });
      if (result.error) {
        say(result.error, "warning");
        return;
      }
      groups.forEach(function (group) {
        Array.prototype.forEach.call(group.querySelectorAll("input"), function (input) { input.checked = false; });
      });
      notes.value = "";
      say("Saved: " + titleOf(entry.question) + " on " + entry.date + ", average " + average(entry) + ".", "success");
    }

    function remove(entry) {
      var label = entry.date + ", " + titleOf(entry.question);
      if (!window.confirm("Delete the session of " + label + "?")) return;
      var result = S.update(function (state) {
        state.scores = state.scores.filter(function (s) { return s.id !== entry.id; });
      });
      say(result.error || "Deleted the session of " + label + ".", result.error ? "warning" : "success");
    }

    function render() {
      var entries = S.load().scores.slice().sort(function (a, b) {
        return a.date < b.date ? 1 : a.date > b.date ? -1 : b.savedAt - a.savedAt;
      });
      body.textContent = "";
      empty.hidden = entries.length > 0;
      table.hidden = entries.length === 0;
      entries.forEach(function (entry) {
        var q = bySlug[entry.question];
        body.appendChild(el("tr", {}, [
          el("td", { text: entry.date }),
          el("td", {}, [q ? el("a", { href: q.href, text: q.title }) : entry.question,
            entry.notes ? el("div", { class: "score-notes", text: entry.notes }) : null])
        ].concat(dimensions.map(function (name) {
          return el("td", { text: entry.scores[name] ? String(entry.scores[name]) : "—" });
        }), [
          el("td", { text: average(entry) }),
          el("td", {}, [el("button", {
            type: "button", class: "md-button score-delete",
            "aria-label": "Delete the session of " + entry.date + ", " + titleOf(entry.question),
            onclick: function () { remove(entry); }
          }, ["Delete"])])
        ])));
      });
    }

    S.watch("self-score", function () { if (document.body.contains(root)) render(); });
    render();
  }

  document$.subscribe(function () {
    window.PracticeStore.startOnce("tool-self-score", init, "The scoring form could not start ({error}). The rubric below works on paper.");
  });
})();
