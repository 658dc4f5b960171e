/* The practice tools' saved progress: one localStorage key, one format.
 *
 * Key "mlsd-practice" holds
 *
 *   {"version": 1,
 *    "plan":   {"done": ["w1d1:focus", ...]},            ticked study-plan tasks
 *    "timer":  {"status": "idle", "accumulated": 0,        the mock timer (timestamps
 *               "startedAt": null, "marks": [0]},          from Date.now(), in ms)
 *    "scores": [{"id", "date", "question", "scores", "notes", "savedAt"}, ...],
 *    "cards":  {"known": [...], "missed": [...]}}          flashcard ids
 *
 * Bad saved data never breaks a page: data that does not parse, has the wrong
 * shape or another version is copied aside to "mlsd-practice.corrupt-<time>"
 * and the tools start fresh, with a message saying so. An import that fails
 * the same checks changes nothing. Nothing is ever sent anywhere.
 *
 * Also here, because every tool needs them: the page's embedded data, a tiny
 * element builder, a status line (an aria-live region) and the export/import
 * controls, which any page gets by holding an element with the attribute
 * data-practice-backup.
 */
(function () {
  "use strict";

  var KEY = "mlsd-practice";
  var VERSION = 1;
  var TIMER_STATUSES = ["idle", "running", "paused", "finished"];
  var memory = null;      // the state, when localStorage cannot be used
  var blocked = false;    // localStorage throws (disabled, or private mode)
  var readOnly = false;   // bad data could not be copied aside: do not overwrite it
  var notice = null;      // a message for the next tool that starts
  var watchers = {};      // tool name -> function called when the saved state changes

  function fresh() {
    return {
      version: VERSION,
      plan: { done: [] },
      timer: freshTimer(),
      scores: [],
      cards: { known: [], missed: [] }
    };
  }

  function freshTimer() {
    return { status: "idle", accumulated: 0, startedAt: null, marks: [0] };
  }

  // ---------------------------------------------------------------- checks

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function isStringList(value) {
    return Array.isArray(value) && value.every(function (item) { return typeof item === "string"; });
  }

  function isTime(value) {
    return typeof value === "number" && isFinite(value) && value >= 0;
  }

  function checkTimer(timer) {
    if (!isObject(timer)) return "\"timer\" is not an object";
    if (TIMER_STATUSES.indexOf(timer.status) < 0) return "the timer's status is unknown";
    if (!isTime(timer.accumulated)) return "the timer's elapsed time is not a number";
    if (timer.status === "running" ? !isTime(timer.startedAt) : timer.startedAt !== null) {
      return "the timer's start time does not match its status";
    }
    if (!Array.isArray(timer.marks) || timer.marks.length < 1 || timer.marks.length > 20 ||
        !timer.marks.every(isTime) || timer.marks[0] !== 0) {
      return "the timer's phase marks are not a list of times starting at 0";
    }
    for (var i = 1; i < timer.marks.length; i++) {
      if (timer.marks[i] < timer.marks[i - 1]) return "the timer's phase marks go backwards";
    }
    return null;
  }

  function checkScore(entry) {
    if (!isObject(entry)) return "a scored session is not an object";
    if (typeof entry.id !== "string" || !entry.id) return "a scored session has no id";
    if (typeof entry.date !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(entry.date)) {
      return "a scored session has no date (YYYY-MM-DD)";
    }
    if (typeof entry.question !== "string") return "a scored session has no question";
    if (!isObject(entry.scores)) return "a scored session has no scores";
    for (var name in entry.scores) {
      var score = entry.scores[name];
      if ([1, 2, 3, 4].indexOf(score) < 0) return "a score is not a level from 1 to 4";
    }
    if (typeof entry.notes !== "string") return "a scored session's notes are not text";
    if (!isTime(entry.savedAt)) return "a scored session has no save time";
    return null;
  }

  /* Why `data` is not a progress file of this version, or null if it is. */
  function check(data) {
    if (!isObject(data)) return "it is not a JSON object";
    if (data.version !== VERSION) {
      return "it has format version " + JSON.stringify(data.version) + ", and this site reads version " + VERSION;
    }
    if (!isObject(data.plan) || !isStringList(data.plan.done)) return "\"plan.done\" is not a list of task ids";
    var problem = checkTimer(data.timer);
    if (problem) return problem;
    if (!Array.isArray(data.scores)) return "\"scores\" is not a list";
    for (var i = 0; i < data.scores.length; i++) {
      problem = checkScore(data.scores[i]);
      if (problem) return problem;
    }
    if (!isObject(data.cards) || !isStringList(data.cards.known) || !isStringList(data.cards.missed)) {
      return "\"cards\" does not hold lists of known and missed card ids";
    }
    return null;
  }

  /* Only the documented fields, so a file cannot smuggle in anything else. */
  function normalise(data) {
    return {
      version: VERSION,
      plan: { done: data.plan.done.slice() },
      timer: {
        status: data.timer.status,
        accumulated: data.timer.accumulated,
        startedAt: data.timer.startedAt,
        marks: data.timer.marks.slice()
      },
      scores: data.scores.map(function (s) {
        var scores = {};
        for (var name in s.scores) scores[name] = s.scores[name];
        return { id: s.id, date: s.date, question: s.question, scores: scores, notes: s.notes, savedAt: s.savedAt };
      }),
      cards: { known: data.cards.known.slice(), missed: data.cards.missed.slice() }
    };
  }

  // ---------------------------------------------------------------- storage

  /* The saved state, checked. Never throws. */
  function load() {
    if (blocked) return memory || (memory = fresh());
    var raw;
    try {
      raw = window.localStorage.getItem(KEY);
    } catch (err) {
      blocked = true;
      notice = "This browser does not let the site store data, so your progress lasts only until you close the tab.";
      return memory || (memory = fresh());
    }
    if (raw === null) return readOnly && memory ? memory : fresh();
    var data, problem = null;
    try {
      data = JSON.parse(raw);
    } catch (err) {
      problem = "it is not valid JSON";
    }
    if (!problem) problem = check(data);
    if (!problem) return normalise(data);
    if (readOnly && memory) return memory;
    var aside = KEY + ".corrupt-" + Date.now();
    try {
      window.localStorage.setItem(aside, raw);
      window.localStorage.removeItem(KEY);
      notice = "The progress saved in this browser could not be read (" + problem + "). " +
        "It was copied to \"" + aside + "\", so nothing is lost, and the tools start fresh.";
    } catch (err) {
      readOnly = true;
      memory = fresh();
      notice = "The progress saved in this browser could not be read (" + problem + ") and could not be " +
        "copied aside, so it is left untouched and nothing you do here will be saved.";
      return memory;
    }
    return fresh();
  }

  /* Save the whole state. Returns a message if it could not be saved, else null. */
  function save(state) {
    if (blocked || readOnly) {
      memory = state;
      return null;
    }
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
      return null;
    } catch (err) {
      memory = state;
      return "Your progress could not be saved in this browser (" + (err && err.name || "error") + ").";
    }
  }

  /* Read the latest saved state, let `change` edit it, save it. Reading first
   * means two tabs on two tools never overwrite each other's part. */
  function update(change) {
    var state = load();
    change(state);
    var error = save(state);
    notify();
    return { state: state, error: error };
  }

  /* The message about bad or unsavable data, once. */
  function takeNotice() {
    var message = notice;
    notice = null;
    return message;
  }

  function watch(name, callback) {
    watchers[name] = callback;
  }

  function notify() {
    for (var name in watchers) {
      try { watchers[name](); } catch (err) { /* a detached tool */ }
    }
  }

  window.addEventListener("storage", function (event) {
    if (event.key === KEY) notify();
  });

  // ---------------------------------------------------------------- export and import

  function exportText() {
    return JSON.stringify(load(), null, 1) + "\n";
  }

  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function isEmpty(state) {
    return !state.plan.done.length && state.timer.status === "idle" && !state.scores.length &&
      !state.cards.known.length && !state.cards.missed.length;
  }

  /* Replace the saved state with a file's. Returns {ok, message}; a bad file changes nothing. */
  function importText(text, confirmReplace) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (err) {
      return { ok: false, message: "That file is not a progress file: it is not valid JSON. Nothing was changed." };
    }
    var problem = check(data);
    if (problem) {
      return { ok: false, message: "That file is not a progress file this site can read: " + problem + ". Nothing was changed." };
    }
    var current = load();
    if (!isEmpty(current) && confirmReplace && !confirmReplace()) {
      return { ok: false, message: "Import cancelled. Nothing was changed." };
    }
    var state = normalise(data);
    var error = save(state);
    notify();
    if (error) return { ok: false, message: error };
    return {
      ok: true,
      message: "Progress imported: " + state.plan.done.length + " plan tasks done, " + state.scores.length +
        " scored sessions, " + (state.cards.known.length + state.cards.missed.length) + " flashcards reviewed."
    };
  }

  // ---------------------------------------------------------------- page data and small UI helpers

  /* The data the build embedded in the page for a tool (see overrides/hooks/generated.py). */
  function data(name) {
    var holder = document.getElementById("data-" + name);
    if (!holder) throw new Error("this page has no " + name + " data");
    return JSON.parse(holder.getAttribute("data-json"));
  }

  /* el("button", {type: "button", class: "md-button"}, ["Start"]) */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* A status line read out by screen readers; returns a function that sets it.
   * With `notices`, it first shows any message about bad saved data. */
  function statusLine(parent, notices) {
    var line = el("p", { class: "practice-status", role: "status", "aria-live": "polite" });
    parent.appendChild(line);
    var say = function (message, kind) {
      line.textContent = message || "";
      line.className = "practice-status" + (kind ? " practice-status--" + kind : "");
    };
    if (notices) {
      load();
      var pending = takeNotice();
      if (pending) say(pending, "warning");
    }
    return say;
  }

  var exportUrl = null;

  function mountBackup(root) {
    var say;
    var link = el("a", { class: "practice-download", hidden: true });
    var input = el("input", {
      type: "file", id: "practice-import-file", accept: "application/json,.json",
      class: "practice-file",
      onchange: function () {
        var file = input.files && input.files[0];
        if (!file) return;
        file.text().then(function (text) {
          var result = importText(text, function () {
            return window.confirm("Replace the progress saved in this browser with the file's?");
          });
          say(result.message, result.ok ? "success" : "warning");
        }, function () {
          say("That file could not be read. Nothing was changed.", "warning");
        }).then(function () { input.value = ""; });
      }
    });
    var exportButton = el("button", {
      type: "button", class: "md-button",
      onclick: function () {
        var blob = new Blob([exportText()], { type: "application/json" });
        if (exportUrl) URL.revokeObjectURL(exportUrl);
        exportUrl = URL.createObjectURL(blob);
        link.href = exportUrl;
        link.download = "mlsd-practice-" + today() + ".json";
        link.textContent = "Download " + link.download + " again";
        link.hidden = false;
        link.click();
        say("Progress exported to " + link.download + ". Import it on the other browser.", "success");
      }
    }, ["Export progress"]);
    root.appendChild(el("div", { class: "practice-backup" }, [
      el("div", { class: "practice-row" }, [exportButton, link]),
      el("div", { class: "practice-row" }, [
        el("label", { for: "practice-import-file", text: "Import a progress file (.json)" }), input
      ])
    ]));
    // A tool on the same page shows messages about saved data in its own line.
    say = statusLine(root, !document.querySelector(".practice-tool"));
  }

  function init() {
    var roots = document.querySelectorAll("[data-practice-backup]");
    Array.prototype.forEach.call(roots, function (root) {
      if (root.dataset.ready || root.closest(".print-page")) return;
      root.dataset.ready = "true";
      mountBackup(root);
    });
  }

  // Start a tool on the page that holds its root element, once per page (instant
  // navigation brings a fresh page without reloading the script). The copy in the
  // whole-book print page stays static. If start() throws, the root says why and
  // the page's plain content remains (onFail may reveal more of it). Returns what
  // start() returns.
  function startOnce(id, start, failure, onFail) {
    var root = document.getElementById(id);
    if (!root || root.dataset.ready || root.closest(".print-page")) return undefined;
    root.dataset.ready = "true";
    try {
      return start(root);
    } catch (err) {
      root.textContent = failure.replace("{error}", err.message);
      if (onFail) onFail();
      return undefined;
    }
  }

  window.PracticeStore = {
    startOnce: startOnce,
    KEY: KEY,
    VERSION: VERSION,
    fresh: fresh,
    freshTimer: freshTimer,
    check: check,
    load: load,
    save: save,
    update: update,
    watch: watch,
    takeNotice: takeNotice,
    exportText: exportText,
    importText: importText,
    data: data,
    el: el,
    statusLine: statusLine
  };

  if (typeof document$ !== "undefined") document$.subscribe(init);
})();
