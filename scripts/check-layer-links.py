#!/usr/bin/python3
"""Checks at the link level that the core's layers point one way.

  scripts/check-layer-links.py LOWEST.a ... HIGHEST.a

The archives are the layers' static libraries, lowest first (heapviz_heap ... heapviz_lang). A symbol
an archive needs (nm: U) must be defined in that archive or a lower one, or in none of them (the C++
library); one defined only in a higher archive is a call that points up, reported as
`archive:member: needs SYMBOL, defined in the higher layer HIGHER` and the exit status is 1.
"""
import os
import subprocess
import sys


def symbols(archive):
    """(defined, needed) for an archive: defined = set of names, needed = list of (member, name)."""
    out = subprocess.run(["nm", "-A", archive], capture_output=True, text=True, check=True).stdout
    defined, needed = set(), []
    for line in out.splitlines():
        where, _, rest = line.rpartition(":")
        fields = rest.split()
        if len(fields) == 2 and fields[0] == "U":
            needed.append((where, fields[1]))
        elif len(fields) == 3 and fields[1] not in ("U", "w", "v"):
            defined.add(fields[2])
    return defined, needed


def main(archives):
    if not archives:
        print(__doc__, file=sys.stderr)
        return 2
    tables = [symbols(a) for a in archives]
    problems = []
    for i, (_, needed) in enumerate(tables):
        below = set().union(*(tables[j][0] for j in range(i + 1)))
        for where, name in needed:
            if name in below:
                continue
            for j in range(i + 1, len(tables)):
                if name in tables[j][0]:
                    problems.append(f"{where}: needs {name}, defined in the higher layer "
                                    f"{os.path.basename(archives[j])}")
                    break
    for p in problems:
        print(p)
    if problems:
        print(f"check-layer-links: {len(problems)} symbol(s) point up", file=sys.stderr)
        return 1
    print(f"check-layer-links: {len(archives)} archives, every symbol comes from the same or a lower layer")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
