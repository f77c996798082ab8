from distill import *
res={}
vec=tfidf().fit(trX); Ttr=vec.transform(trX); Tva=vec.transform(vaX); Tro=vec.transform(trXo)
for cfg,trainonly in ((("word",None,"none"),False),(("wp",None,"none"),False),(("word",None,"none"),True)):
    Str,Sva,Sro,nb,nrows=build(*cfg,trainonly=trainonly)
    alphas=(1,2) if not trainonly else (1,)
    for al in alphas:
        Xtr=cat(Ttr,Str,al); Xva=cat(Tva,Sva,al); Xo=cat(Tro,Sro,al)
        t=time.time(); cv=cv_eval(lambda a,b: svm_fp(Xtr[a],trY[a],Xtr[b],Xo), len(trY), trY, len(trXo))
        p,c,_=svm_fp(Xtr,trY,Xva,Xo); r=metrics(p,c,vaY,va_in)
        key=f"D+A concatSVM {cfg} trainonly_words={trainonly} alpha={al}"
        print(key,"cv",fmt(cv)," val",fmt(r),f"{time.time()-t:.1f}s",flush=True); res[key]={"val":r,"cv":cv}
        json.dump(res,open(OUT+"res_DA.json","w"),indent=1)
