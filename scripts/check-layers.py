#!/usr/bin/python3
"""Checks that the core's layers point one way: heap <- nio <- io <- engine <- lang.

Every file under core/include/heapviz/<layer>/ and core/src/<layer>/ belongs to <layer>. A file may
include headers of its own layer and of lower layers only; an include of a higher layer, or of a
heapviz header that belongs to no layer, is reported as `path:line: ...` and the exit status is 1.

  scripts/check-layers.py [--root DIR] [--graph]

--root: the tree to check (default: this repository); --graph: print how many includes go from each
layer to each layer (the include graph between layers) after the check.
"""
import argparse
import os
import re
import sys

LAYERS = ["heap", "nio", "io", "engine", "lang"]  # lowest first
RANK = {name: i for i, name in enumerate(LAYERS)}
SOURCE_ENDINGS = (".hpp", ".h", ".cpp", ".inc")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def layer_of(rel_path):
    """The layer of a file given relative to the root (forward slashes), or None."""
    parts = rel_path.split("/")
    if parts[:3] == ["core", "include", "heapviz"] and len(parts) > 4:
        return parts[3] if parts[3] in RANK else None
    if parts[:2] == ["core", "src"] and len(parts) > 3:
        return parts[2] if parts[2] in RANK else None
    return None


def included_file(root, rel_path, kind, name):
    """The root-relative path an include names, or None for headers outside the core (std, doctest)."""
    if name.startswith("heapviz/"):
        return "core/include/" + name
    if kind == '"':
        here = os.path.dirname(os.path.join(root, rel_path))
        candidate = os.path.normpath(os.path.join(here, name))
        if os.path.isfile(candidate):
            return os.path.relpath(candidate, root).replace(os.sep, "/")
    return None


def scan(root):
    """Returns (problems, graph) for the tree at `root`; graph[(from, to)] counts includes."""
    problems, graph = [], {}
    for top in ("core/include", "core/src"):
        for dirpath, _, files in sorted(os.walk(os.path.join(root, top))):
            for f in sorted(files):
                if not f.endswith(SOURCE_ENDINGS):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/")
                mine = layer_of(rel)
                if mine is None:
                    problems.append(f"{rel}:1: belongs to no layer (put it under one of: {', '.join(LAYERS)})")
                    continue
                with open(os.path.join(root, rel), encoding="utf-8") as text:
                    for line_no, line in enumerate(text, 1):
                        m = INCLUDE.match(line)
                        if not m:
                            continue
                        target = included_file(root, rel, m.group(1), m.group(2))
                        if target is None:
                            continue
                        theirs = layer_of(target)
                        if theirs is None:
                            problems.append(f"{rel}:{line_no}: includes {m.group(2)}, which belongs to no layer")
                            continue
                        graph[(mine, theirs)] = graph.get((mine, theirs), 0) + 1
                        if RANK[theirs] > RANK[mine]:
                            problems.append(f"{rel}:{line_no}: layer {mine} includes {m.group(2)} of the higher layer {theirs}")
    return problems, graph


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.dirname(here))
    ap.add_argument("--graph", action="store_true")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.root, "core")):
        print(f"check-layers: {args.root} has no core/ folder", file=sys.stderr)
        return 2
    problems, graph = scan(args.root)
    for p in problems:
        print(p)
    if args.graph:
        for a in LAYERS:
            for b in LAYERS:
                if (a, b) in graph:
                    print(f"{a} -> {b}: {graph[(a, b)]}")
    if problems:
        print(f"check-layers: {len(problems)} include(s) break the layering", file=sys.stderr)
        return 1
    print("check-layers: every include points down or within its layer")
    return 0


if __name__ == "__main__":
    sys.exit(main())
