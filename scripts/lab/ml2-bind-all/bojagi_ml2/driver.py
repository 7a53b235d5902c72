"""An ML2 mechanism driver for Bojagi's single-node lab.

The lab runs no Neutron agents (no Open vSwitch, no OVN), so no driver would bind a port and servers go to
ERROR. Nova's fake virt driver plugs nothing, so binding every port to every segment and marking it ACTIVE is
all that is needed. Neutron's own `test` driver fails on nova's update-binding flow, hence this one.
"""

from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class BindAllMechanismDriver(api.MechanismDriver):
    def initialize(self):
        pass

    @property
    def connectivity(self):
        return portbindings.CONNECTIVITY_L2

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(segment[api.ID], portbindings.VIF_TYPE_OVS,
                                {portbindings.CAP_PORT_FILTER: False},
                                status=constants.PORT_STATUS_ACTIVE)
            return

    def update_port_postcommit(self, context):
        pass
