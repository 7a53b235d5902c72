# Bojagi's Ansible progress callback: one JSON line per event on standard output, each after the prefix
# "bojagi-progress: ", which the engine reads from the step's streamed output (and keeps in its log).
#
# Enabled by the engine for every kolla-ansible and Ansible step:
#   ANSIBLE_CALLBACK_PLUGINS=<checkout>/scripts/engine/callback_plugins
#   ANSIBLE_CALLBACKS_ENABLED=bojagi_progress
#   ANSIBLE_LOAD_CALLBACK_PLUGINS=1          (ad-hoc `ansible` commands load callbacks only with it)
#
# Events: {"event": "play", "name"} · {"event": "task", "n", "name", "role"} ·
#         {"event": "failed"|"unreachable", "host", "task", "role", "msg"} · {"event": "stats", "hosts": {...}}
# Failure messages are cut to 400 characters; task arguments (which may hold secrets) are never written.
import json
import sys

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
    name: bojagi_progress
    type: aggregate
    short_description: one JSON line per task for Bojagi's engine
    description: Writes task starts, failures and the final stats as JSON lines on standard output.
    requirements: [enabled in ANSIBLE_CALLBACKS_ENABLED]
"""

PREFIX = "bojagi-progress: "


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bojagi_progress"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self):
        super().__init__()
        self.tasks = 0

    def emit(self, **event):
        sys.stdout.write(PREFIX + json.dumps(event, sort_keys=True) + "\n")
        sys.stdout.flush()

    @staticmethod
    def role(task):
        role = getattr(task, "_role", None)
        return role.get_name() if role else ""

    def v2_playbook_on_play_start(self, play):
        self.emit(event="play", name=play.get_name().strip())

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.tasks += 1
        self.emit(event="task", n=self.tasks, name=task.get_name().strip(), role=self.role(task))

    def v2_playbook_on_handler_task_start(self, task):
        self.v2_playbook_on_task_start(task, False)

    def failure(self, kind, result):
        message = result._result.get("msg") or result._result.get("stderr") or result._result.get("reason") or ""
        if not message and result._result.get("results"):
            message = "; ".join(str(r.get("msg", "")) for r in result._result["results"] if r.get("failed"))
        self.emit(event=kind, host=result._host.get_name(), task=result._task.get_name().strip(),
                  role=self.role(result._task), msg=str(message)[:400])

    def v2_runner_on_failed(self, result, ignore_errors=False):
        if not ignore_errors:
            self.failure("failed", result)

    def v2_runner_on_unreachable(self, result):
        self.failure("unreachable", result)

    def v2_playbook_on_stats(self, stats):
        hosts = {h: stats.summarize(h) for h in sorted(stats.processed.keys())}
        self.emit(event="stats", hosts=hosts)
