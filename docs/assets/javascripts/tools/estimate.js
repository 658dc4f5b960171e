/* The scale-estimation formulas of the estimation chapter (docs/estimation/index.md),
 * as pure functions: numbers in, numbers out, no page, no state. The
 * estimation calculator uses them, and the tests check that they reproduce the
 * chapter's worked examples.
 *
 * Rounding follows the chapter: a QPS figure is rounded to three significant
 * figures and the next step starts from the rounded number
 * ("1B ÷ 86,400 s ≈ 11,600 QPS", then "11,600 × 3 = 34,800 QPS at peak").
 * Byte counts are exact products. Replica counts round up.
 */
(function (global) {
  "use strict";

  var SECONDS_PER_DAY = 86400;

  /* 11574.07 -> 11600 with 3 significant figures. */
  function roundSig(x, digits) {
    if (!x || !isFinite(x)) return x;
    var scale = Math.pow(10, digits - Math.ceil(Math.log10(Math.abs(x))));
    return Math.round(x * scale) / scale;
  }

  /* Round up, forgiving floating-point dust: 58.000000000001 -> 58. */
  function ceil(x) {
    return Math.ceil(x - 1e-9);
  }

  /* Requests a day = DAU × actions per user per day; average QPS = a day ÷ 86,400;
   * peak = average × peak factor; backend QPS = peak × fan-out. */
  function traffic(dau, perUser, peakFactor, fanOut, round) {
    var r = round === false ? function (x) { return x; } : function (x) { return roundSig(x, 3); };
    var perDay = dau * perUser;
    var averageExact = perDay / SECONDS_PER_DAY;
    var average = r(averageExact);
    var peak = r(average * peakFactor);
    return {
      perDay: perDay,
      averageExact: averageExact,
      average: average,
      peakExact: averageExact * peakFactor,
      peak: peak,
      backend: peak * fanOut
    };
  }

  /* Storage = records a day × bytes each × days kept × copies. */
  function storage(perDay, bytesEach, days, copies) {
    var daily = perDay * bytesEach;
    var retained = daily * days;
    return { daily: daily, retained: retained, replicated: retained * copies };
  }

  /* Vectors: rows × dimensions × bytes per value; Adam training keeps fp32
   * weights and two moments, 3 × the fp32 size. */
  function vectors(rows, dims) {
    var fp32 = rows * dims * 4;
    return { fp32: fp32, fp16: rows * dims * 2, int8: rows * dims, adam: 3 * fp32 };
  }

  /* ANN indexes: PQ codes plus an id per vector (IVF-PQ); HNSW links at layer 0
   * (links × bytes per link per vector) plus the vectors in fp16; hosts needed
   * for each at a given RAM per host (all in bytes). */
  function annIndex(rows, dims, pqBytes, idBytes, links, linkBytes, hostBytes) {
    var pq = rows * pqBytes;
    var ids = rows * idBytes;
    var hnswLinks = rows * links * linkBytes;
    var hnswFp16 = rows * dims * 2 + hnswLinks;
    return {
      pq: pq,
      ids: ids,
      ivfpq: pq + ids,
      ivfpqHosts: ceil((pq + ids) / hostBytes),
      linkBytesPerVector: links * linkBytes,
      hnswLinks: hnswLinks,
      hnswFp16: hnswFp16,
      hnswFp16Hosts: ceil(hnswFp16 / hostBytes)
    };
  }

  /* Replicas = peak ÷ (per-replica throughput × target utilisation), rounded up;
   * across zones the survivors carry the peak: × zones ÷ (zones − 1).
   * In flight (Little's law) = QPS × latency in seconds. */
  function replicas(peak, perReplica, utilisation, zones, latencySeconds) {
    var atFullRatio = peak / perReplica;
    var atTargetRatio = peak / (perReplica * utilisation);
    var atTarget = ceil(atTargetRatio);
    return {
      atFullRatio: atFullRatio,
      atFull: ceil(atFullRatio),
      atTargetRatio: atTargetRatio,
      atTarget: atTarget,
      acrossZones: zones > 1 ? ceil((atTarget * zones) / (zones - 1)) : atTarget,
      inFlight: peak * latencySeconds
    };
  }

  var api = {
    SECONDS_PER_DAY: SECONDS_PER_DAY,
    roundSig: roundSig,
    traffic: traffic,
    storage: storage,
    vectors: vectors,
    annIndex: annIndex,
    replicas: replicas
  };
  if (typeof module === "object" && module.exports) module.exports = api;
  global.Estimate = api;
})(typeof window !== "undefined" ? window : globalThis);
