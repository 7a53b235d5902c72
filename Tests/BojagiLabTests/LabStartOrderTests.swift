import Testing
@testable import BojagiLab

@Suite struct LabStartOrderTests {
    @Test func infrastructureStartsTogetherExceptRabbitMQAfterItsEPMD() throws {
        let waves = try LabStartOrder.waves(["mariadb", "epmd", "rabbitmq", "memcached"])
        #expect(waves == [["mariadb", "epmd", "memcached"], ["rabbitmq"]])
    }

    @Test func novaComputeWaitsForPlacementAndTheConductorAndTheRestStartTogether() throws {
        let names = ["glance-api", "placement-api", "nova-api", "nova-conductor", "nova-scheduler", "nova-compute",
                     "cinder-api", "cinder-scheduler", "cinder-volume", "heat-api", "heat-engine", "horizon-api"]
        let waves = try LabStartOrder.waves(names)
        #expect(waves.count == 2)
        #expect(waves[1] == ["nova-compute"])
        #expect(waves[0] == names.filter { $0 != "nova-compute" })
    }

    @Test func needsOutsideTheGroupAreMetAlready() throws {
        // Placement planned but started in an earlier call, or not planned at all: nova-compute does not wait.
        #expect(try LabStartOrder.waves(["nova-compute", "nova-scheduler"]) == [["nova-compute", "nova-scheduler"]])
    }

    @Test func chainsBecomeOneWaveEach() throws {
        let waves = try LabStartOrder.waves(["c", "b", "a", "d"], needs: ["c": ["b"], "b": ["a"]])
        #expect(waves == [["a", "d"], ["b"], ["c"]])
    }

    @Test func aCycleIsRefusedNamingItsMembers() {
        #expect(throws: LabStartOrder.Cycle(names: ["a", "b"])) {
            try LabStartOrder.waves(["a", "b", "c"], needs: ["a": ["b"], "b": ["a"]])
        }
    }

    @Test func aProcessStartsAsSoonAsWhatItNeedsAnswersNotWithTheSlowestOfItsWave() {
        let names = ["placement-api", "nova-conductor", "horizon-api", "nova-compute"]
        #expect(LabStartOrder.ready(names, answering: [], started: []) == ["placement-api", "nova-conductor", "horizon-api"])
        let started: Set = ["placement-api", "nova-conductor", "horizon-api"]
        #expect(LabStartOrder.ready(names, answering: ["placement-api"], started: started).isEmpty)
        // Horizon still starting: nova-compute goes once placement and the conductor answer.
        #expect(LabStartOrder.ready(names, answering: ["placement-api", "nova-conductor"], started: started) == ["nova-compute"])
        #expect(LabStartOrder.ready(names, answering: Set(names), started: Set(names)).isEmpty)
    }
}
