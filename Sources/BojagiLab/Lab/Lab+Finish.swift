import Foundation
import BojagiCore
import BojagiOpenStack

extension Lab {
    /// What the services need once they run: Neutron's default network, the compute host mapped and its flavors,
    /// Cinder's volume types and its backend reporting. The three are independent of each other and run side by
    /// side: the waits of one overlap the Python start-ups of the others.
    func finishServices(selection: LabSelection, settings: LabSettings, renderer: LabConfigRenderer, home: URL) async throws {
        let register = [settings.venv + "/bin/python", settings.path("bin/register.py")]
        // clouds.yaml is among the files the render step wrote.
        let clouds = settings.path(renderer.cloudsYAML().path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            if selection.runs(.neutron) {
                group.addTask {
                    try await step("neutron: default external network and subnet pool") {
                        try await run("register", register + ["network"], home: home)
                    }
                }
            }
            if selection.runs(.nova) {
                group.addTask {
                    try await step("nova: discover compute host, create flavors") {
                        try await LabReadiness.waitForComputeMapped(
                            runner: runner, settings: settings, host: settings.network.hostName, log: home.appendingPathComponent("logs/nova-manage.log").path,
                            computeLog: home.appendingPathComponent("logs/nova-compute.log").path)
                        try await run("register", register + ["flavor"], home: home)
                        try await LabReadiness.waitForComputeService(cloudsFile: clouds, cloud: "bojagi-lab", host: settings.network.hostName,
                                                                    computeLog: home.appendingPathComponent("logs/nova-compute.log").path)
                    }
                }
            }
            if selection.runs(.cinder) {
                group.addTask {
                    if !renderer.volumeTypes.isEmpty {
                        try await step("cinder: a volume type per Ceph tier (\(renderer.volumeTypes.map { "\($0.0) → \($0.1)" }.joined(separator: ", ")))") {
                            try await run("register", register + ["volumetypes"], home: home)
                        }
                    }
                    try await step("cinder: wait for the volume backend to report to the scheduler") {
                        try await LabReadiness.waitForVolumePool(cloudsFile: clouds, cloud: "bojagi-lab",
                                                                 volumeLog: home.appendingPathComponent("logs/cinder-volume.log").path,
                                                                 pools: max(1, renderer.volumeTypes.count))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
