#!/usr/bin/env python3
"""Fits the weights in src/engine/points.rs on the graded set and measures them on
each author's cases held out. Run from the project root after `cargo build --release`:

    python3 tools/fit_points.py [--graded ../shared/graded]

Needs numpy. Prints the level and skills weights fitted on all cases, then Spearman,
rating QWK and per-indicator band QWK for all cases and for each author's cases with
weights fitted on the other two authors only. The engine's `reading` and per-indicator
`coverage` come from `target/release/roleplay score --format json`.
"""
import argparse, json, math, os, subprocess
from concurrent.futures import ThreadPoolExecutor
import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--graded", default="../shared/graded")
ap.add_argument("--bin", default="target/release/roleplay")
args = ap.parse_args()
G = args.graded
AUTHORS = {}
for line in open(os.path.join(G, "README.md")):
    if line.startswith("Authors:"):
        for part in line[len("Authors:"):].split(". "):
            name, _, ids = part.partition(":")
            for cid in ids.strip().rstrip(".").split(","):
                AUTHORS[cid.strip()] = name.strip()
judges = {}
for line in open(os.path.join(G, "judges.jsonl")):
    if line.strip():
        r = json.loads(line); judges.setdefault(r["response"], []).append(r)
def jtot(r):
    p = list(r["indicators"].values()); return sum(p) * 70 / (14 * len(p)) + sum(r["skills"])
def band(p): return 0 if p <= 4 else 1 if p <= 8 else 2 if p <= 11 else 3
def qwk(a, b, k=4):
    n = len(a); obs = np.zeros((k, k))
    for x, y in zip(a, b): obs[x][y] += 1
    ha, hb = obs.sum(1), obs.sum(0); num = den = 0.0
    for i in range(k):
        for j in range(k):
            w = (i - j) ** 2 / (k - 1) ** 2; num += w * obs[i][j]; den += w * ha[i] * hb[j] / n
    return 1 - num / den
jobs = []
for f in sorted(os.listdir(G)):
    if f.endswith(".yaml") and os.path.isdir(os.path.join(G, f[:-5])):
        cid = f[:-5]
        for t in sorted(os.listdir(os.path.join(G, cid))):
            if t.endswith(".txt"):
                jobs.append((f"{cid}/{t[:-4]}", os.path.join(G, f), os.path.join(G, cid, t)))
def run(j):
    out = subprocess.run([args.bin, "score", "--case", j[1], "--format", "json", j[2]], capture_output=True, text=True, check=True)
    return j[0], json.loads(out.stdout)
with ThreadPoolExecutor(4) as ex: E = dict(ex.map(run, jobs))
rows = []
for key, e in E.items():
    js = judges.get(key)
    if not js: continue
    rows.append(dict(key=key, author=AUTHORS.get(key.split("/")[0], "?"), e=e,
        j=float(np.mean([jtot(r) for r in js])),
        m=float(np.mean([np.mean(list(r["indicators"].values())) for r in js])),
        sk=[float(np.mean([r["skills"][i] for r in js])) for i in range(5)]))
cl=lambda x,a=0,b=1:max(a,min(b,x))
def gate(R):
    host=R['disrespect']+max(0,R['refusals']-2-0.1*R['sentences'])
    return cl((R['speech']-0.25)/0.3)*cl(1-(R['buzzwords']-1)/3)*cl(1-(R['copied']-0.25)/0.2)*cl(1-(host-1)/2)*cl((max(R.get('topic',1),R['fact_share'])-0.15)/0.15)
def lf(R):
    n=max(1,R['sentences']); f=max(R['facts_used'],R['fact_share']*30)
    return [1,math.log1p(f),R['fact_share'],R['commitments']/n,math.log(max(1,R['words'])),R['hedges']/n]
def ridge(A,y,lam=0.3):
    A=np.array(A);y=np.array(y);I=np.eye(A.shape[1]);I[0,0]=0;return np.linalg.solve(A.T@A+lam*I,A.T@y)
def sig(r,k,lv):
    R=r['e']['reading'];n=max(1,R['sentences']);qa=r['e']['stats']['questions_answered'];q=qa[0]/qa[1] if qa[1] else lv/14
    return [1,lv,[R['reasons']/n,(R['commitments']-R['hedges'])/n,R['fillers'],0,q][k]]
def fit(tr):
    sel=[r for r in tr if gate(r['e']['reading'])>0.9]
    w=ridge([lf(r['e']['reading']) for r in sel],[r['m'] for r in sel])
    lv=lambda r: cl(float(np.dot(w,lf(r['e']['reading']))),0,14)*gate(r['e']['reading'])
    sk=[ridge([sig(r,k,lv(r)) for r in sel],[r['sk'][k] for r in sel]) for k in range(5)]
    return lv,sk
def predict(r,lv,sk):
    R=r['e']['reading']; L=lv(r); g=gate(R); inds=r['e']['indicators']; mc=np.mean([i['coverage'] for i in inds])
    pts={i['code']:round(cl(L+7*g*(i['coverage']-mc),0,L+7*g)) for i in inds}
    skills=[round(cl(float(np.dot(sk[k],sig(r,k,L)))*gate(R),0,6)) for k in range(5)]
    tot=round(sum(pts.values())*70/(14*len(pts))+sum(skills)); return pts,tot
def rat(t): return 0 if t<25 else 1 if t<60 else 2 if t<80 else 3
def sp(a,b):
    a=np.argsort(np.argsort(a));b=np.argsort(np.argsort(b));return np.corrcoef(a,b)[0,1]
def measure(te,lv,sk,label):
    P=[predict(r,lv,sk) for r in te]
    s=sp([p[1] for p in P],[r['j'] for r in te]); rq=qwk([rat(p[1]) for p in P],[rat(r['j']) for r in te])
    q={}
    for jn in ['judge-1','judge-2']:
        a=[];b=[]
        for r,p in zip(te,P):
            for j in judges[r['key']]:
                if j['judge']==jn:
                    for c,v in j['indicators'].items(): a.append(band(p[0][c]));b.append(band(v))
        q[jn]=round(qwk(a,b),2)
    # Cases ordered as ../shared/graded/check counts them.
    got={}
    for r,p in zip(te,P):
        c,t=r['key'].split('/'); got.setdefault(c,{})[t]=p[1]
    above=["strong","strong-short","solid","average","messy","partial","weak"]; bottom=["offtopic","stuffed","negated"]
    chain=["strong","solid","average","weak"]
    def ok(g):
        pairs=list(zip(chain,chain[1:]))+[(a,b) for a in above for b in bottom]
        return all(g[a]>g[b] for a,b in pairs if a in g and b in g)
    n=sum(ok(g) for g in got.values())
    print(f"{label}: {n}/{len(got)} cases ordered; spearman {s:.2f}; rating qwk {rq:.2f}; per-indicator qwk {q['judge-1']:.2f} / {q['judge-2']:.2f}")
lv,sk=fit(rows)
sel=[r for r in rows if gate(r['e']['reading'])>0.9]
print('level weights', np.round(ridge([lf(r['e']['reading']) for r in sel],[r['m'] for r in sel]),3).tolist())
print('skills weights', [np.round(s,3).tolist() for s in sk])
measure(rows,lv,sk,'fitted on all, all cases')
for a in sorted(set(r['author'] for r in rows)):
    te=[r for r in rows if r['author']==a]
    lv2,sk2=fit([r for r in rows if r['author']!=a])
    measure(te,lv,sk,f'author {a}, weights fitted on all')
    measure(te,lv2,sk2,f'author {a} held out (fitted on the other two)')
from collections import defaultdict
P=defaultdict(list)
for r in rows:
    P[r['key'].split('/')[1]].append((predict(r,lv,sk)[1], r['j']))
for t,v in P.items(): print(f"tier {t}: engine {np.mean([a for a,b in v]):.1f}, judges {np.mean([b for a,b in v]):.1f}")
