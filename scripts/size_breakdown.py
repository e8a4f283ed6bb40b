"""Groups a `twiggy top --format csv` listing by crate, module and component,
and gzips each section of the shipped wasm (see scripts/size.sh)."""
import collections
import csv
import gzip
import re
import sys


def sections(path):
    """(name, raw, gzip) for each section of a wasm file."""
    names = {1: "type", 2: "import", 3: "function", 7: "export", 9: "elem", 10: "code", 11: "data"}
    data = open(path, "rb").read()
    i = 8
    while i < len(data):
        sid = data[i]
        i += 1
        size = shift = 0
        while True:
            byte = data[i]
            i += 1
            size |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        body = data[i:i + size]
        i += size
        if sid in names:
            yield names[sid], len(body), len(gzip.compress(body, 9))


def group(name):
    name = re.sub(r"\[[0-9a-f]+\]", "", name)
    comp = re.search(r"CompStateInner<([^>]*)>", name)
    if comp and "::view" in name:
        return "view " + comp.group(1).split("::")[-1]
    if name.startswith("data segment"):
        return "data"
    parts = re.sub(r"<.*", "", name.lstrip("<&")).split("::")
    if parts[0] in ("yz_calc", "engine"):
        return "::".join(parts[:2])
    return parts[0]


def main():
    rows = list(csv.DictReader(open(sys.argv[1])))
    totals = collections.Counter()
    for row in rows:
        if "subsection" in row["Name"]:
            continue
        totals[group(row["Name"])] += int(row["ShallowSize"])
    print("\nsection      raw    gzip")
    for name, raw, packed in sections(sys.argv[2]):
        print(f"{name:9} {raw:7d} {packed:7d}")
    print("\nraw bytes by crate / module / component (twiggy, names kept)")
    for name, size in totals.most_common(60):
        print(f"{size:8d}  {name}")


main()
