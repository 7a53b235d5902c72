"""Stand-in for kolla-ansible's `kolla_container` module during `genconfig` without containers.

kolla-ansible 23's prometheus-node-exporters role still notifies "Restart ... container" handlers from
its config tasks (roles/prometheus-node-exporters/tasks/config.yml), so `genconfig` with Prometheus on
ends by restarting node-exporter and cAdvisor containers. There is no container engine here: a restart
is answered as "nothing to restart", and only when kolla_action is config. Anything else fails loudly:
it would mean genconfig now needs a live container engine.

Found by Ansible through ANSIBLE_ACTION_PLUGINS (an action plugin wins over the module of the same name
in kolla-ansible's library/).
"""

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase

RESTARTS = ("recreate_or_restart_container", "restart_container")


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        action = self._task.args.get("action")
        kolla_action = (task_vars or {}).get("kolla_action")
        if action in RESTARTS and kolla_action == "config":
            result.update(changed=False,
                          msg="kolla_container stub: no container to restart (genconfig without containers)")
            return result
        raise AnsibleActionFail(
            "kolla_container stub: task %r asked for action %r with kolla_action %r; only container "
            "restarts notified during genconfig (kolla_action=config) are answered without containers"
            % (self._task.get_name(), action, kolla_action))
