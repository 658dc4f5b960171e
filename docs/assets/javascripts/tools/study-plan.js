/* Study-plan tracker (docs/practice/study-plan.md).
 *
 * The 2-week plan with a checkbox per day and per task, and a progress bar.
 * The plan is the page's embedded data (includes/study-plan.yml, via the build
 * hook); ticks are saved by PracticeStore as "plan.done", a list of task ids.
 * Ids of tasks that a later plan no longer has are kept, not counted.
 */
(function () {
  "use strict";

  function init(root) {
    var S = window.PracticeStore;
    var el = S.el;
    var plan = S.data("plan");
    var taskBoxes = {};  // task id -> checkbox
    var days = [];       // {box, ids, state}
    var n = 0;

    var bar = el("progress", { id: "plan-progress-bar", max: "1", value: "0", "aria-describedby": "plan-progress-text" });
    var barText = el("span", { id: "plan-progress-text", class: "plan-progress__text" });
    var resetButton = el("button", { type: "button", class: "md-button", onclick: reset }, ["Reset the plan"]);
    root.appendChild(el("div", { class: "plan-progress" }, [
      el("label", { for: "plan-progress-bar", text: "Plan progress" }), bar, barText
    ]));
    root.appendChild(el("div", { class: "practice-row" }, [resetButton]));
    var say = S.statusLine(root, true);

    plan.weeks.forEach(function (week, w) {
      var headingId = "plan-week-" + (w + 1);
      var list = el("ol", { class: "plan-days" });
      week.days.forEach(function (day) {
        var ids = day.tasks.map(function (task) { return task.id; });
        var dayBox = el("input", { type: "checkbox", id: "plan-" + day.id, onchange: function () { tickDay(ids, dayBox.checked); } });
        var dayState = el("span", { class: "plan-day__state" });
        var tasks = el("ul", { class: "plan-tasks" });
        day.tasks.forEach(function (task) {
          var id = "plan-task-" + (++n);
          var box = el("input", { type: "checkbox", id: id, onchange: function () { tick([task.id], box.checked); } });
          var text = task.read === undefined ? [task.text]
            : ["Read ", task.href ? el("a", { href: task.href, text: task.read }) : task.read];
          taskBoxes[task.id] = box;
          tasks.appendChild(el("li", { class: "plan-check" }, [box, el("label", { for: id }, text)]));
        });
        days.push({ box: dayBox, ids: ids, state: dayState });
        list.appendChild(el("li", { class: "plan-day" }, [
          el("div", { class: "plan-check plan-check--day" }, [
            dayBox,
            el("label", { for: "plan-" + day.id }, [
              el("span", { class: "practice-sr-only", text: week.title + ", " }), "Day " + day.day
            ]),
            dayState
          ]),
          tasks
        ]));
      });
      root.appendChild(el("section", { class: "plan-week", "aria-labelledby": headingId }, [
        el("h2", { id: headingId, text: week.title }), list
      ]));
    });

    // The plain list stays for readers without JavaScript; this replaces it.
    var plain = document.querySelector("[data-plan-static]");
    if (plain) plain.hidden = true;

    function tick(ids, done) {
      var result = S.update(function (state) {
        var set = state.plan.done.filter(function (id) { return ids.indexOf(id) < 0; });
        state.plan.done = done ? set.concat(ids) : set;
      });
      if (result.error) say(result.error, "warning");
    }

    function tickDay(ids, done) {
      tick(ids, done);
      say(done ? "Day ticked: all its tasks are done." : "Day cleared: its tasks are no longer ticked.");
    }

    function reset() {
      if (!window.confirm("Clear every tick in the study plan? Your scores and flashcards are kept.")) {
        say("Reset cancelled. Your ticks are unchanged.");
        return;
      }
      var result = S.update(function (state) { state.plan.done = []; });
      say(result.error || "The study plan is reset: no task is ticked.", result.error ? "warning" : "success");
    }

    function render() {
      var done = {};
      S.load().plan.done.forEach(function (id) { done[id] = true; });
      var total = 0, ticked = 0, fullDays = 0;
      for (var id in taskBoxes) {
        taskBoxes[id].checked = !!done[id];
        total += 1;
        if (done[id]) ticked += 1;
      }
      days.forEach(function (day) {
        var count = day.ids.filter(function (id) { return done[id]; }).length;
        day.box.checked = count === day.ids.length;
        day.box.indeterminate = count > 0 && count < day.ids.length;
        if (count === day.ids.length) fullDays += 1;
        day.state.textContent = count === day.ids.length ? "done" : count + " of " + day.ids.length + " tasks";
      });
      var percent = total ? Math.round((ticked / total) * 100) : 0;
      bar.max = total;
      bar.value = ticked;
      barText.textContent = percent + "% · " + ticked + " of " + total + " tasks done · " +
        fullDays + " of " + days.length + " days complete";
    }

    S.watch("study-plan", function () { if (document.body.contains(root)) render(); });
    render();
  }

  document$.subscribe(function () {
    window.PracticeStore.startOnce("tool-study-plan", init,
      "The tracker could not start ({error}). The plan below still works on paper.",
      function () {
        var plain = document.querySelector("[data-plan-static]");
        if (plain) plain.hidden = false;
      });
  });
})();
