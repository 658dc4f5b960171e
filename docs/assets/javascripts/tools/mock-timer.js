/* Mock interview timer (docs/practice/mock-timer.md).
 *
 * A 45-minute round split into the CLEAR phases of the page's embedded data
 * (mkdocs.yml extra.clear, via the build hook). You move to the next phase
 * yourself; when the clock passes the end of the phase you are in, a gentle
 * cue says so. Nothing counts ticks: the state holds Date.now() timestamps
 * (PracticeStore "timer"), and every redraw computes from them, so the time is
 * right after the tab sleeps, the screen locks or the page reloads.
 *
 *   timer.status       "idle" | "running" | "paused" | "finished"
 *   timer.accumulated  ms of the round that had passed when it was last paused
 *   timer.startedAt    Date.now() when it last started or resumed (running only)
 *   timer.marks        ms into the round at which each phase began: [0, ...]
 */
(function () {
  "use strict";

  var ticker = null;
  var redraw = null;

  /* m:ss. Time left counts down like a kitchen timer (whole seconds rounded up,
   * so it reads 0:00 only when the time is up); time spent rounds down. */
  function clock(ms, left) {
    var seconds = Math.max(0, ms) / 1000;
    seconds = left ? Math.ceil(seconds - 1e-6) : Math.floor(seconds + 1e-6);
    var rest = seconds % 60;
    return Math.floor(seconds / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function minutes(m) {
    return m + (m === 1 ? " minute" : " minutes");
  }

  function init(root) {
    var S = window.PracticeStore;
    var el = S.el;
    var clear = S.data("clear");
    var phases = clear.phases;
    var round = clear.round_minutes * 60000;
    var announced = { phase: null, overrun: null, finished: false };

    var strip = el("ol", { class: "timer-phases", "aria-label": "Phases of the round" });
    var stripItems = phases.map(function (p) {
      var badge = el("span", { class: "timer-phases__badge" });
      var item = el("li", { class: "timer-phases__item" }, [
        el("span", { class: "timer-phases__letter", text: p.letter }),
        el("span", { class: "timer-phases__name", text: p.name }),
        el("span", { class: "timer-phases__minutes", text: p.start + "–" + p.end + " min" }),
        badge
      ]);
      strip.appendChild(item);
      return { item: item, badge: badge };
    });

    var phaseName = el("strong", { id: "timer-phase-name" });
    var phaseLeft = el("span", { id: "timer-phase-left", role: "timer" });
    var roundLeft = el("span", { id: "timer-round-left", role: "timer" });
    var cue = el("p", { class: "timer-cue", id: "timer-cue", hidden: true });
    var checklist = el("ul", { class: "timer-checklist", id: "timer-checklist" });
    var checklistTitle = el("p", { class: "timer-checklist__title" });
    var primary = el("button", { type: "button", class: "md-button md-button--primary", id: "timer-primary", onclick: startPauseResume });
    var next = el("button", { type: "button", class: "md-button", id: "timer-next", onclick: nextPhase }, ["Next phase"]);
    var reset = el("button", { type: "button", class: "md-button", id: "timer-reset", onclick: resetTimer }, ["Reset"]);
    var splits = el("tbody");

    root.appendChild(strip);
    root.appendChild(el("div", { class: "timer-now" }, [
      el("p", { class: "timer-now__phase" }, ["Current phase: ", phaseName]),
      el("dl", { class: "timer-clocks" }, [
        el("div", {}, [el("dt", { text: "Left in this phase" }), el("dd", {}, [phaseLeft])]),
        el("div", {}, [el("dt", { text: "Left in the round" }), el("dd", {}, [roundLeft])])
      ]),
      cue,
      checklistTitle,
      checklist
    ]));
    root.appendChild(el("div", { class: "practice-row" }, [primary, next, reset]));
    var say = S.statusLine(root, true);
    root.appendChild(el("table", { id: "timer-splits" }, [
      el("caption", { text: "Time spent in each phase" }),
      el("thead", {}, [el("tr", {}, [
        el("th", { scope: "col", text: "Phase" }),
        el("th", { scope: "col", text: "Budget" }),
        el("th", { scope: "col", text: "Time spent" })
      ])]),
      splits
    ]));

    function elapsed(timer, now) {
      var ms = timer.accumulated + (timer.status === "running" ? Math.max(0, now - timer.startedAt) : 0);
      return Math.min(ms, round);
    }

    function save(change) {
      var result = S.update(function (state) { change(state.timer, Date.now()); });
      if (result.error) say(result.error, "warning");
    }

    function startPauseResume() {
      var status = S.load().timer.status;
      if (status === "idle") {
        save(function (t, now) { t.status = "running"; t.accumulated = 0; t.startedAt = now; t.marks = [0]; });
      } else if (status === "running") {
        save(function (t, now) { t.accumulated = elapsed(t, now); t.startedAt = null; t.status = "paused"; });
        say("Paused at " + clock(S.load().timer.accumulated) + ".");
      } else if (status === "paused") {
        save(function (t, now) { t.startedAt = now; t.status = "running"; });
        say("Resumed.");
      }
    }

    function nextPhase() {
      save(function (t, now) {
        if (t.marks.length < phases.length && (t.status === "running" || t.status === "paused")) {
          t.marks.push(elapsed(t, now));
        }
      });
    }

    function resetTimer() {
      var status = S.load().timer.status;
      if (status !== "idle" && status !== "finished" &&
          !window.confirm("Reset the timer? This round's time is lost.")) {
        return;
      }
      save(function (t) {
        var blank = S.freshTimer();
        for (var key in blank) t[key] = blank[key];
      });
      say("The timer is reset to " + clock(round, true) + ".");
    }

    function render() {
      var now = Date.now();
      var timer = S.load().timer;
      var ms = elapsed(timer, now);
      if (timer.status === "running" && ms >= round) {
        // The round is over: stop the clock at 45:00, once.
        save(function (t) { t.accumulated = round; t.startedAt = null; t.status = "finished"; });
        timer = S.load().timer;
      }
      var index = Math.min(timer.marks.length, phases.length) - 1;
      var phase = phases[index];
      var phaseEnd = phase.end * 60000;
      var over = ms - phaseEnd;
      var active = timer.status === "running" || timer.status === "paused";

      phaseName.textContent = phase.letter + " — " + phase.name;
      phaseLeft.textContent = over > 0 ? "0:00 (over by " + clock(over) + ")" : clock(phaseEnd - ms, true);
      roundLeft.textContent = clock(round - ms, true);
      root.classList.toggle("timer--overrun", over > 0 && active);
      root.classList.toggle("timer--paused", timer.status === "paused");
      cue.hidden = !(over > 0 && active);
      if (over > 0 && active) {
        var following = phases[index + 1];
        cue.textContent = "⚠ Over budget: " + phase.name + " was planned to end at " + phase.end + ":00." +
          (following ? " Wrap up and move on to " + following.name + "." : "");
      }

      if (checklist.dataset.phase !== phase.id) {
        checklist.dataset.phase = phase.id;
        checklistTitle.textContent = "Checklist for " + phase.letter + " — " + phase.name;
        checklist.textContent = "";
        phase.checklist.forEach(function (line) { checklist.appendChild(el("li", { text: line })); });
      }

      stripItems.forEach(function (s, i) {
        var state = i < index ? "done" : i === index ? "now" : "";
        s.item.className = "timer-phases__item" + (state ? " timer-phases__item--" + state : "");
        s.badge.textContent = state === "now" ? "now" : state === "done" ? "done" : "";
        if (state === "now") s.item.setAttribute("aria-current", "step");
        else s.item.removeAttribute("aria-current");
      });

      primary.textContent = timer.status === "running" ? "Pause" : timer.status === "paused" ? "Resume" : "Start";
      primary.disabled = timer.status === "finished";
      next.disabled = !active || index >= phases.length - 1;
      reset.disabled = timer.status === "idle";

      splits.textContent = "";
      phases.forEach(function (p, i) {
        var spent = i < index ? timer.marks[i + 1] - timer.marks[i] : i === index ? ms - timer.marks[i] : null;
        var budget = (p.end - p.start) * 60000;
        var text = spent === null ? "—" : clock(spent) + (spent > budget ? " (over)" : "");
        splits.appendChild(el("tr", {}, [
          el("th", { scope: "row", text: p.letter + " — " + p.name }),
          el("td", { text: minutes(p.end - p.start) }),
          el("td", { text: timer.status === "idle" ? "—" : text })
        ]));
      });

      // The live region speaks only when something changes, never every second.
      if (timer.status === "idle") {
        announced = { phase: null, overrun: null, finished: false };
      } else if (timer.status === "finished") {
        if (!announced.finished) say("Time is up: the " + clear.round_minutes + " minutes are over.", "success");
        announced.finished = true;
      } else if (active && announced.phase !== index) {
        if (announced.phase !== null || timer.status === "running") {
          say("Now in " + phase.letter + " — " + phase.name + ": " +
            (over > 0 ? "already over budget." : clock(phaseEnd - ms, true) + " left in this phase."));
        }
        announced.phase = index;
        if (over > 0) announced.overrun = index;
      } else if (active && over > 0 && announced.overrun !== index) {
        say(phase.name + " is over its budget, which ended at " + phase.end + ":00. Move on when you can.", "warning");
        announced.overrun = index;
      }
    }

    S.watch("mock-timer", function () { if (document.body.contains(root)) render(); });
    render();
    return render;
  }

  document.addEventListener("visibilitychange", function () {
    if (redraw && !document.hidden) redraw();
  });

  document$.subscribe(function () {
    // Instant navigation swaps the page without reloading the script.
    if (ticker) clearInterval(ticker);
    ticker = null;
    redraw = window.PracticeStore.startOnce("tool-mock-timer", init, "The timer could not start ({error}). The phases and their budgets are below.");
    if (redraw) ticker = setInterval(redraw, 250);
  });
})();
