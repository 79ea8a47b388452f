#!/usr/bin/env python3
"""Validates the skill dictionary matcher/skills.yaml and prints its counts per kind.

usage: check_dictionary.py [DICT] [--parser auto|pyyaml|builtin]
                           [--postings postings.json [--vocab vocabulary.json]] [--text FILE ...]

DICT defaults to ../skills.yaml next to this script. Checks: the YAML loads; version is 1;
korean_suffixes is a list of Hangul words; there are at least 650 skills; each skill has only
the known keys with the right types; names are unique; every name, alias and exact form is
NFKC-normalised, free of surrounding spaces, and (NFKC, ASCII case-folded) belongs to one skill
only, so no alias is shared by two skills or equals another skill's name; no alias is repeated
inside a skill or given both as alias and as exact form; every broader name exists, none is the
skill itself, and the broader links have no cycle; kinds are in the allowed set; no name, alias
or exact form is a single Hangul syllable unless single_syllables lists it, and a single Latin
letter only as an exact form;
exact forms contain a Latin letter; not_before / not_after are non-empty strings. Two-letter
Latin forms outside `exact` are listed as notes to look at.

--postings runs a small model of the matcher (the rules in the header of skills.yaml) over
Wanted-style postings (the intro, main tasks, requirements and preferred fields) and lists, per
posting, gold skills it cannot reach and skills it finds beyond the gold; --text prints what it
finds in plain text files. Both are aids for reviewing aliases, not the matcher itself.

Exit status: 0 when the dictionary is valid, 1 when it is not, 2 when it cannot be read.
Standard library only (Python 3.11); PyYAML is used when installed unless --parser says otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from collections import Counter, defaultdict

KINDS = {"language", "framework", "library", "database", "cloud", "tool", "platform", "method",
         "domain", "certification", "spoken_language", "industry", "field"}
SKILL_KEYS = {"name", "kind", "aliases", "broader", "exact", "not_before", "not_after"}
TOP_KEYS = {"version", "korean_suffixes", "single_syllables", "skills"}
MIN_SKILLS = 650
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DICT = os.path.join(HERE, "..", "skills.yaml")


# ------------------------------------------------------------------------------------------
# Loading: PyYAML when present, else a parser for the subset skills.yaml is written in
# (comments, top-level `key: value`, a block sequence of flat mappings, flow sequences of
# plain or quoted scalars, possibly spanning lines).

class ParseError(Exception):
    pass


def _strip_comment(line: str) -> str:
    quote = None
    i = 0
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'" and (i == 0 or line[i - 1] in " [,:"):
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
        i += 1
    return line.rstrip()


def _scalar(text: str, where: str):
    t = text.strip()
    if t.startswith('"'):
        try:
            return json.loads(t)
        except ValueError as e:
            raise ParseError(f"{where}: bad double-quoted scalar {t!r}: {e}") from None
    if t.startswith("'"):
        if len(t) < 2 or not t.endswith("'"):
            raise ParseError(f"{where}: bad single-quoted scalar {t!r}")
        return t[1:-1].replace("''", "'")
    if t.isdigit():
        return int(t)
    if t in ("true", "false"):
        return t == "true"
    if t in ("null", "~", ""):
        return None
    return t


def _flow_seq(text: str, where: str) -> list:
    t = text.strip()
    if not (t.startswith("[") and t.endswith("]")):
        raise ParseError(f"{where}: expected a flow sequence, got {t[:40]!r}")
    body, items, cur, quote, i = t[1:-1], [], "", None, 0
    while i < len(body):
        c = body[i]
        if quote:
            cur += c
            if c == "\\" and quote == '"' and i + 1 < len(body):
                cur += body[i + 1]
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'" and not cur.strip():
            quote = c
            cur += c
        elif c == ",":
            items.append(cur)
            cur = ""
        elif c in "[]{}":
            raise ParseError(f"{where}: nested collections are not supported")
        else:
            cur += c
        i += 1
    if quote:
        raise ParseError(f"{where}: unterminated quote")
    if cur.strip():
        items.append(cur)
    elif items:
        raise ParseError(f"{where}: trailing comma")
    return [_scalar(x, where) for x in items]


def _value(text: str, where: str):
    t = text.strip()
    return _flow_seq(t, where) if t.startswith("[") else _scalar(t, where)


def builtin_load(text: str) -> dict:
    # Join flow sequences that span lines, dropping comments and blank lines first.
    logical, pending, start = [], None, 0
    for n, raw in enumerate(text.splitlines(), 1):
        line = _strip_comment(raw)
        if pending is not None:
            pending += " " + line.strip()
            if _balanced(pending):
                logical.append((start, pending))
                pending = None
            continue
        if not line.strip():
            continue
        if "[" in line and not _balanced(line):
            pending, start = line, n
            continue
        logical.append((n, line))
    if pending is not None:
        raise ParseError(f"line {start}: unterminated flow sequence")

    doc: dict = {}
    items: list | None = None
    current: dict | None = None
    for n, line in logical:
        where = f"line {n}"
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        if indent == 0:
            key, sep, rest = body.partition(":")
            if not sep:
                raise ParseError(f"{where}: expected 'key: value'")
            key = key.strip()
            if key in doc:
                raise ParseError(f"{where}: duplicate key {key!r}")
            if rest.strip():
                doc[key] = _value(rest, where)
                items = None
            else:
                items = doc[key] = []
            current = None
            continue
        if items is None:
            raise ParseError(f"{where}: unexpected indented line")
        if body.startswith("- "):
            current = {}
            items.append(current)
            body = body[2:].strip()
        elif current is None:
            raise ParseError(f"{where}: mapping entry outside a list item")
        key, sep, rest = body.partition(":")
        if not sep:
            raise ParseError(f"{where}: expected 'key: value'")
        key = key.strip()
        if key in current:
            raise ParseError(f"{where}: duplicate key {key!r}")
        current[key] = _value(rest, where)
    return doc


def _balanced(s: str) -> bool:
    depth, quote, i = 0, None, 0
    while i < len(s):
        c = s[i]
        if quote:
            if c == "\\" and quote == '"':
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'" and (i == 0 or s[i - 1] in " [,"):
            quote = c
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        i += 1
    return depth <= 0


def load(path: str, parser: str) -> dict:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if parser in ("auto", "pyyaml"):
        try:
            import yaml  # type: ignore
        except ImportError:
            if parser == "pyyaml":
                raise
        else:
            return yaml.safe_load(text)
    return builtin_load(text)


# ------------------------------------------------------------------------------------------
# Validation

def fold(s: str) -> str:
    """NFKC, then ASCII letters lower-cased: the matcher's comparison key."""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in s)


def is_hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" or "\u3130" <= c <= "\u318f"


def is_latin_letter(c: str) -> bool:
    return c.isalpha() and "LATIN" in unicodedata.name(c, "")


def is_latin_or_digit(c: str) -> bool:
    return ("0" <= c <= "9") or is_latin_letter(c)


def validate(doc) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    notes: list[str] = []
    if not isinstance(doc, dict):
        return ["the document is not a mapping"], notes
    for k in doc:
        if k not in TOP_KEYS:
            errors.append(f"unknown top-level key {k!r}")
    if doc.get("version") != 1:
        errors.append(f"version is {doc.get('version')!r}, want 1")
    suffixes = doc.get("korean_suffixes")
    if not isinstance(suffixes, list) or not suffixes:
        errors.append("korean_suffixes is missing or empty")
    else:
        for sfx in suffixes:
            if not isinstance(sfx, str) or not sfx or not all(is_hangul(c) for c in sfx):
                errors.append(f"korean_suffixes: {sfx!r} is not a Hangul word")
        dup = [s for s, n in Counter(suffixes).items() if n > 1]
        if dup:
            errors.append(f"korean_suffixes repeats {dup}")
    single = doc.get("single_syllables", []) or []
    if not isinstance(single, list) or not all(isinstance(x, str) and len(x) == 1 and is_hangul(x)
                                               for x in single):
        errors.append("single_syllables must be a list of single Hangul syllables")
        single = []
    skills = doc.get("skills")
    if not isinstance(skills, list):
        return errors + ["skills is missing or not a list"], notes
    if len(skills) < MIN_SKILLS:
        errors.append(f"{len(skills)} skills, want at least {MIN_SKILLS}")

    names: dict[str, int] = {}
    owner: dict[str, str] = {}  # folded form -> skill name
    good: list[dict] = []
    for i, sk in enumerate(skills):
        where = f"skills[{i}]"
        if not isinstance(sk, dict):
            errors.append(f"{where}: not a mapping")
            continue
        name = sk.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: name missing or not a string")
            continue
        where = f"{name!r}"
        for k in sk:
            if k not in SKILL_KEYS:
                errors.append(f"{where}: unknown key {k!r}")
        if name in names:
            errors.append(f"{where}: name used twice")
        names[name] = i
        if sk.get("kind") not in KINDS:
            errors.append(f"{where}: kind {sk.get('kind')!r} is not one of {sorted(KINDS)}")
        lists = {}
        for k in ("aliases", "broader", "exact", "not_before", "not_after"):
            v = sk.get(k, [])
            if v is None:
                v = []
            if k in ("aliases", "broader") and k not in sk:
                errors.append(f"{where}: {k} missing (write [] for none)")
            if not isinstance(v, list) or not all(isinstance(x, str) and x != "" for x in v):
                errors.append(f"{where}: {k} must be a list of non-empty strings")
                v = [x for x in v if isinstance(x, str) and x] if isinstance(v, list) else []
            lists[k] = v
        exact, aliases = lists["exact"], lists["aliases"]
        exact_folded = {fold(e) for e in exact}
        exact_set = set(exact)

        forms = [("name", name)] + [("alias", a) for a in aliases] + [("exact", e) for e in exact]
        seen_here: dict[str, str] = {}
        for role, form in forms:
            if form != form.strip():
                errors.append(f"{where}: {role} {form!r} has surrounding spaces")
            if unicodedata.normalize("NFKC", form) != form:
                errors.append(f"{where}: {role} {form!r} is not NFKC-normalised (the matcher "
                              f"would never see it)")
            f = fold(form)
            if len(form) == 1 and is_hangul(form) and form not in single:
                errors.append(f"{where}: {role} {form!r} is a single Hangul syllable outside "
                              f"single_syllables")
            if len(form) == 1 and is_latin_letter(form) and not (role == "exact" or form in exact_set):
                errors.append(f"{where}: {role} {form!r} is a single Latin letter outside exact")
            if (len(form) == 2 and all(is_latin_letter(c) for c in form) and role == "alias"):
                notes.append(f"{where}: two-letter alias {form!r} is matched in any case")
            if role == "alias" and f in exact_folded:
                errors.append(f"{where}: alias {form!r} is also an exact form; keep one")
            if role == "exact" and not any(is_latin_letter(c) for c in form):
                errors.append(f"{where}: exact form {form!r} has no Latin letter")
            if f in seen_here and not (role == "exact" and seen_here[f] in ("exact", "name")):
                errors.append(f"{where}: {role} {form!r} repeats {seen_here[f]} after folding")
            seen_here.setdefault(f, role)
            other = owner.get(f)
            if other is not None and other != name:
                errors.append(f"{where}: {role} {form!r} already belongs to {other!r}")
            owner.setdefault(f, name)
        if len(name) == 1 and name not in exact_set:
            pass  # reported above as a single Latin letter outside exact
        good.append({"name": name, "broader": lists["broader"]})

    # broader: exists, not self, no cycle
    graph: dict[str, list[str]] = {}
    for sk in good:
        for b in sk["broader"]:
            if b == sk["name"]:
                errors.append(f"{sk['name']!r}: broader names itself")
            elif b not in names:
                errors.append(f"{sk['name']!r}: broader {b!r} is not a skill name")
        graph[sk["name"]] = [b for b in sk["broader"] if b in names and b != sk["name"]]
        if len(set(sk["broader"])) != len(sk["broader"]):
            errors.append(f"{sk['name']!r}: broader repeats a name")
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]):
        state[n] = 1
        for b in graph.get(n, []):
            if state.get(b) == 1:
                cyc = path[path.index(b):] + [b] if b in path else [n, b]
                errors.append("broader cycle: " + " -> ".join(cyc))
            elif state.get(b) is None:
                visit(b, path + [b])
        state[n] = 2

    for n in graph:
        if state.get(n) is None:
            visit(n, [n])
    return errors, notes


def counts(doc) -> tuple[Counter, int, int]:
    per_kind = Counter(sk.get("kind") for sk in doc["skills"] if isinstance(sk, dict))
    aliases = sum(len(sk.get("aliases") or []) + len(sk.get("exact") or [])
                  for sk in doc["skills"] if isinstance(sk, dict))
    korean = sum(1 for sk in doc["skills"] if isinstance(sk, dict)
                 for a in (sk.get("aliases") or []) if any(is_hangul(c) for c in a))
    return per_kind, aliases, korean


# ------------------------------------------------------------------------------------------
# A small model of the matcher, for reviewing aliases against real text.

class Model:
    def __init__(self, doc):
        self.suffixes = tuple(doc["korean_suffixes"])
        self.forms: list[tuple[str, str, bool, dict]] = []  # folded, original, exact, skill
        for sk in doc["skills"]:
            exact = sk.get("exact") or []
            exact_f = {fold(e) for e in exact}
            for form in [sk["name"], *(sk.get("aliases") or [])]:
                if fold(form) in exact_f:
                    continue  # governed by its exact entry
                self.forms.append((fold(form), form, False, sk))
            for form in exact:
                self.forms.append((fold(form), form, True, sk))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        text = unicodedata.normalize("NFKC", text)
        low = fold(text)
        hits = []
        for f, orig, exact, sk in self.forms:
            start = low.find(f)
            while start != -1:
                end = start + len(f)
                if self._valid(text, low, start, end, f, orig, exact, sk):
                    hits.append((start, end, sk["name"]))
                start = low.find(f, start + 1)
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out, last = [], -1
        for h in hits:
            if h[0] >= last:
                out.append(h)
                last = h[1]
        return out

    def _valid(self, text, low, start, end, f, orig, exact, sk) -> bool:
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        first, last = f[0], f[-1]
        if is_latin_or_digit(first) and before and is_latin_or_digit(before):
            return False
        if is_latin_or_digit(last) and after and is_latin_or_digit(after):
            j = end
            if len(f) >= 3 and after.isdigit():
                while j < len(text) and (text[j].isdigit() or text[j] == "."):
                    j += 1
                if j < len(text) and is_latin_letter(text[j]):
                    return False
            else:
                return False
        if is_hangul(first) and before and is_hangul(before):
            return False
        if is_hangul(last) and after and is_hangul(after):
            if not low[end:].startswith(self.suffixes):
                return False
        if exact:
            ls = text.rfind("\n", 0, start) + 1
            le = text.find("\n", end)
            line = text[ls: le if le != -1 else len(text)]
            if not any(is_hangul(c) for c in line) and text[start:end] != orig:
                return False
        rest = low[end:]
        if any(rest.startswith(fold(x)) for x in sk.get("not_before") or []):
            return False
        head = low[:start]
        if any(head.endswith(fold(x)) for x in sk.get("not_after") or []):
            return False
        return True


def check_postings(doc, postings_path: str, vocab_path: str | None) -> None:
    model = Model(doc)
    vocab = {}
    if vocab_path:
        for canon, aliases in json.load(open(vocab_path, encoding="utf-8")).items():
            for a in [canon, *aliases]:
                vocab[fold(a)] = canon
    canon = lambda n: vocab.get(fold(n), n)  # noqa: E731
    tp = fp = fn = 0
    for p in json.load(open(postings_path, encoding="utf-8")):
        text = "\n".join([p.get("position", "")] + [p.get(k) or "" for k in
                         ("intro", "main_tasks", "requirements", "preferred_points")])
        found = defaultdict(list)
        for s, e, name in model.find(text):
            found[canon(name)].append(text[s:e])
        g = p.get("gold", {})
        gold = {canon(x) for sec in ("required", "preferred", "other") for x in g.get(sec, [])}
        missed = sorted(gold - found.keys())
        extra = sorted(found.keys() - gold)
        tp += len(gold & found.keys())
        fp += len(extra)
        fn += len(missed)
        print(f"{p.get('id')} {p.get('position')}")
        if missed:
            print("   unreachable gold:", ", ".join(missed))
        if extra:
            print("   beyond gold:", ", ".join(f"{x} ({'/'.join(sorted(set(found[x])))})"
                                            for x in extra))
    print(f"postings: {tp} gold skills reached, {fn} unreachable, {fp} found beyond the gold")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dict", nargs="?", default=DEFAULT_DICT)
    ap.add_argument("--parser", choices=("auto", "pyyaml", "builtin"), default="auto")
    ap.add_argument("--postings")
    ap.add_argument("--vocab")
    ap.add_argument("--text", nargs="*", default=[])
    ap.add_argument("--notes", action="store_true", help="print notes (two-letter aliases)")
    a = ap.parse_args()
    try:
        doc = load(a.dict, a.parser)
    except (OSError, ParseError, ImportError) as e:
        print(f"{a.dict}: cannot load: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # a YAML syntax error from PyYAML
        print(f"{a.dict}: YAML does not load: {e}", file=sys.stderr)
        return 1
    errors, notes = validate(doc)
    for e in errors:
        print("ERROR", e)
    if a.notes:
        for n in notes:
            print("note ", n)
    if isinstance(doc, dict) and isinstance(doc.get("skills"), list):
        per_kind, n_forms, n_korean = counts(doc)
        print(f"{len(doc['skills'])} skills, {n_forms} aliases and exact forms "
              f"({n_korean} Korean), {len(doc.get('korean_suffixes') or [])} korean_suffixes")
        for kind, n in sorted(per_kind.items(), key=lambda kv: (-kv[1], str(kv[0]))):
            print(f"  {kind:16} {n}")
    if not errors:
        if a.postings:
            check_postings(doc, a.postings, a.vocab)
        if a.text:
            model = Model(doc)
            for path in a.text:
                t = unicodedata.normalize("NFKC", open(path, encoding="utf-8").read())
                print(f"== {path}")
                for s, e, name in model.find(t):
                    print(f"  {s}-{e} {t[s:e]!r} -> {name}")
    print("OK" if not errors else f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
