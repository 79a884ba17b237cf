#!/usr/bin/env python3
# Stuck clients against a running sse-notify (the issue "Real networks" experiment): N anonymous streams
# with a 2 KiB receive buffer that never read, one healthy reader, then EVENTS broadcasts to `all` of SIZE
# bytes every PERIOD seconds, published as admin:admin through /api/sse-test. Prints the reader's latency
# and the server's disconnects. Read the heap after GC beside it with `jcmd <pid> GC.run; jcmd <pid>
# GC.heap_info`.
#
#   python3 bench/stuck-clients.py PORT N EVENTS SIZE PERIOD     e.g. 8080 40 600 16000 0.05
import socket, threading, time, json, base64, sys, urllib.request
HOST, PORT = '127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 8090
N = int(sys.argv[2]) if len(sys.argv) > 2 else 40
EVENTS = int(sys.argv[3]) if len(sys.argv) > 3 else 400
SIZE = int(sys.argv[4]) if len(sys.argv) > 4 else 16000
PERIOD = float(sys.argv[5]) if len(sys.argv) > 5 else 0.05
stuck = []
for i in range(N):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 2048)
    s.connect((HOST, PORT)); s.sendall(b'GET /api/sse HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n')
    stuck.append(s)
lat = []; got = [0]
def healthy():
    s = socket.create_connection((HOST, PORT)); s.sendall(b'GET /api/sse HTTP/1.1\r\nHost: x\r\n\r\n')
    buf = b''
    while True:
        d = s.recv(65536)
        if not d: print('healthy: stream ended', got[0]); return
        buf += d
        while b'"t":' in buf:
            i = buf.index(b'"t":'); j = buf.index(b',', i)
            t = float(buf[i+4:j]); lat.append(time.time() - t); got[0] += 1
            buf = buf[j:]
threading.Thread(target=healthy, daemon=True).start()
time.sleep(1)
auth = 'Basic ' + base64.b64encode(b'admin:admin').decode()
pad = 'x' * SIZE
t0 = time.time()
for k in range(EVENTS):
    body = json.dumps({'event': 'flood', 'data': {'t': time.time(), 'pad': pad}, 'target': 'all'}).encode()
    r = urllib.request.Request(f'http://{HOST}:{PORT}/api/sse-test', data=body, headers={'Content-Type': 'application/json', 'Authorization': auth})
    urllib.request.urlopen(r).read()
    time.sleep(PERIOD)
time.sleep(2)
lat.sort()
print('sent', EVENTS, 'healthy got', got[0], 'p50 %.1f ms p99 %.1f ms max %.1f ms' % (lat[len(lat)//2]*1000, lat[int(len(lat)*0.99)]*1000, lat[-1]*1000) if lat else 'none')
stats = json.loads(urllib.request.urlopen(f'http://{HOST}:{PORT}/api/sse-test').read())
print({k: stats[k] for k in ('totalClients', 'disconnects', 'eventsDropped')})
