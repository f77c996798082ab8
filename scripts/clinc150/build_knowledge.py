#!/usr/bin/env python3
"""Builds a Karir knowledge base from CLINC150's train.tsv, in the documented format.

One topic per CLINC domain, one intent per label with its training rows as English examples,
and the `oos` training rows as `out_of_scope` examples. The knowledge declares English only
(`settings: languages: [en]`). Usage: build_knowledge.py DATA_DIR OUT_DIR
"""
import json
import os
import sys
from collections import defaultdict


def q(text):
    # JSON strings are valid YAML double-quoted scalars.
    return json.dumps(text, ensure_ascii=False)


def main():
    data, out = sys.argv[1], sys.argv[2]
    domains = json.load(open(os.path.join(data, "domains.json")))
    domain_of = {intent: domain for domain, intents in domains.items() for intent in intents}
    rows = defaultdict(list)
    with open(os.path.join(data, "train.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            text, label = line.rstrip("\n").rsplit("\t", 1)
            rows[label].append(text)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "knowledge.yaml"), "w", encoding="utf-8") as k:
        k.write("# Generated from CLINC150 train.tsv (CC BY 3.0) by scripts/clinc150/build_knowledge.py\n")
        k.write("settings:\n  languages: [en]\n")
        k.write("topics:\n")
        for domain in sorted(domains):
            k.write(f"  - id: {domain}\n    title: {{ en: {q(domain)} }}\n")
        k.write("out_of_scope:\n  en:\n")
        for text in rows.pop("oos", []):
            k.write(f"    - {q(text)}\n")
        k.write("intents:\n")
        for label in sorted(rows):
            k.write(f"  - id: {label}\n    topic: {domain_of[label]}\n    title: {{ en: {q(label.replace('_', ' '))} }}\n")
            k.write("    examples:\n      en:\n")
            for text in rows[label]:
                k.write(f"        - {q(text)}\n")
            k.write(f"    answer: {{ en: {q('[' + label + ']')} }}\n")
    print(f"wrote {len(rows)} intents to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
