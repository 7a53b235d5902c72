import BojagiCore
import BojagiOpenStack
/// What a user (and `bojagi drill`) needs to reach the HA lab: clouds.yaml and openrc for the admin through the
/// VIP, and the drill's RabbitMQ client, a small pika script run with the lab venv's Python.
public enum HALabClientFiles {
    public static let cloudName = "bojagi-ha-lab"

    public static func files(topology: HALabTopology, paths: HALabPaths, secrets: HALabSecrets) -> [RenderedFile] {
        let clouds = """
        # Written by bojagi for the HA lab.
        clouds:
          \(cloudName):
            auth:
              auth_url: \(topology.keystoneURL)
              username: admin
              password: \(secrets.keystoneAdmin)
              project_name: admin
              user_domain_name: Default
              project_domain_name: Default
            region_name: RegionOne
            identity_api_version: 3
            interface: public
            # What `bojagi verify --tempest` cannot read from the APIs: nova allows a resize to the same host here.
            bojagi_tempest:
              compute-feature-enabled.resize: "true"

        """
        let openrc = """
        # Written by bojagi for the HA lab: `. openrc`
        export OS_AUTH_URL=\(topology.keystoneURL)
        export OS_USERNAME=admin
        export OS_PASSWORD=\(secrets.keystoneAdmin)
        export OS_PROJECT_NAME=admin
        export OS_USER_DOMAIN_NAME=Default
        export OS_PROJECT_DOMAIN_NAME=Default
        export OS_REGION_NAME=RegionOne
        export OS_IDENTITY_API_VERSION=3

        """
        return [
            RenderedFile(path: "clouds.yaml", contents: clouds, mode: 0o600),
            RenderedFile(path: "openrc", contents: openrc, mode: 0o600),
            RenderedFile(path: paths.relative(paths.probeScript), contents: rabbitProbe),
        ]
    }

    static let rabbitProbe = #"""
"""The HA drill's RabbitMQ client (pika): one-shot publish/get on a quorum queue, or a loop of round trips.

Connects to the nodes in order and takes the first that answers, as oslo.messaging does with a host list.
Every line printed is one JSON object.

  rabbit-probe.py HOSTS USER PASSWORD publish QUEUE BODY
  rabbit-probe.py HOSTS USER PASSWORD get QUEUE              (prints every message waiting, acked)
  rabbit-probe.py HOSTS USER PASSWORD loop QUEUE INTERVAL SECONDS OUT
"""
import json
import sys
import time
import uuid

import pika

hosts, user, password, mode = sys.argv[1].split(","), sys.argv[2], sys.argv[3], sys.argv[4]
credentials = pika.PlainCredentials(user, password)
params = [pika.ConnectionParameters(host=h.split(":")[0], port=int(h.split(":")[1]), credentials=credentials,
                                    connection_attempts=1, socket_timeout=2, blocked_connection_timeout=5,
                                    stack_timeout=4, heartbeat=10) for h in hosts]


def connect():
    connection = pika.BlockingConnection(params)
    channel = connection.channel()
    channel.confirm_delivery()
    return connection, channel


def declare(channel, queue):
    channel.queue_declare(queue=queue, durable=True, arguments={"x-queue-type": "quorum"})


def publish(channel, queue, body):
    channel.basic_publish("", queue, body.encode(), pika.BasicProperties(delivery_mode=2), mandatory=True)


def drain(channel, queue):
    bodies = []
    while True:
        method, _, body = channel.basic_get(queue, auto_ack=False)
        if method is None:
            return bodies
        channel.basic_ack(method.delivery_tag)
        bodies.append(body.decode())


def one_shot(action):
    connection, channel = connect()
    try:
        declare(channel, sys.argv[5])
        result = action(channel)
    finally:
        try:
            connection.close()
        except Exception:
            pass
    return result


if mode == "publish":
    one_shot(lambda channel: publish(channel, sys.argv[5], sys.argv[6]))
    print(json.dumps({"published": sys.argv[6]}))
elif mode == "get":
    print(json.dumps({"messages": one_shot(lambda channel: drain(channel, sys.argv[5]))}))
elif mode == "loop":
    queue, interval, deadline, out = sys.argv[5], float(sys.argv[6]), time.time() + float(sys.argv[7]), sys.argv[8]
    connection = channel = None
    with open(out, "a", buffering=1) as log:
        while time.time() < deadline:
            started = time.time()
            try:
                if channel is None:
                    connection, channel = connect()
                    declare(channel, queue)
                token = uuid.uuid4().hex
                publish(channel, queue, token)
                got = drain(channel, queue)
                if token not in got:
                    raise RuntimeError("published message not consumed back")
                log.write(json.dumps({"t": started, "ok": True, "seconds": time.time() - started,
                                      "node": connection._impl.params.host}) + "\n")
            except Exception as error:  # any failure is a failed probe; reconnect next time
                log.write(json.dumps({"t": started, "ok": False, "seconds": time.time() - started,
                                      "error": f"{type(error).__name__}: {error}"[:200]}) + "\n")
                try:
                    connection.close()
                except Exception:
                    pass
                connection = channel = None
            time.sleep(max(0.0, interval - (time.time() - started)))
else:
    sys.exit(f"unknown mode {mode}")
"""#
}
