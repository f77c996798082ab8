from common import *
res={}
vec=tfidf().fit(trX); Ttr=vec.transform(trX); Tva=vec.transform(vaX); Tro=vec.transform(trXo)
for al in (1,2,3,5):
    Xtr=cat(Ttr,Etr,al); Xva=cat(Tva,Eva,al); Xo=cat(Tro,Etro,al)
    t=time.time(); cv=cv_eval(lambda a,b: svm_fp(Xtr[a],trY[a],Xtr[b],Xo), len(trY), trY, len(trXo))
    p,c,_=svm_fp(Xtr,trY,Xva,Xo); r=metrics(p,c,vaY,va_in)
    print(f"C-concatSVM alpha={al} cv",fmt(cv)," val",fmt(r),f"{time.time()-t:.1f}s",flush=True); res[f"C-concatSVM a={al}"]={"val":r,"cv":cv}
# late fusion: mean of LR(emb,C=10) probs and LR(tfidf,C) probs
for Ct in (10,100):
    def fp(a,b,Ct=Ct,full=False):
        if full: m1=LogisticRegression(C=10,max_iter=2000).fit(Etr,trY); m2=LogisticRegression(C=Ct,max_iter=2000).fit(Ttr,trY); P=(m1.predict_proba(Eva)+m2.predict_proba(Tva))/2
        else: m1=LogisticRegression(C=10,max_iter=2000).fit(Etr[a],trY[a]); m2=LogisticRegression(C=Ct,max_iter=2000).fit(Ttr[a],trY[a]); P=(m1.predict_proba(Etr[b])+m2.predict_proba(Ttr[b]))/2
        Po=(m1.predict_proba(Etro)+m2.predict_proba(Tro))/2
        return m1.classes_[P.argmax(1)],P.max(1),Po.max(1)
    t=time.time(); cv=cv_eval(fp,len(trY),trY,len(trXo)); p,c,_=fp(None,None,full=True); r=metrics(p,c,vaY,va_in)
    print(f"C-probavg LRemb(C=10)+LRtfidf(C={Ct}) cv",fmt(cv)," val",fmt(r),f"{time.time()-t:.1f}s",flush=True); res[f"C-probavg Ct={Ct}"]={"val":r,"cv":cv}
json.dump(res,open(OUT+"res_C.json","w"),indent=1)
