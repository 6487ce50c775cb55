"""Bounded load on "vanban serve" at 127.0.0.1 (run by bench/serve-load.sh):
CONC clients for DURATION seconds, each previewing, saving and writing
recovery copies of its own document, and all of them saving one shared
document from the version they last read. Checks that nothing is lost (every
own save is on disk as sent; no two saves of the shared document succeeded
from the same version), that the server and its workers stay alive, and
samples their memory. Prints the figures."""
import hashlib, json, os, random, re, subprocess, sys, threading, time, urllib.request

url, token, docs, pid = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
DURATION = float(os.environ.get("DURATION", 60))
CONC = int(os.environ.get("CONC", 8))
cookie = "vanban_ma=" + token
page = urllib.request.urlopen(urllib.request.Request(url + "/", headers={"Cookie": cookie})).read().decode()
csrf = re.search(r'name="csrf" content="([0-9a-f]+)"', page).group(1)

def req(method, path, body=None):
    h = {"Cookie": cookie}
    if method == "POST":
        h["X-Vanban-CSRF"] = csrf
    r = urllib.request.Request(url + path, data=body, headers=h, method=method)
    try:
        with urllib.request.urlopen(r, timeout=120) as f:
            return f.status, f.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

lock = threading.Lock()
stats = {"preview": [], "save": 0, "recover": 0, "conflict": 0, "shared_ok": 0, "errors": []}
shared_bases = []

def client(n):
    name = "tai-%d.md" % n
    _, b = req("GET", "/api/tep?ten=" + name)
    d = json.loads(b)
    text, ver = d["noi_dung"], d["phien"]
    have = ""
    end = time.time() + DURATION
    i = 0
    while time.time() < end:
        i += 1
        op = random.random()
        text = text.replace("\n\nThêm %d." % (i - 1), "") + "\n\nThêm %d." % i
        if op < 0.7:
            t0 = time.time()
            st, b = req("POST", "/api/xem?ten=%s&co=%s" % (name, have), text.encode())
            dt = time.time() - t0
            if st != 200:
                with lock: stats["errors"].append("preview %d %s" % (st, b[:100]))
                continue
            r = json.loads(b)
            have = ",".join(p["h"] for p in r["trang"])
            with lock: stats["preview"].append(dt)
        elif op < 0.85:
            st, b = req("POST", "/api/luu?ten=%s&phien=%s" % (name, ver), text.encode())
            if st != 200:
                with lock: stats["errors"].append("save %d %s" % (st, b[:100]))
                continue
            ver = json.loads(b)["phien"]
            with open(os.path.join(docs, name), encoding="utf-8") as f:
                if f.read() != text:
                    with lock: stats["errors"].append("LOST: %s on disk differs from the save" % name)
            with lock: stats["save"] += 1
        elif op < 0.93:
            st, b = req("POST", "/api/khoi-phuc?ten=" + name, text.encode())
            with lock:
                if st == 200: stats["recover"] += 1
                else: stats["errors"].append("recover %d" % st)
        else:
            st, b = req("GET", "/api/tep?ten=chung.md")
            base = json.loads(b)["phien"]
            body = json.loads(b)["noi_dung"] + "\nDòng của khách %d lần %d." % (n, i)
            time.sleep(random.random() * 0.05)
            st, b = req("POST", "/api/luu?ten=chung.md&phien=" + base, body.encode())
            with lock:
                if st == 200:
                    stats["shared_ok"] += 1
                    shared_bases.append(base)
                elif st == 409:
                    stats["conflict"] += 1
                else:
                    stats["errors"].append("shared save %d" % st)

def rss_kb():
    pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    total = 0
    for p in pids:
        try:
            with open("/proc/%d/status" % p) as f:
                total += int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
        except (OSError, AttributeError):
            pass
    return total, len(pids)

samples = []
threads = [threading.Thread(target=client, args=(n,)) for n in range(CONC)]
t0 = time.time()
for t in threads: t.start()
while any(t.is_alive() for t in threads):
    samples.append((time.time() - t0,) + rss_kb())
    time.sleep(2)
for t in threads: t.join()
alive = os.path.exists("/proc/%d" % pid)
p = sorted(stats["preview"])
q = lambda f: p[min(len(p) - 1, int(len(p) * f))] * 1000 if p else 0
lost = len(shared_bases) - len(set(shared_bases))
print("clients %d, %.0f s" % (CONC, time.time() - t0))
print("previews %d (%.1f/s): median %.0f ms, p90 %.0f ms, max %.0f ms" % (len(p), len(p) / DURATION, q(0.5), q(0.9), q(1.0)))
print("saves %d, recovery copies %d, shared-document saves %d ok / %d refused (409)" % (stats["save"], stats["recover"], stats["shared_ok"], stats["conflict"]))
warm = [s for s in samples if s[0] >= 10] or samples
print("memory (server + workers, RSS): at 10 s %.1f MB, at end %.1f MB, max %.1f MB; processes %d" % (
    warm[0][1] / 1024, samples[-1][1] / 1024, max(s[1] for s in samples) / 1024, samples[-1][2]))
print("errors: %d%s" % (len(stats["errors"]), "" if not stats["errors"] else " e.g. " + stats["errors"][0]))
print("lost updates of the shared document: %d; server alive: %s" % (lost, alive))
sys.exit(0 if alive and not stats["errors"] and lost == 0 else 1)
