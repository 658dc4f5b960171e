/* Estimation calculator (docs/practice/estimation-calculator.md).
 *
 * QPS (average and peak), storage, embedding and index memory and replica
 * counts, each shown with its working. All arithmetic is in estimate.js, the
 * formulas of the estimation chapter; this file only reads inputs and writes
 * results. The defaults are the assumptions of the chapter's worked examples.
 * Nothing is saved.
 */
(function () {
  "use strict";

  var SUFFIX = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

  /* "20M", "1.5B", "20,000,000", "60%" -> a number; anything else -> NaN. */
  function parseAmount(text) {
    var m = /^\s*([0-9][0-9,_ ]*(?:\.[0-9]+)?|\.[0-9]+)\s*([kmbt])?\s*%?\s*$/i.exec(text);
    if (!m) return NaN;
    var value = Number(m[1].replace(/[,_ ]/g, ""));
    return m[2] ? value * SUFFIX[m[2].toUpperCase()] : value;
  }

  function plain(x) {
    var digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    return x.toLocaleString("en-US", { maximumFractionDigits: digits });
  }

  /* Counts as the chapter writes them: 11,600 and 278,000, but 20M and 7.5B. */
  function count(x) {
    var abs = Math.abs(x);
    if (abs >= 1e12) return plain(x / 1e12) + "T";
    if (abs >= 1e9) return plain(x / 1e9) + "B";
    if (abs >= 1e6) return plain(x / 1e6) + "M";
    return plain(x);
  }

  function gigabytes(bytes) {
    return (bytes / 1e9).toLocaleString("en-US", { maximumFractionDigits: 2 }) + " GB";
  }

  /* Bytes in the largest decimal unit that keeps the number at 1 or more. */
  function bytesAuto(bytes) {
    var units = [["PB", 1e15], ["TB", 1e12], ["GB", 1e9], ["MB", 1e6], ["KB", 1e3]];
    for (var i = 0; i < units.length; i++) {
      if (bytes >= units[i][1]) {
        return (bytes / units[i][1]).toLocaleString("en-US", { maximumFractionDigits: 2 }) + " " + units[i][0];
      }
    }
    return plain(bytes) + " bytes";
  }

  function same(a, b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }

  function eq(exact, shown) {
    return same(exact, shown) ? "=" : "≈";
  }

  // The chapter's worked examples, as defaults (each field names its example).
  var SECTIONS = [
    {
      id: "traffic", title: "Traffic: requests a day to QPS",
      note: "Defaults: the ETA example, 20M trips a day with 50 predictions each.",
      fields: [
        ["dau", "Daily active users, or events a day", "20M"],
        ["perUser", "Requests per user (or per event) a day", "50"],
        ["peakFactor", "Peak factor (peak ÷ average)", "3"],
        ["fanOut", "Fan-out: calls per request to one backend", "1"]
      ],
      results: [
        ["perDay", "Requests a day"], ["average", "Average QPS"], ["peak", "Peak QPS"], ["backend", "Backend calls a second at peak"]
      ]
    },
    {
      id: "replicas", title: "Serving replicas",
      note: "Defaults: the ETA example, 1,000 predictions a second per replica at 60% across 3 zones.",
      fields: [
        ["peakQps", "Peak QPS", "34,800"],
        ["perReplica", "Throughput of one replica at the p99 target (QPS)", "1,000"],
        ["utilisation", "Target utilisation (%)", "60"],
        ["zones", "Zones (the others must carry the peak when one is lost)", "3"],
        ["latency", "Average latency (ms)", "10"]
      ],
      results: [
        ["atFull", "Replicas at 100% utilisation"], ["atTarget", "Replicas at the target utilisation"],
        ["acrossZones", "Replicas that survive a zone loss"], ["inFlight", "Requests in flight at peak"]
      ]
    },
    {
      id: "storage", title: "Storage: logs kept over time",
      note: "Defaults: the raw-log example, 2B impressions a day at 500 bytes, kept 90 days, 3 copies.",
      fields: [
        ["records", "Records a day", "2B"],
        ["recordBytes", "Bytes per record", "500"],
        ["days", "Days kept", "90"],
        ["copies", "Copies (replication)", "3"]
      ],
      results: [["daily", "New data a day"], ["retained", "Kept for the whole period"], ["replicated", "With every copy"]]
    },
    {
      id: "memory", title: "Embedding and index memory",
      note: "Defaults: the ANN example, 1B items with 256-dimensional embeddings.",
      fields: [
        ["rows", "Vectors (rows of the embedding table)", "1B"],
        ["dims", "Dimensions", "256"],
        ["pqBytes", "PQ code per vector (bytes)", "64"],
        ["idBytes", "Id per vector in the inverted lists (bytes)", "8"],
        ["links", "HNSW links per node at layer 0", "32"],
        ["linkBytes", "Bytes per link", "4"],
        ["hostGb", "RAM per host for the index (GB)", "128"]
      ],
      results: [
        ["fp32", "Vectors in fp32"], ["fp16", "Vectors in fp16"], ["int8", "Vectors in int8"],
        ["adam", "Training with Adam: fp32 weights and two moments"], ["pq", "PQ codes"],
        ["ivfpq", "IVF-PQ: codes and ids"], ["ivfpqHosts", "Hosts for IVF-PQ"],
        ["hnswLinks", "HNSW links at layer 0"], ["hnswFp16", "HNSW over fp16 vectors"],
        ["hnswFp16Hosts", "Hosts (shards) for HNSW over fp16"]
      ]
    }
  ];

  function idOf(name) {
    return "calc-" + name.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
  }

  function init(root) {
    var S = window.PracticeStore;
    var E = window.Estimate;
    var el = S.el;
    var inputs = {};
    var outputs = {};

    var rounding = el("input", { type: "checkbox", id: "calc-round", checked: true, onchange: compute });
    var followPeak = el("input", { type: "checkbox", id: "calc-follow-peak", checked: true, onchange: compute });

    root.appendChild(el("p", { class: "calc-hint", id: "calc-hint",
      text: "Type numbers as 20M, 1.5B, 400K or 20,000,000. Results update as you type." }));
    root.appendChild(el("div", { class: "practice-check" }, [
      rounding, el("label", { for: "calc-round", text: "Round QPS to three significant figures at each step, as the chapter does" })
    ]));
    var say = S.statusLine(root, true);
    var warned = false;

    SECTIONS.forEach(function (section) {
      var fields = section.fields.map(function (f) {
        var input = el("input", {
          type: "text", inputmode: "decimal", id: idOf(f[0]), value: f[2], autocomplete: "off",
          spellcheck: "false", "aria-describedby": "calc-hint", oninput: compute
        });
        inputs[f[0]] = input;
        return el("div", { class: "practice-field" }, [el("label", { for: input.id, text: f[1] }), input]);
      });
      if (section.id === "replicas") {
        fields.unshift(el("div", { class: "practice-check" }, [
          followPeak, el("label", { for: "calc-follow-peak", text: "Use the peak QPS from the traffic section" })
        ]));
      }
      var body = el("tbody", {}, section.results.map(function (r) {
        var output = el("output", { id: "out-" + idOf(r[0]).slice(5) });
        var working = el("td", { class: "calc-working" });
        outputs[r[0]] = { output: output, working: working };
        return el("tr", {}, [el("th", { scope: "row", text: r[1] }), el("td", {}, [output]), working]);
      }));
      root.appendChild(el("section", { class: "calc-section", "aria-labelledby": "calc-title-" + section.id }, [
        el("h2", { id: "calc-title-" + section.id, text: section.title }),
        el("p", { class: "calc-note", text: section.note }),
        el("fieldset", { class: "calc-fields" }, [el("legend", { text: "Assumptions" })].concat(fields)),
        el("table", { id: "calc-results-" + section.id }, [
          el("caption", { text: "Results" }),
          el("thead", {}, [el("tr", {}, [
            el("th", { scope: "col", text: "Result" }), el("th", { scope: "col", text: "Value" }),
            el("th", { scope: "col", text: "Working" })
          ])]),
          body
        ])
      ]));
    });

    function show(name, value, text, working) {
      var o = outputs[name];
      o.output.value = text;
      o.output.textContent = text;
      o.output.setAttribute("data-value", String(value));
      o.working.textContent = working;
    }

    function clear(names) {
      names.forEach(function (name) {
        outputs[name].output.textContent = "—";
        outputs[name].output.removeAttribute("data-value");
        outputs[name].working.textContent = "";
      });
    }

    /* The section's inputs as numbers, or null after marking the bad ones. */
    function read(section, problems) {
      var values = {};
      var ok = true;
      section.fields.forEach(function (f) {
        var input = inputs[f[0]];
        var value = parseAmount(input.value);
        var bad = !(value > 0) || (f[0] === "utilisation" && value > 100) ||
          ((f[0] === "zones" || f[0] === "fanOut") && value < 1);
        if (bad && !(section.id === "replicas" && f[0] === "peakQps" && followPeak.checked)) {
          input.setAttribute("aria-invalid", "true");
          problems.push(f[1]);
          ok = false;
        } else {
          input.removeAttribute("aria-invalid");
        }
        values[f[0]] = value;
      });
      return ok ? values : null;
    }

    function compute() {
      var problems = [];
      var round = rounding.checked;
      var v = read(SECTIONS[0], problems);
      var t = null;
      if (v) {
        t = E.traffic(v.dau, v.perUser, v.peakFactor, v.fanOut, round);
        show("perDay", t.perDay, count(t.perDay), count(v.dau) + " × " + count(v.perUser) + " = " + count(t.perDay));
        show("average", t.average, count(t.average) + " QPS",
          count(t.perDay) + " ÷ 86,400 s ≈ " + plain(t.averageExact) + " QPS" +
          (same(t.average, t.averageExact) ? "" : ", rounded to " + count(t.average)));
        show("peak", t.peak, count(t.peak) + " QPS",
          count(t.average) + " × " + plain(v.peakFactor) + " " + eq(t.average * v.peakFactor, t.peak) + " " + count(t.peak) + " QPS");
        show("backend", t.backend, count(t.backend),
          count(t.peak) + " × " + plain(v.fanOut) + " = " + count(t.backend));
      } else {
        clear(["perDay", "average", "peak", "backend"]);
      }

      inputs.peakQps.readOnly = followPeak.checked;
      if (followPeak.checked && t) inputs.peakQps.value = t.peak.toLocaleString("en-US", { maximumFractionDigits: 2 });
      v = read(SECTIONS[1], problems);
      if (v && followPeak.checked) v = t ? (v.peakQps = t.peak, v) : null;
      if (v) {
        var u = v.utilisation / 100;
        var r = E.replicas(v.peakQps, v.perReplica, u, v.zones, v.latency / 1000);
        show("atFull", r.atFull, String(r.atFull),
          count(v.peakQps) + " ÷ " + count(v.perReplica) + " " + eq(r.atFullRatio, r.atFull) + " " + plain(r.atFullRatio) +
          (same(r.atFullRatio, r.atFull) ? "" : ", so " + r.atFull));
        show("atTarget", r.atTarget, String(r.atTarget),
          count(v.peakQps) + " ÷ (" + count(v.perReplica) + " × " + plain(v.utilisation) + "%) " +
          eq(r.atTargetRatio, r.atTarget) + " " + plain(r.atTargetRatio) +
          (same(r.atTargetRatio, r.atTarget) ? "" : ", so " + r.atTarget));
        var zonesExact = v.zones > 1 ? (r.atTarget * v.zones) / (v.zones - 1) : r.atTarget;
        show("acrossZones", r.acrossZones, String(r.acrossZones), v.zones > 1
          ? r.atTarget + " × " + plain(v.zones) + " ÷ " + plain(v.zones - 1) + " " + eq(zonesExact, r.acrossZones) + " " +
            plain(zonesExact) + (same(zonesExact, r.acrossZones) ? "" : ", so " + r.acrossZones)
          : "One zone: no spare capacity for a zone loss");
        show("inFlight", r.inFlight, plain(r.inFlight),
          count(v.peakQps) + " × " + plain(v.latency / 1000) + " s = " + plain(r.inFlight));
      } else {
        clear(["atFull", "atTarget", "acrossZones", "inFlight"]);
      }

      v = read(SECTIONS[2], problems);
      if (v) {
        var s = E.storage(v.records, v.recordBytes, v.days, v.copies);
        show("daily", s.daily, bytesAuto(s.daily), count(v.records) + " × " + plain(v.recordBytes) + " bytes = " + bytesAuto(s.daily));
        show("retained", s.retained, bytesAuto(s.retained), bytesAuto(s.daily) + " × " + plain(v.days) + " = " + bytesAuto(s.retained));
        show("replicated", s.replicated, bytesAuto(s.replicated),
          bytesAuto(s.retained) + " × " + plain(v.copies) + " = " + bytesAuto(s.replicated));
      } else {
        clear(["daily", "retained", "replicated"]);
      }

      v = read(SECTIONS[3], problems);
      if (v) {
        var vec = E.vectors(v.rows, v.dims);
        var ann = E.annIndex(v.rows, v.dims, v.pqBytes, v.idBytes, v.links, v.linkBytes, v.hostGb * 1e9);
        var rd = count(v.rows) + " × " + plain(v.dims);
        show("fp32", vec.fp32, gigabytes(vec.fp32), rd + " × 4 bytes = " + gigabytes(vec.fp32));
        show("fp16", vec.fp16, gigabytes(vec.fp16), rd + " × 2 bytes = " + gigabytes(vec.fp16));
        show("int8", vec.int8, gigabytes(vec.int8), rd + " × 1 byte = " + gigabytes(vec.int8));
        show("adam", vec.adam, gigabytes(vec.adam), "3 × " + gigabytes(vec.fp32) + " = " + gigabytes(vec.adam));
        show("pq", ann.pq, gigabytes(ann.pq), count(v.rows) + " × " + plain(v.pqBytes) + " bytes = " + gigabytes(ann.pq));
        show("ivfpq", ann.ivfpq, gigabytes(ann.ivfpq),
          gigabytes(ann.pq) + " + " + count(v.rows) + " × " + plain(v.idBytes) + " bytes of ids = " + gigabytes(ann.ivfpq));
        show("ivfpqHosts", ann.ivfpqHosts, String(ann.ivfpqHosts),
          gigabytes(ann.ivfpq) + " ÷ " + plain(v.hostGb) + " GB, rounded up");
        show("hnswLinks", ann.hnswLinks, gigabytes(ann.hnswLinks),
          plain(v.links) + " × " + plain(v.linkBytes) + " = " + plain(ann.linkBytesPerVector) + " bytes per vector; " +
          count(v.rows) + " × " + plain(ann.linkBytesPerVector) + " bytes = " + gigabytes(ann.hnswLinks));
        show("hnswFp16", ann.hnswFp16, gigabytes(ann.hnswFp16),
          gigabytes(vec.fp16) + " + " + gigabytes(ann.hnswLinks) + " = " + gigabytes(ann.hnswFp16));
        show("hnswFp16Hosts", ann.hnswFp16Hosts, String(ann.hnswFp16Hosts),
          gigabytes(ann.hnswFp16) + " ÷ " + plain(v.hostGb) + " GB" +
          (same(ann.hnswFp16 / (v.hostGb * 1e9), ann.hnswFp16Hosts) ? " = " : ", rounded up: ") + ann.hnswFp16Hosts);
      } else {
        clear(["fp32", "fp16", "int8", "adam", "pq", "ivfpq", "ivfpqHosts", "hnswLinks", "hnswFp16", "hnswFp16Hosts"]);
      }

      if (problems.length) {
        say("Enter a positive number for: " + problems.join("; ") + ".", "warning");
        warned = true;
      } else if (warned) {
        say("");
        warned = false;
      }
    }

    compute();
  }

  document$.subscribe(function () {
    window.PracticeStore.startOnce("tool-estimation-calculator", init, "The calculator could not start ({error}). The formulas below work by hand.");
  });
})();
