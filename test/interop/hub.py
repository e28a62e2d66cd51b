#!/usr/bin/python3
"""An independent Lookout hub built only from Debian packages.

protoc (on proto/lookout/v1/lookout.proto), python3-protobuf and python3-paho-mqtt, run with
/usr/bin/python3. Subscribes to lookout/v1/#, decodes every record, dedupes by (unit, seq) and
prints one JSON line per record in the same shape as `lookout tail`:
{"unit", "session", "seq", "kind", "timeMs", "body"}.

Usage: hub.py --gen DIR --host 127.0.0.1 --port PORT [--count N] [--duration S]
(DIR holds lookout/v1/lookout_pb2.py made by `protoc --python_out=DIR -I proto ...`).
The plot positions follow the .proto: without lat/lon columns, the WGS84 direct problem
(Vincenty) from the batch origin, rounded to 1e-7 degree.
"""
import argparse
import json
import math
import sys
import threading
import time


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--gen", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--count", type=int, default=0, help="exit after this many records with seq > 0")
    p.add_argument("--duration", type=float, default=0)
    return p.parse_args()


ARGS = parse_args()
sys.path.insert(0, ARGS.gen)
from lookout.v1 import lookout_pb2 as pb  # noqa: E402
import paho.mqtt.client as paho  # noqa: E402

KINDS = {pb.KIND_BIRTH: "birth", pb.KIND_STATE: "state", pb.KIND_PLOTS: "plots", pb.KIND_TRACKS: "tracks",
         pb.KIND_ALERTS: "alerts", pb.KIND_STATUS: "status", pb.KIND_GAP: "gap"}
SEVERITY = {1: "info", 2: "warning", 3: "critical"}
GAP_REASON = {0: "unspecified", 1: "quota", 2: "expired", 3: "corrupt", 4: "disk-full"}

WGS84_A = 6378137.0
WGS84_F = 1 / 298.257223563
WGS84_B = WGS84_A * (1 - WGS84_F)
DEG = math.pi / 180


def destination(lat, lon, bearing_deg, distance):
    """Vincenty direct problem on WGS84 (the same steps as agent/src/track/geodesy.ts)."""
    if distance == 0:
        return lat, lon
    a1 = bearing_deg * DEG
    s_a1, c_a1 = math.sin(a1), math.cos(a1)
    tan_u1 = (1 - WGS84_F) * math.tan(lat * DEG)
    cos_u1 = 1 / math.sqrt(1 + tan_u1 * tan_u1)
    sin_u1 = tan_u1 * cos_u1
    sigma1 = math.atan2(tan_u1, c_a1)
    sin_alpha = cos_u1 * s_a1
    cos_sq_alpha = 1 - sin_alpha * sin_alpha
    u_sq = cos_sq_alpha * (WGS84_A * WGS84_A - WGS84_B * WGS84_B) / (WGS84_B * WGS84_B)
    A = 1 + u_sq / 16384 * (4096 + u_sq * (-768 + u_sq * (320 - 175 * u_sq)))
    B = u_sq / 1024 * (256 + u_sq * (-128 + u_sq * (74 - 47 * u_sq)))
    sigma = distance / (WGS84_B * A)
    it = 0
    while True:
        cos2sm = math.cos(2 * sigma1 + sigma)
        sin_s, cos_s = math.sin(sigma), math.cos(sigma)
        d_sigma = B * sin_s * (cos2sm + B / 4 * (cos_s * (-1 + 2 * cos2sm * cos2sm) - B / 6 * cos2sm * (-3 + 4 * sin_s * sin_s) * (-3 + 4 * cos2sm * cos2sm)))
        prev = sigma
        sigma = distance / (WGS84_B * A) + d_sigma
        it += 1
        if not (abs(sigma - prev) > 1e-12 and it < 200):
            break
    x = sin_u1 * sin_s - cos_u1 * cos_s * c_a1
    phi2 = math.atan2(sin_u1 * cos_s + cos_u1 * sin_s * c_a1, (1 - WGS84_F) * math.sqrt(sin_alpha * sin_alpha + x * x))
    lam = math.atan2(sin_s * s_a1, cos_u1 * cos_s - sin_u1 * sin_s * c_a1)
    C = WGS84_F / 16 * cos_sq_alpha * (4 + WGS84_F * (4 - 3 * cos_sq_alpha))
    L = lam - (1 - C) * WGS84_F * sin_alpha * (sigma + C * sin_s * (cos2sm + C * cos_s * (-1 + 2 * cos2sm * cos2sm)))
    lon2 = lon + L / DEG
    if lon2 > 180:
        lon2 -= 360
    if lon2 < -180:
        lon2 += 360
    return phi2 / DEG, lon2


def e7(v):
    return math.floor(v * 1e7 + 0.5) / 1e7  # JS Math.round, then back to degrees


def plots_body(m):
    n = len(m.range_delta_dm)
    has_ll = n > 0 and len(m.lat_delta_e7) == n and len(m.lon_delta_e7) == n
    body = {"sensor": m.sensor, "plots": []}
    origin = None
    if not has_ll:
        origin = (m.origin_lat_e7 / 1e7, m.origin_lon_e7 / 1e7)
        body["origin"] = {"latitude": origin[0], "longitude": origin[1]}
    t = r = b = la = lo = 0
    scan_delta = list(m.scan_delta)
    for i in range(n):
        t += m.time_delta_100us[i]
        r += m.range_delta_dm[i]
        b = (b + m.bearing_delta_b16[i]) % 65536
        peak_db = m.peak_power_db[i]
        mean_db = peak_db - m.peak_minus_mean_qdb[i] / 4
        p = {
            "timeMs": (m.base_time_us + t * 100) / 1000,
            "scan": m.scan + (scan_delta[i] if len(scan_delta) == n else 0),
            "rangeMetres": r / 10,
            "bearingDegrees": b * 360 / 65536,
            "rangeExtentMetres": m.range_extent_m[i],
            "azimuthExtentDegrees": m.azimuth_extent_b12[i] * 360 / 4096,
            "peakPower": 10 ** (peak_db / 10),
            "meanPower": 10 ** (mean_db / 10),
            "cellCount": m.cell_count[i],
        }
        # Whole-return columns (fields 18, 19): present only when the detector measured returns.
        if len(m.area_dm2) == n:
            p["areaSquareMetres"] = m.area_dm2[i] / 100
        if len(m.size_class) == n and 1 <= m.size_class[i] <= 4:
            p["sizeClass"] = ["small", "medium", "large", "extended"][m.size_class[i] - 1]
        if has_ll:
            la += m.lat_delta_e7[i]
            lo += m.lon_delta_e7[i]
            p["latitude"] = la / 1e7
            p["longitude"] = lo / 1e7
        else:
            lat, lon = destination(origin[0], origin[1], p["bearingDegrees"], p["rangeMetres"])
            p["latitude"] = e7(lat)
            p["longitude"] = e7(lon)
        body["plots"].append(p)
    if m.thinned:
        body["thinned"] = m.thinned
    return body


TRACK_SOURCE = {1: "arpa", 2: "tracker"}


def tracks_body(t):
    """Row-wise ARPA targets, or the column-wise batch of Lookout's tracker (source 2), per the .proto."""
    if t.source != 2:
        body = {"sensor": t.sensor, "tracks": [{"id": k.id, "timeMs": k.time_us / 1000, "latitude": k.lat_e7 / 1e7, "longitude": k.lon_e7 / 1e7,
                                                 "speedMetresPerSecond": k.speed_cms / 100, "courseDegrees": k.course_b16 * 360 / 65536,
                                                 "rangeMetres": k.range_dm / 10, "bearingDegrees": k.bearing_b16 * 360 / 65536,
                                                 "hits": k.hits, "status": k.status} for k in t.tracks]}
        if t.source in TRACK_SOURCE:
            body["source"] = TRACK_SOURCE[t.source]
        return body
    n = len(t.id_delta)
    for col in (t.lat_delta_e7, t.lon_delta_e7, t.speed_dms, t.course_b12, t.flags):
        if len(col) != n:
            raise ValueError("track batch columns of different lengths")
    times = list(t.time_delta_100us)
    if len(times) not in (0, n):
        raise ValueError("track batch time column of the wrong length")
    if len(t.cpa_m) != sum(1 for f in t.flags if f & 0x10) or len(t.tcpa_s) != len(t.cpa_m):
        raise ValueError("track batch CPA columns do not match the flags")
    tracks = []
    tt, ident, la, lo, c = 0, 0, t.origin_lat_e7, t.origin_lon_e7, 0
    for i in range(n):
        tt += times[i] if times else 0
        ident += t.id_delta[i]
        la += t.lat_delta_e7[i]
        lo += t.lon_delta_e7[i]
        f = t.flags[i]
        k = {"id": ident, "timeMs": (t.base_time_us + tt * 100) / 1000, "latitude": la / 1e7, "longitude": lo / 1e7,
             "speedMetresPerSecond": t.speed_dms[i] / 10, "courseDegrees": t.course_b12[i] * 360 / 4096,
             "status": f & 0x3, "moving": bool(f & 0x4), "cpaAlert": bool(f & 0x8)}
        if f & 0x10:
            k["cpaMetres"] = t.cpa_m[c]
            k["tcpaSeconds"] = t.tcpa_s[c]
            c += 1
        tracks.append(k)
    body = {"sensor": t.sensor, "source": "tracker", "scan": t.scan, "tracks": tracks}
    if t.origin_lat_e7 or t.origin_lon_e7:
        body["origin"] = {"latitude": t.origin_lat_e7 / 1e7, "longitude": t.origin_lon_e7 / 1e7}
    if len(t.deleted_id_delta) > 0:
        d, deleted = 0, []
        for v in t.deleted_id_delta:
            d += v
            deleted.append(d)
        body["deleted"] = deleted
    return body


def body_of(env):
    which = env.WhichOneof("body")
    if which == "plots":
        return plots_body(env.plots)
    if which == "birth":
        b = env.birth
        return {"version": b.version, "sensors": [{"id": s.id, "protocol": s.protocol, "type": s.type, "latitude": s.lat_e7 / 1e7,
                                                    "longitude": s.lon_e7 / 1e7, "heightMetres": s.height_dm / 10} for s in b.sensors],
                "configHash": b.config_hash, "session": b.session, "capabilities": list(b.capabilities),
                "startedMs": b.started_us / 1000, "nextSeq": b.next_seq}
    if which == "state":
        return {"online": env.state.online, "sinceMs": env.state.since_us / 1000}
    if which == "tracks":
        return tracks_body(env.tracks)
    if which == "alert":
        a = env.alert
        out = {"severity": SEVERITY.get(a.severity, "info"), "code": a.code, "message": a.message}
        if len(a.details) > 0:
            out["details"] = dict(a.details)
        if a.track_id:
            out["trackId"] = a.track_id
        return out
    if which == "status":
        s = env.status
        return {"spokesPerSecond": s.spokes_per_second, "plotsPerScan": s.plots_per_scan, "outboxDepth": s.outbox_depth,
                "outboxBytes": s.outbox_bytes, "published": s.published, "dropped": s.dropped, "thinned": s.thinned,
                "uptimeSeconds": s.uptime_s, "counters": dict(s.counters), "gauges": dict(s.gauges)}
    if which == "gap":
        g = env.gap
        return {"ranges": [[f, l] for f, l in zip(g.first_seq, g.last_seq)], "reason": GAP_REASON.get(g.reason, "unspecified"),
                "count": g.count, "kinds": [KINDS[k] for k in g.kinds if k in KINDS]}
    raise ValueError("record without body")


seen = set()
printed = 0
done = threading.Event()
lock = threading.Lock()


def on_connect(client, _userdata, _flags, rc, *_):
    if rc == 0:
        client.subscribe("lookout/v1/#", qos=1)


def on_subscribe(*_):
    print(json.dumps({"event": "ready"}), flush=True)


def on_message(_client, _userdata, msg):
    global printed
    parts = msg.topic.split("/")
    if len(parts) != 4 or parts[3] not in KINDS.values():
        return
    try:
        env = pb.Envelope()
        env.ParseFromString(msg.payload)
        kind = KINDS[env.kind]
        body = body_of(env)
    except Exception as err:  # bad input from the outside is reported, never fatal
        print(json.dumps({"event": "undecodable", "topic": msg.topic, "error": str(err)}), flush=True)
        return
    with lock:
        if env.seq > 0:
            key = (env.unit, env.seq)
            if key in seen:
                return
            seen.add(key)
        print(json.dumps({"unit": env.unit, "session": env.session, "seq": env.seq, "kind": kind,
                          "timeMs": env.time_us / 1000, "body": body}), flush=True)
        if env.seq > 0:
            printed += 1
            if ARGS.count and printed >= ARGS.count:
                done.set()


client = paho.Client(client_id="py-hub-%d" % int(time.time() * 1000) , protocol=paho.MQTTv311)
client.on_connect = on_connect
client.on_subscribe = on_subscribe
client.on_message = on_message
client.connect(ARGS.host, ARGS.port, keepalive=30)
client.loop_start()
done.wait(ARGS.duration if ARGS.duration > 0 else None)
client.loop_stop()
client.disconnect()
