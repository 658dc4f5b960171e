"""Check the arithmetic written in the pages: python3 scripts/check_figures.py [DOCS_DIR]

Every worked figure on the site is written at least once as an explicit
calculation, and this script recomputes each one:

    100M × 20 = 2B requests a day
    2B ÷ 86,400 s ≈ 23,148 QPS
    0.01 / (0.01 + 0.99 × 0.1) ≈ 9.2%
    16 × 0.0475 / 0.0005² = 0.76 / 0.00000025 = 3,040,000

What it reads (outside code blocks and inline code):

- numbers with thousands commas and decimals, a suffix K, M, B or T
  (thousand to trillion) or a following word thousand, million, billion or
  trillion, a % sign, and scientific notation like 1e9 or 3 × 10^12;
- units after a number (ms, s, seconds, minutes, hours, days, bytes, KB to PB,
  KiB to TiB, GB/s, FLOPs ...): a calculation passes if it holds with the units
  converted (1 GB = 10^9 bytes, 1 minute = 60 s) or with them ignored;
- operators × · * ÷ / + − (a spaced hyphen also works as minus), parentheses,
  powers (² ³ ^), and log2( ), ln( ), log10( ), sqrt( ), max( , ), min( , ).

`=` must hold to the precision written (= 11.5 million allows 11.45 to 11.55
million); `≈` or `~` to the last non-zero digit written (at most 5% off), or
within 2%.
A chain a = b = c checks each step. Only runs that contain an operator and a
relation are checked, so prose like "k = 10" is left alone.

Prints one line per wrong calculation, `path:line: what is wrong`; exits 1 if
any, 2 if the directory is missing. With --list, prints every calculation it
checked.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from problems import Problems, need_dir, read_text

SCALE_SUFFIX = {"K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}
SCALE_WORD = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
UNITS = {
    # time, in seconds
    "ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1, "sec": 1, "second": 1, "seconds": 1,
    "min": 60, "minute": 60, "minutes": 60, "h": 3600, "hour": 3600, "hours": 3600,
    "day": 86400, "days": 86400, "week": 604800, "weeks": 604800,
    # data, in bytes
    "bytes": 1, "byte": 1, "bits": 1 / 8, "bit": 1 / 8,
    "KB": 1e3, "MB": 1e6, "GB": 1e9, "TB": 1e12, "PB": 1e15,
    "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40, "PiB": 2**50,
    "KB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9, "TB/s": 1e12, "Gbps": 1e9 / 8, "Mbps": 1e6 / 8,
    # compute
    "FLOPs": 1, "FLOP": 1, "FLOP/s": 1, "TFLOPs": 1e12, "TFLOP/s": 1e12, "PFLOP/s": 1e15,
    "TFLOPS": 1e12, "PFLOPS": 1e15, "GFLOPs": 1e9, "GFLOPS": 1e9,
    # counts that read naturally after a number
    "QPS": 1, "qps": 1, "requests": 1, "users": 1, "items": 1, "rows": 1, "examples": 1,
    "candidates": 1, "vectors": 1, "dimensions": 1, "dims": 1, "floats": 1, "replicas": 1,
    "GPUs": 1, "GPU": 1, "servers": 1, "machines": 1, "cores": 1, "shards": 1,
}
FUNCS = {"log2": math.log2, "ln": math.log, "log10": math.log10, "sqrt": math.sqrt,
         "max": max, "min": min, "log": math.log}
SUPERSCRIPT = {"²": 2, "³": 3}

NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+"
UNIT_ALT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
TOKEN = re.compile(
    rf"""
    (?P<num>(?:{NUMBER}))(?P<suffix>[KMBT](?![A-Za-z]))?(?P<pct>%)?
        (?:\s?(?P<word>thousand|million|billion|trillion)\b)?
        (?:\s?(?P<unit>(?:{UNIT_ALT}))(?![A-Za-z/]))?
    |(?P<func>log2|log10|ln|sqrt|max|min)\s*\(
    |(?P<op>[×·*÷/+−^()]|,(?=\s*\d)|\s-\s|\s–\s)
    |(?P<sup>[²³])
    |(?P<rel>=|≈|~)
    |(?P<space>\s+)
    """,
    re.X,
)


@dataclass
class Num:
    raw: float  # the number as written, suffixes applied, units ignored
    unit: float  # unit factor (1 when none)
    text: str
    decimals: int  # digits after the decimal point as written
    scale: float  # multiplier applied by a suffix, word or %


def parse_number(m: re.Match) -> Num:
    text = m.group("num").replace(",", "")
    value = float(text)
    decimals = len(text.split(".")[1]) if "." in text and "e" not in text.lower() else 0
    scale = 1.0
    if m.group("suffix"):
        scale *= SCALE_SUFFIX[m.group("suffix")]
    if m.group("word"):
        scale *= SCALE_WORD[m.group("word")]
    if m.group("pct"):
        scale /= 100
    unit = UNITS.get(m.group("unit") or "", 1)
    return Num(value * scale, unit, m.group(0).strip(), decimals, scale)


class Expr:
    """A tiny recursive-descent evaluator over the tokens of one side."""

    def __init__(self, tokens: list, use_units: bool) -> None:
        self.tokens, self.i, self.units = tokens, 0, use_units

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def parse(self) -> float:
        value = self.sum()
        if self.peek() is not None:
            raise ValueError("unexpected token")
        return value

    def sum(self) -> float:
        value = self.product()
        while self.peek() in ("+", "−", "-"):
            op = self.take()
            rhs = self.product()
            value = value + rhs if op == "+" else value - rhs
        return value

    def product(self) -> float:
        value = self.power()
        while self.peek() in ("×", "·", "*", "÷", "/"):
            op = self.take()
            rhs = self.power()
            value = value / rhs if op in ("÷", "/") else value * rhs
        return value

    def power(self) -> float:
        value = self.atom()
        while True:
            tok = self.peek()
            if isinstance(tok, tuple) and tok[0] == "sup":
                self.take()
                value = value ** tok[1]
            elif tok == "^":
                self.take()
                value = value ** self.atom()
            else:
                return value

    def atom(self) -> float:
        tok = self.take()
        if isinstance(tok, Num):
            return tok.raw * (tok.unit if self.units else 1)
        if isinstance(tok, tuple) and tok[0] == "func":
            args = [self.sum()]
            while self.peek() == ",":
                self.take()
                args.append(self.sum())
            if self.take() != ")":
                raise ValueError("unclosed function")
            return FUNCS[tok[1]](*args)
        if tok == "(":
            value = self.sum()
            if self.take() != ")":
                raise ValueError("unclosed parenthesis")
            return value
        if tok in ("−", "-"):
            return -self.atom()
        raise ValueError("expected a number")


def ends_operand(tok) -> bool:
    return isinstance(tok, Num) or tok == ")" or (isinstance(tok, tuple) and tok[0] == "sup")


def tokenize(text: str):
    """Yield runs of calculation tokens, each as (start offset, tokens)."""
    pos, run, start = 0, [], None
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            if run:
                yield start, run
            run, start = [], None
            pos += 1
            continue
        kind = m.lastgroup
        starts_operand = m.group("num") is not None or m.group("func") or (m.group("op") or "").strip() == "("
        if starts_operand and run and ends_operand(run[-1]):
            # Two operands side by side ("days 84–90 (76 + 7)") are two runs, not one.
            yield start, run
            run, start = [], None
        if m.group("num") is not None:
            if start is None:
                start = m.start()
            run.append(parse_number(m))
        elif m.group("func"):
            start = m.start() if start is None else start
            run.append(("func", m.group("func")))
        elif m.group("op"):
            op = m.group("op").strip()
            op = "−" if op in ("-", "–") else op
            if start is not None or op == "(":
                start = m.start() if start is None else start
                run.append(op)
        elif m.group("sup"):
            if start is not None:
                run.append(("sup", SUPERSCRIPT[m.group("sup")]))
        elif m.group("rel"):
            if start is not None:
                run.append(("rel", "≈" if m.group("rel") in "≈~" else "="))
        elif kind == "space":
            pass
        pos = m.end()
    if run:
        yield start, run


def trim(tokens: list) -> list:
    """Drop unbalanced parentheses and dangling operators at a side's edges."""
    while tokens and tokens[0] in ("×", "·", "*", "÷", "/", "+", ",", ")"):
        tokens = tokens[1:]
    while tokens and tokens[-1] in ("×", "·", "*", "÷", "/", "+", "−", ",", "("):
        tokens = tokens[:-1]
    depth_open = sum(1 for t in tokens if t == "(" or (isinstance(t, tuple) and t[0] == "func"))
    depth_close = sum(1 for t in tokens if t == ")")
    while depth_open > depth_close and tokens and tokens[0] == "(":
        tokens, depth_open = tokens[1:], depth_open - 1
    while depth_close > depth_open and tokens and tokens[-1] == ")":
        tokens, depth_close = tokens[:-1], depth_close - 1
    return tokens


def tolerance(num: Num, relation: str) -> float:
    """How far the computed value may be from a written number."""
    unit = 10 ** -num.decimals * num.scale
    if relation == "=":
        return 0.5 * unit * 1.0001 + 1e-12 * abs(num.raw)
    digits = num.text.replace(",", "")
    m = re.match(r"\d+(?:\.\d+)?", digits)
    mantissa = m.group(0) if m else digits
    if "." not in mantissa:
        stripped = mantissa.rstrip("0")
        unit = 10 ** (len(mantissa) - len(stripped)) * num.scale if stripped else unit
    # Rounding to the last non-zero digit is fine ("≈ 23,000" for 23,148), but
    # never looser than 5%, and anything within 2% passes.
    return max(min(0.5 * unit * 1.0001, 0.05 * abs(num.raw)), 0.02 * abs(num.raw))


def close(left: float, right_tokens: list, relation: str, right_value: float, units: bool) -> bool:
    single = len(right_tokens) == 1 and isinstance(right_tokens[0], Num)
    if single:
        num = right_tokens[0]
        return abs(left - right_value) <= tolerance(num, relation) * (num.unit if units else 1)
    rel = 0.02 if relation == "≈" else 0.005
    return math.isclose(left, right_value, rel_tol=rel, abs_tol=1e-12)


@dataclass
class Calc:
    line: int
    text: str
    ok: bool
    detail: str


def check_run(tokens: list) -> tuple[bool, str] | None:
    """Check one run; None if it is not a calculation (no operator or no relation)."""
    sides, relations, side = [], [], []
    for tok in tokens:
        if isinstance(tok, tuple) and tok[0] == "rel":
            sides.append(side)
            relations.append(tok[1])
            side = []
        else:
            side.append(tok)
    sides.append(side)
    if not relations:
        return None
    sides = [trim(s) for s in sides]
    ops = {"×", "·", "*", "÷", "/", "+", "−", "^"}
    has_op = any((isinstance(t, str) and t in ops) or (isinstance(t, tuple) and t[0] in ("func", "sup")) for s in sides for t in s)
    if not has_op or any(not s for s in sides):
        return None
    if all(len(s) == 1 for s in sides):
        return None
    for a, b, relation in zip(sides, sides[1:], relations):
        results = []
        for units in (True, False):
            try:
                left = Expr(a, units).parse()
                right = Expr(b, units).parse()
            except (ValueError, ZeroDivisionError, OverflowError, TypeError):
                return None  # not arithmetic we can read: leave it to a person
            results.append((left, right, close(left, b, relation, right, units)))
        if not any(ok for _, _, ok in results):
            left, right, _ = results[1]
            return False, f"computes to {fmt(left)}, not {fmt(right)}"
    return True, ""


def fmt(value: float) -> str:
    if value != 0 and (abs(value) >= 1e15 or abs(value) < 1e-3):
        return f"{value:.4g}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def strip_markup(text: str) -> str:
    text = re.sub(r"`[^`]*`", " ", text)  # inline code is not prose arithmetic
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # keep link text, drop URL
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\{[^}]*#[^}]*\}", " ", text)  # heading attributes
    return text.replace("**", "").replace("__", "").replace("\\", "")


def paragraphs(text: str):
    """Yield (first line number, paragraph text) outside fenced code blocks.
    Table rows are yielded one cell at a time."""
    fence = None
    buf, start = [], 0
    for n, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^\s*(`{3,}|~{3,})", line)
        if m:
            if fence is None:
                fence = m.group(1)
            elif m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            if buf:
                yield start, " ".join(buf)
                buf = []
            continue
        if fence is not None:
            continue
        stripped = line.strip()
        if stripped.startswith("|"):
            if buf:
                yield start, " ".join(buf)
                buf = []
            for cell in re.split(r"(?<!\\)\|", stripped):
                yield n, cell
            continue
        if not stripped or re.match(r"^(#{1,6}\s|[-*+]\s|\d+\.\s|!!!|\?\?\?|===)", stripped):
            if buf:
                yield start, " ".join(buf)
                buf = []
            if stripped:
                start, buf = n, [re.sub(r"^(#{1,6}|[-*+]|\d+\.)\s+", "", stripped)]
            continue
        if not buf:
            start = n
        buf.append(stripped)
    if buf:
        yield start, " ".join(buf)


def split_top_level_commas(run: list) -> list[list]:
    """A comma outside a function's parentheses separates two phrases
    ("50 ms, 2,000 × 0.05 = 100"): check each part on its own."""
    parts, part, depth = [], [], 0
    for tok in run:
        if tok == "(" or (isinstance(tok, tuple) and tok[0] == "func"):
            depth += 1
        elif tok == ")":
            depth = max(0, depth - 1)
        if tok == "," and depth == 0:
            parts.append(part)
            part = []
            continue
        part.append(tok)
    parts.append(part)
    return [p for p in parts if p]


def check_file(path: Path, problems: Problems) -> list[Calc]:
    text = read_text(path, problems)
    if text is None:
        return []
    calcs = []
    for line, para in paragraphs(text):
        para = strip_markup(para)
        for offset, run in tokenize(para):
          for tokens in split_top_level_commas(run):
            result = check_run(tokens)
            if result is None:
                continue
            ok, detail = result
            snippet = " ".join(para[offset:].split())[:90]
            calcs.append(Calc(line, snippet, ok, detail))
            if not ok:
                problems.add(path, line, f"wrong figure: {snippet!r} {detail}")
    return calcs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", type=Path, nargs="?", default=Path("docs"))
    parser.add_argument("--list", action="store_true", help="print every calculation checked")
    args = parser.parse_args(argv)
    error = need_dir(args.docs, "docs directory")
    if error:
        print(error)
        return 2
    problems = Problems()
    total = 0
    for path in sorted(args.docs.rglob("*.md")):
        calcs = check_file(path, problems)
        total += len(calcs)
        if args.list:
            for c in calcs:
                print(f"{path}:{c.line}: {'ok' if c.ok else 'WRONG'}: {c.text}")
    return problems.report(f"check_figures: {total} calculations recomputed, all hold")


if __name__ == "__main__":
    sys.exit(main())
