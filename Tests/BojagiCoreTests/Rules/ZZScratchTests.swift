import Testing
@testable import BojagiCore

@Suite struct ZZScratch {
    @Test func dump() {
        let ctx = RuleHarness.context(RuleHarness.base)
        print("MEMBERS", ctx.services.names)
        print("INFRA", ctx.services.infrastructure.map(\.name))
        print("CEPH", ctx.topology.ceph!)
        print("COMPUTE", ctx.topology.compute)
        print("CP", ctx.topology.controlPlane)
        print("PLACE", ctx.topology.placement.hosts)
        print("CINDER", ctx.topology.placement.services["cinder"] ?? [])
    }
}
