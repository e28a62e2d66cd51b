#!/usr/bin/python3
"""A hub in another language drives a Lookout unit: Debian's python3-cryptography signs a
Command (Ed25519 over the exact Command bytes), python3-protobuf encodes it (protoc on
proto/lookout/v1/lookout.proto), python3-paho-mqtt publishes it on lookout/v1/<unit>/cmd with
an MQTT 5 response topic and waits for the CommandResult carrying its nonce.

Usage: command.py --gen DIR --port PORT --unit U --key PREFIX.key --key-id ID VERB [--args JSON]
Prints one JSON line {"status", "code", "reason", "verb", "nonce", "result", "seq"}; exits 0 when ok.
"""
import argparse
import json
import os
import sys
import threading
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--gen", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--unit", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--key-id", required=True)
    p.add_argument("--args", default=None)
    p.add_argument("--timeout", type=float, default=20)
    p.add_argument("verb")
    a = p.parse_args()
    sys.path.insert(0, a.gen)
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    import paho.mqtt.client as mqtt
    from paho.mqtt.packettypes import PacketTypes
    from paho.mqtt.properties import Properties
    from lookout.v1 import lookout_pb2 as pb

    with open(a.key, "rb") as f:
        key = load_pem_private_key(f.read(), password=None)
    nonce = os.urandom(16)
    now = int(time.time() * 1000)
    cmd = pb.Command(unit=a.unit, nonce=nonce, issued_at_ms=now, expires_at_ms=now + 60_000, verb=a.verb,
                     args=(a.args or "").encode("utf-8"))
    body = cmd.SerializeToString()
    signed = pb.SignedCommand(body=body, key_id=a.key_id, signature=key.sign(body))
    response_topic = "lookout/v1/%s/cmd/res/py-%s" % (a.unit, nonce.hex()[:8])

    done = threading.Event()
    out = {}

    def on_connect(client, userdata, flags, rc, properties=None):
        client.subscribe(response_topic, qos=1)

    def on_subscribe(client, userdata, mid, granted, properties=None):
        props = Properties(PacketTypes.PUBLISH)
        props.ResponseTopic = response_topic
        client.publish("lookout/v1/%s/cmd" % a.unit, signed.SerializeToString(), qos=1, properties=props)

    def on_message(client, userdata, msg):
        env = pb.Envelope()
        env.ParseFromString(msg.payload)
        if env.kind != pb.KIND_COMMAND_RESULT or env.unit != a.unit or env.command_result.nonce != nonce:
            return
        r = env.command_result
        status = {pb.COMMAND_STATUS_OK: "ok", pb.COMMAND_STATUS_REFUSED: "refused", pb.COMMAND_STATUS_ERROR: "error"}.get(r.status, "unspecified")
        out.update(status=status, code=r.code, reason=r.reason, verb=r.verb, nonce=r.nonce.hex(), seq=env.seq,
                   result=json.loads(r.result.decode("utf-8")) if r.result else None)
        done.set()

    client = mqtt.Client(client_id="py-hub-" + nonce.hex()[:8], protocol=mqtt.MQTTv5)
    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    client.connect(a.host, a.port)
    client.loop_start()
    ok = done.wait(a.timeout)
    client.loop_stop()
    client.disconnect()
    if not ok:
        print(json.dumps({"status": "timeout", "nonce": nonce.hex()}))
        return 1
    print(json.dumps(out))
    return 0 if out["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
