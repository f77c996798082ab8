import os, re, json, time, numpy as np
os.environ["OMP_NUM_THREADS"]="1"; os.environ["OPENBLAS_NUM_THREADS"]="1"
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.svm import LinearSVC
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
D=os.environ["CLINC_DIR"].rstrip("/")+"/"; OUT=os.environ["STUDY_OUT"].rstrip("/")+"/"; E=OUT+"emb/"
def read(f):
    rows=[l.rstrip("\n").split("\t") for l in open(D+f)][1:]
    return [r[0] for r in rows],np.array([r[1] for r in rows])
trX_all,trY_all=read("train.tsv"); vaX,vaY=read("val.tsv")
Etr_all=np.load(E+"tr.npy"); Eva=np.load(E+"va.npy")
tr_in=trY_all!="oos"
trX=[x for x,k in zip(trX_all,tr_in) if k]; trY=trY_all[tr_in]
trXo=[x for x,k in zip(trX_all,tr_in) if not k]   # 100 train oos rows: CV negatives only
Etr=Etr_all[tr_in]; Etro=Etr_all[~tr_in]
va_in=vaY!="oos"

def threshold(conf_oos, recall):
    c=np.sort(np.asarray(conf_oos))
    for t in np.unique(np.append(c, np.inf)):
        if np.mean(c<t)>=recall: return t
def metrics(pred, conf, y, is_in):
    """pred/conf for all rows; y labels; is_in mask. returns ranked-first, acc@70, acc@80"""
    right=(pred==y)&is_in; n=is_in.sum()
    r={"rf":right.sum()/n}
    for rec in (0.7,0.8):
        t=threshold(conf[~is_in],rec)
        r[f"acc@{int(rec*100)}"]=(right&(conf>=t)).sum()/n
    return r
def fmt(r): return f"rf={r['rf']*100:.2f} @70={r['acc@70']*100:.2f} @80={r['acc@80']*100:.2f}"

def tfidf():
    return make_union(TfidfVectorizer(ngram_range=(1,2),sublinear_tf=True,min_df=1),
                      TfidfVectorizer(analyzer="char_wb",ngram_range=(2,5),sublinear_tf=True,min_df=1))

def cv_eval(fit_predict, n_tr, y, n_oos, folds=5, seed=0):
    """fit_predict(train_idx, test_idx) -> (pred_in[test], conf_in[test], conf_oos[n_oos])
    Out-of-fold in-scope preds + train-oos rows scored by every fold model (mean conf)."""
    skf=StratifiedKFold(folds,shuffle=True,random_state=seed)
    pred=np.empty(n_tr,dtype=object); conf=np.zeros(n_tr); co=np.zeros(n_oos)
    for a,b in skf.split(np.zeros(n_tr),y):
        p,c,o=fit_predict(a,b); pred[b]=p; conf[b]=c; co+=o/folds
    allp=np.concatenate([pred,np.array(["oos"]*n_oos,dtype=object)])
    return metrics(allp,np.concatenate([conf,co]),np.concatenate([y,["oos"]*n_oos]),np.r_[np.ones(n_tr,bool),np.zeros(n_oos,bool)])

def svm_fp(Xtr,ytr,Xte,Xo,C=1.0):
    """LinearSVC: predicted labels and top decision values for Xte, top decision values for Xo."""
    m=LinearSVC(C=C).fit(Xtr,ytr); d=m.decision_function(Xte); do=m.decision_function(Xo)
    return m.classes_[d.argmax(1)], d.max(1), do.max(1)
def lr_fp(Xtr,ytr,Xte,Xo,C=10.0):
    """Logistic regression: predicted labels and top probabilities for Xte, top probabilities for Xo."""
    m=LogisticRegression(C=C,max_iter=3000).fit(Xtr,ytr); p=m.predict_proba(Xte); po=m.predict_proba(Xo)
    return m.classes_[p.argmax(1)], p.max(1), po.max(1)
def cat(T,E,al):
    """TF-IDF features joined with dense vectors scaled by `al`, for one linear model."""
    return sparse.hstack([T,sparse.csr_matrix(E*al)]).tocsr()
