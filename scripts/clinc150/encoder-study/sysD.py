from distill import *
res={}
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
