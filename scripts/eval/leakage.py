#!/usr/bin/env python3
"""Lists training examples that are close to rows of a held-out evaluation set.

Usage: scripts/eval/leakage.py EVAL.tsv [THRESHOLD] [FILES...]
Compares every example line (`- text` under knowledge/intents by default) with every evaluation
row by the cosine of their character-trigram counts and by shared words, and prints the pairs at
or above THRESHOLD (default 0.55), most similar first. Run it after adding examples: a held-out
row that leaks into the examples stops measuring anything.
"""
import collections, glob, math, re, sys

def grams(text):
    t = " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "
    return collections.Counter(t[i:i + 3] for i in range(len(t) - 2))

def cosine(a, b):
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values())); nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0

def main():
    evalfile = sys.argv[1]
    threshold = float(sys.argv[2]) if len(sys.argv) > 2 else 0.55
    files = sys.argv[3:] or sorted(glob.glob("knowledge/intents/*.yaml")) + ["knowledge/out_of_scope.yaml"]
    rows = [l.rstrip("\n").split("\t")[0] for l in open(evalfile, encoding="utf-8")][1:]
    row_grams = [(r, grams(r)) for r in rows]
    hits = []
    for f in files:
        for n, line in enumerate(open(f, encoding="utf-8"), 1):
            m = re.match(r"\s*-\s+(.*)$", line)
            if not m or len(m.group(1)) < 8:
                continue
            text = m.group(1).strip().strip("'\"")
            g = grams(text)
            best = max(((cosine(g, rg), r) for r, rg in row_grams), default=(0, ""))
            if best[0] >= threshold:
                hits.append((best[0], f, n, text, best[1]))
    for score, f, n, text, row in sorted(hits, reverse=True):
        print(f"{score:.2f}  {f}:{n}: {text}\n      eval: {row}")
    print(f"{len(hits)} example(s) at or above {threshold}", file=sys.stderr)

if __name__ == "__main__":
    main()
