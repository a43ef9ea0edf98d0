#!/usr/bin/env python3
"""org_score.py: how close a draft organisation block is to a reference one.

    python3 tests/org_score.py REFERENCE.xml DRAFT.xml [--min WHAT:P:R ...]

Both are Akoma Ntoso files with a circ:organisation block in
meta/proprietary (namespace urn:x-circ:organisation:1). Only the units of
the organisation itself are compared (external="true" ones are left out of
both). A draft unit is the reference unit of the same name (TLCOrganization
showAs, compared without case, accents, the kind of apostrophe, spaces or a
leading article); units of one name are paired in order. Then, each as
precision (right / proposed) and recall (right / in the reference):

  units      the units paired
  parents    a unit's parent is the pair of the reference unit's parent
  heads      a unit's head has the title (TLCRole showAs) of the reference
             head; a head proposed for a unit the reference gives none is
             counted apart ("unjudged"), not as right nor wrong
  reporting  (unit, title of the role it reports to)
  functions  (unit, source) of circ:functions and circ:headFunctions
  composition (unit, source) of circ:composition

--min WHAT:P:R exits 1 when WHAT's precision or recall is below P or R
(tests/import_org.test keeps the draft of the bundled bulletin from
regressing this way). Exit 2 on a file without an organisation block.
"""
import sys
import unicodedata
import xml.etree.ElementTree as ET

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
ORG = "{urn:x-circ:organisation:1}"


def norm(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u00a0", " ").lower()
    s = " ".join(s.split())
    for art in ("le ", "la ", "les ", "l'", "the ", "un ", "une ", "a ", "an "):
        if s.startswith(art):
            s = s[len(art):]
            break
    return s


def load(path):
    root = ET.parse(path).getroot()
    tlc = {}
    for tag in ("TLCOrganization", "TLCRole"):
        for e in root.iter(AKN + tag):
            tlc[e.get("eId")] = e.get("showAs", "")
    block = next(root.iter(ORG + "organisation"), None)
    if block is None:
        sys.exit(f"org_score: {path}: no organisation block")
    units = {}
    for u in block.iter(ORG + "unit"):
        if u.get("external") == "true":
            continue
        oid = u.get("org", "").lstrip("#")
        head = u.find(ORG + "head")
        units[oid] = {
            "name": norm(tlc.get(oid, oid)),
            "parent": (u.get("parent") or "").lstrip("#") or None,
            "head": norm(tlc.get(head.get("role", "").lstrip("#"), "")) if head is not None else None,
            "reports": {norm(tlc.get(r.get("role", "").lstrip("#"), ""))
                        for r in u.findall(ORG + "reportsTo")},
            "functions": {e.get("source", "").lstrip("#")
                          for tag in ("functions", "headFunctions")
                          for e in u.findall(ORG + tag)},
            "composition": {e.get("source", "").lstrip("#")
                            for e in u.findall(ORG + "composition")},
        }
    return units


def pair(ref, draft):
    """draft unit id -> reference unit id, by name, in order."""
    free = {}
    for rid, r in ref.items():
        free.setdefault(r["name"], []).append(rid)
    m = {}
    for did, d in draft.items():
        if free.get(d["name"]):
            m[did] = free[d["name"]].pop(0)
    return m


def ratio(a, b):
    return a / b if b else 1.0


def main(argv):
    mins = {}
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--min" and i + 1 < len(argv):
            what, p, r = argv[i + 1].split(":")
            mins[what] = (float(p), float(r))
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 2:
        sys.exit(__doc__)
    ref, draft = load(args[0]), load(args[1])
    m = pair(ref, draft)
    rows = []
    # units
    rows.append(("units", len(draft), len(m), len(ref), ""))
    # parents
    proposed = [d for d in draft if draft[d]["parent"]]
    right = sum(1 for d in proposed if d in m and ref[m[d]]["parent"]
                and m.get(draft[d]["parent"]) == ref[m[d]]["parent"])
    rows.append(("parents", len(proposed), right,
                 sum(1 for r in ref.values() if r["parent"]), ""))
    # heads
    proposed = [d for d in draft if draft[d]["head"]]
    unjudged = [d for d in proposed if d in m and not ref[m[d]]["head"]]
    judged = [d for d in proposed if d not in unjudged]
    right = sum(1 for d in judged if d in m and ref[m[d]]["head"] == draft[d]["head"])
    rows.append(("heads", len(judged), right, sum(1 for r in ref.values() if r["head"]),
                 f"{len(unjudged)} unjudged" if unjudged else ""))
    # pairs (unit, x)
    for key, label in (("reports", "reporting"), ("functions", "functions"),
                       ("composition", "composition")):
        want = {(rid, x) for rid, r in ref.items() for x in r[key]}
        got = {(m.get(did, "?" + did), x) for did, d in draft.items() for x in d[key]}
        rows.append((label, len(got), len(got & want), len(want), ""))
    bad = 0
    print(f"{'':12} {'proposed':>8} {'right':>6} {'reference':>9} {'P':>5} {'R':>5}")
    for what, prop, right, refn, note in rows:
        p, r = ratio(right, prop), ratio(right, refn)
        print(f"{what:12} {prop:8} {right:6} {refn:9} {p:5.2f} {r:5.2f}" +
              (f"  ({note})" if note else ""))
        if what in mins and (p < mins[what][0] or r < mins[what][1]):
            print(f"org_score: {what}: P {p:.2f} R {r:.2f} is below the floor "
                  f"P {mins[what][0]:.2f} R {mins[what][1]:.2f}", file=sys.stderr)
            bad = 1
    return bad


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
