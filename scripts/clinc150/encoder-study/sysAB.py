from common import *
res={}
# ---- A
t=time.time(); vec=tfidf().fit(trX); Ttr=vec.transform(trX); Tva=vec.transform(vaX); Tro=vec.transform(trXo)
pa,ca,_=svm_fp(Ttr,trY,Tva,Tro); rA=metrics(pa,ca,vaY,va_in); print("A val",fmt(rA),f"{time.time()-t:.1f}s",flush=True)
t=time.time(); cvA=cv_eval(lambda a,b: svm_fp(Ttr[a],trY[a],Ttr[b],Tro), len(trY), trY, len(trXo)); print("A cv",fmt(cvA),f"{time.time()-t:.1f}s",flush=True)
res["A"]={"val":rA,"cv":cvA}
# ---- B: LR on embeddings, C by CV
for C in (1,10,30):
    t=time.time(); cv=cv_eval(lambda a,b: lr_fp(Etr[a],trY[a],Etr[b],Etro,C), len(trY), trY, len(trXo))
    p,c,_=lr_fp(Etr,trY,Eva,Etro,C); r=metrics(p,c,vaY,va_in)
    print(f"B-LR C={C} cv",fmt(cv)," val",fmt(r),f"{time.time()-t:.1f}s",flush=True); res[f"B-LR C={C}"]={"val":r,"cv":cv}
# nearest centroid cosine; 1-NN cosine
cls=np.unique(trY); cent=np.stack([Etr[trY==k].mean(0) for k in cls]); cent/=np.linalg.norm(cent,axis=1,keepdims=True)
s=Eva@cent.T; r=metrics(cls[s.argmax(1)],s.max(1),vaY,va_in); print("B-centroid val",fmt(r)); res["B-centroid"]={"val":r}
s=Eva@Etr.T; r=metrics(trY[s.argmax(1)],s.max(1),vaY,va_in); print("B-1NN val",fmt(r)); res["B-1NN"]={"val":r}
json.dump(res,open(OUT+"res_AB.json","w"),indent=1)
