/* Flashcards (docs/practice/flashcards.md).
 *
 * Cards built with the site (the page's embedded data): glossary terms, the
 * estimation chapter's numbers worth remembering and the question pages'
 * follow-up questions. Flip a card, say whether you knew it, and review the
 * missed ones again. PracticeStore keeps "cards.known" and "cards.missed"
 * (card ids); a card is in at most one of them, the latest verdict.
 */
(function () {
  "use strict";

  var PROMPTS = {
    "glossary": "What does it stand for?",
    "numbers": "What is the number, and where does it come from?",
    "follow-ups": "How would you answer?"
  };

  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var keep = list[i];
      list[i] = list[j];
      list[j] = keep;
    }
    return list;
  }

  function init(root) {
    var S = window.PracticeStore;
    var el = S.el;
    var data = S.data("flashcards");
    var cards = data.cards;
    var byId = {};
    cards.forEach(function (c) { byId[c.id] = c; });
    var titles = {};
    data.decks.forEach(function (d) { titles[d.id] = d.title; });
    var queue = [];
    var pos = 0;

    var deck = el("select", { id: "cards-deck", onchange: restart },
      [el("option", { value: "", text: "All decks (" + cards.length + " cards)" })].concat(data.decks.map(function (d) {
        var n = cards.filter(function (c) { return c.deck === d.id; }).length;
        return el("option", { value: d.id, text: d.title + " (" + n + ")" });
      })));
    var modeAll = el("input", { type: "radio", name: "cards-mode", id: "cards-mode-all", value: "all", checked: true, onchange: restart });
    var modeMissed = el("input", { type: "radio", name: "cards-mode", id: "cards-mode-missed", value: "missed", onchange: restart });
    var missedLabel = el("label", { for: "cards-mode-missed" });
    var counts = el("p", { id: "cards-counts", class: "cards-counts" });
    var source = el("p", { id: "cards-source", class: "flashcard__source" });
    var position = el("p", { id: "cards-position", class: "flashcard__position" });
    var front = el("p", { id: "cards-front", class: "flashcard__front" });
    var prompt = el("p", { class: "flashcard__prompt" });
    var back = el("div", { id: "cards-back", class: "flashcard__back", hidden: true });
    var flip = el("button", { type: "button", id: "cards-flip", class: "md-button md-button--primary",
      "aria-expanded": "false", "aria-controls": "cards-back", onclick: toggle }, ["Show answer"]);
    var knew = el("button", { type: "button", id: "cards-known", class: "md-button", onclick: function () { mark(true); } },
      ["✓ I knew it"]);
    var missed = el("button", { type: "button", id: "cards-missed", class: "md-button", onclick: function () { mark(false); } },
      ["✗ I didn't know it"]);
    var again = el("button", { type: "button", id: "cards-restart", class: "md-button", onclick: restart }, ["Shuffle and start again"]);
    var forget = el("button", { type: "button", id: "cards-forget", class: "md-button", onclick: forgetAll }, ["Forget my answers"]);

    root.appendChild(el("div", { class: "practice-row" }, [
      el("div", { class: "practice-field" }, [el("label", { for: "cards-deck", text: "Deck" }), deck]),
      el("fieldset", { class: "cards-mode" }, [
        el("legend", { text: "Cards to show" }),
        el("span", { class: "practice-check" }, [modeAll, el("label", { for: "cards-mode-all", text: "All cards" })]),
        el("span", { class: "practice-check" }, [modeMissed, missedLabel])
      ])
    ]));
    root.appendChild(counts);
    var card = el("div", { class: "flashcard", id: "cards-card" }, [source, position, front, prompt, back]);
    root.appendChild(card);
    root.appendChild(el("div", { class: "practice-row" }, [flip, knew, missed]));
    var say = S.statusLine(root, false);
    root.appendChild(el("div", { class: "practice-row" }, [again, forget]));

    function verdicts() {
      var state = S.load().cards;
      var known = {}, miss = {};
      state.known.forEach(function (id) { known[id] = true; });
      state.missed.forEach(function (id) { miss[id] = true; });
      return { known: known, missed: miss };
    }

    function inDeck(c) {
      return !deck.value || c.deck === deck.value;
    }

    function renderCounts() {
      var v = verdicts();
      var pool = cards.filter(inDeck);
      var k = pool.filter(function (c) { return v.known[c.id]; }).length;
      var m = pool.filter(function (c) { return v.missed[c.id]; }).length;
      counts.textContent = "Known " + k + " · Missed " + m + " · Not yet reviewed " + (pool.length - k - m) +
        " · " + pool.length + " cards in this deck";
      missedLabel.textContent = "Only cards I missed (" + m + ")";
    }

    function restart() {
      var v = verdicts();
      var reviewMissed = modeMissed.checked;
      queue = shuffle(cards.filter(function (c) { return inDeck(c) && (!reviewMissed || v.missed[c.id]); }));
      pos = 0;
      if (reviewMissed && !queue.length) {
        say("You have no missed cards in this deck. Choose All cards to keep going.", "success");
      } else {
        say(queue.length + (reviewMissed ? " missed cards" : " cards") + ", shuffled.");
      }
      show();
    }

    function setFlipped(open) {
      back.hidden = !open;
      flip.setAttribute("aria-expanded", open ? "true" : "false");
      flip.textContent = open ? "Hide answer" : "Show answer";
      card.classList.toggle("flashcard--flipped", open);
    }

    function show() {
      renderCounts();
      setFlipped(false);
      var done = pos >= queue.length;
      flip.disabled = knew.disabled = missed.disabled = done;
      if (done) {
        source.textContent = "";
        position.textContent = queue.length ? "Round complete" : "";
        front.textContent = queue.length
          ? "You went through " + queue.length + " cards. Review the missed ones, or shuffle and start again."
          : "No cards to show.";
        prompt.textContent = "";
        back.textContent = "";
        card.classList.add("flashcard--done");
        return;
      }
      card.classList.remove("flashcard--done");
      var c = queue[pos];
      source.textContent = c.deck === "follow-ups" ? "Follow-up question · " + c.source : titles[c.deck];
      position.textContent = "Card " + (pos + 1) + " of " + queue.length;
      front.textContent = c.front;
      prompt.textContent = PROMPTS[c.deck] || "";
      back.innerHTML = c.back;  // HTML made at build time from the site's own Markdown
      if (c.href) {
        back.appendChild(el("p", { class: "flashcard__link" }, ["From ", el("a", { href: c.href, text: c.source })]));
      }
    }

    function toggle() {
      setFlipped(back.hidden);
    }

    function mark(known) {
      var c = queue[pos];
      if (!c) return;
      var result = S.update(function (state) {
        var drop = function (id) { return id !== c.id; };
        state.cards.known = state.cards.known.filter(drop);
        state.cards.missed = state.cards.missed.filter(drop);
        (known ? state.cards.known : state.cards.missed).push(c.id);
      });
      if (result.error) say(result.error, "warning");
      else say(known ? "Marked as known." : "Marked as missed: it will come back in the missed cards.");
      pos += 1;
      show();
    }

    function forgetAll() {
      if (!window.confirm("Forget which cards you knew and missed? Your study plan and scores are kept.")) return;
      var result = S.update(function (state) { state.cards.known = []; state.cards.missed = []; });
      say(result.error || "Your answers are forgotten: every card is new again.", result.error ? "warning" : "success");
      modeAll.checked = true;
      restart();
    }

    S.watch("flashcards", function () { if (document.body.contains(root)) renderCounts(); });
    restart();
    // A message about bad saved data (found while loading) wins over "shuffled".
    var pending = S.takeNotice();
    say(pending || "", pending ? "warning" : "");
  }

  document$.subscribe(function () {
    window.PracticeStore.startOnce("tool-flashcards", init, "The flashcards could not start ({error}). The decks are described below.");
  });
})();
