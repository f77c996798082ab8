#!/usr/bin/env python3
"""TF-IDF + LinearSVC baseline on CLINC150, trained on train.tsv and scored on val.tsv.

Out-of-scope handling as in Larson et al. (2019), "oos-train": `oos` is one more class.
Also reports a threshold variant (no oos class; decline when the best decision value is low),
with the threshold chosen on the training data by cross-validation. Prints JSON.
Usage: baseline.py DATA_DIR
"""
import json
import os
import sys

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import cross_val_predict
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC


def load(path):
    texts, labels = [], []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            text, label = line.rstrip("\n").rsplit("\t", 1)
            texts.append(text)
            labels.append(label)
    return texts, np.array(labels)


def features():
    return make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=1),
                      TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2))


def scores(pred, gold):
    ins = gold != "oos"
    return {"in_scope_accuracy": float(np.mean(pred[ins] == gold[ins])),
            "oos_recall": float(np.mean(pred[~ins] == "oos"))}


def main():
    data = sys.argv[1]
    xtr, ytr = load(os.path.join(data, "train.tsv"))
    xva, yva = load(os.path.join(data, "val.tsv"))

    clf = make_pipeline(features(), LinearSVC(C=1.0))
    clf.fit(xtr, ytr)
    oos_class = scores(clf.predict(xva), yva)

    ins = ytr != "oos"
    xin = [t for t, keep in zip(xtr, ins) if keep]
    thr_clf = make_pipeline(features(), LinearSVC(C=1.0))
    # threshold from cross-validated decision values on the in-scope training rows
    dec = cross_val_predict(make_pipeline(features(), LinearSVC(C=1.0)), xin, ytr[ins], cv=3, method="decision_function")
    threshold = float(np.percentile(dec.max(axis=1), 5))
    thr_clf.fit(xin, ytr[ins])
    d = thr_clf.decision_function(xva)
    pred = np.where(d.max(axis=1) < threshold, "oos", thr_clf.classes_[d.argmax(axis=1)])
    thresholded = scores(pred, yva)
    thresholded["threshold"] = threshold
    print(json.dumps({"oos_class": oos_class, "threshold": thresholded}))


if __name__ == "__main__":
    main()
