"""Stand-in for kolla-ansible's `kolla_toolbox` module during `genconfig` without containers.

kolla_toolbox runs an Ansible module inside the kolla_toolbox container to talk to the live cloud.
With kolla_action=config only one such task runs: nova-cell's "List all hypervisors"
(roles/nova-cell/tasks/config.yml), which asks openstack.cloud.resources for the compute
hypervisors so it can find this host's nodename. A new cloud has none, so we answer with an
empty list. kolla-ansible 22 (2026.1) also runs mariadb's "Ensure mysql monitor user exist" from the
loadbalancer role, with `failed_when: false` because a new deployment has no Galera yet: mysql_user is
answered the way it ends on a new deployment, as a failed connection, which that task ignores and any
other task would not. Anything else fails loudly: it would mean genconfig now needs a live cloud.
Arguments are never echoed with their secrets (passwords reach no log).

Found by Ansible through ANSIBLE_ACTION_PLUGINS (an action plugin wins over the module of the
same name in kolla-ansible's library/).
"""

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        module = self._task.args.get("module_name")
        margs = self._task.args.get("module_args") or {}
        if (module in ("openstack.cloud.resources", "resources")
                and isinstance(margs, dict)
                and margs.get("service") == "compute" and margs.get("type") == "hypervisor"):
            result.update(changed=False, resources=[],
                          msg="kolla_toolbox stub: no hypervisors (genconfig without containers)")
            return result
        if module in ("mysql_user", "community.mysql.mysql_user"):
            result.update(failed=True, changed=False,
                          msg="kolla_toolbox stub: no MariaDB to reach (genconfig without containers, as on a new deployment)")
            return result
        summary = sorted(margs) if isinstance(margs, dict) else "(not a mapping)"
        raise AnsibleActionFail(
            "kolla_toolbox stub: task %r asked for module %r with arguments %s; only nova-cell's "
            "'List all hypervisors' (openstack.cloud.resources service=compute type=hypervisor) "
            "is answered when running genconfig without containers"
            % (self._task.get_name(), module, summary))
