#!/usr/bin/env python3
"""Prints Karir's CLINC150 figures beside the baseline's and the published ones."""
import json
import sys

karir = json.load(open(sys.argv[1]))
base = json.load(open(sys.argv[2]))
rows = [
    ("Karir (this build)", karir["in_scope_accuracy"], karir["oos_recall"]),
    ("TF-IDF + LinearSVC, oos as a class (same run)", base["oos_class"]["in_scope_accuracy"], base["oos_class"]["oos_recall"]),
    ("TF-IDF + LinearSVC, threshold (same run)", base["threshold"]["in_scope_accuracy"], base["threshold"]["oos_recall"]),
]
published = [("SVM (paper, test split)", 0.910, 0.145), ("FastText (paper)", 0.890, 0.097), ("Rasa (paper)", 0.915, 0.453),
             ("Dialogflow (paper)", 0.917, 0.140), ("MLP (paper)", 0.935, 0.474), ("BERT (paper)", 0.969, 0.403)]
print(f"{'system':52} {'in-scope acc':>12} {'oos recall':>11}")
for name, a, r in rows + published:
    print(f"{name:52} {a * 100:11.1f}% {r * 100:10.1f}%")
print(f"\nKarir: {karir['total']} validation rows, clarify on {karir['clarify_rate'] * 100:.1f}% of in-scope rows "
      f"(counted wrong), oos precision {karir['oos_precision'] * 100:.1f}%, mean {karir['mean_us']:.0f} µs per question")
