import Testing
@testable import BojagiCore

@Suite struct SizingTests {
    static let csv = """
    name,cores,ram_gib,storage_gb,utilisation
    # two UNIX servers and one x86
    aix01,16,128,4000,50
    aix02,16,256,8000,25
    x86-01,8,64,2000,100
    """

    @Test func eachConstraintAgainstAHandCalculation() throws {
        let inventory = try ServerInventory(csv: Self.csv, file: "servers.csv")
        #expect(inventory.servers.count == 3)
        var settings = Sizing.Settings()
        settings.coreFactor = 2
        let sizing = Sizing.make(inventory: inventory, compute: .init(cores: 32, memoryGiB: 256),
                                 storage: .init(disks: 10, diskGB: 4000), settings: settings)
        // vCPU: (16 + 16 + 8) × 2 = 80; per node (32 − 2) × 4 = 120 → 1 node.
        #expect(sizing.compute[0].demand == 80)
        #expect(sizing.compute[0].perNode == 120)
        #expect(sizing.compute[0].nodes == 1)
        // Busy cores: 16×2×0.5 + 16×2×0.25 + 8×2×1 = 16 + 8 + 16 = 40; per node 30 × 0.7 = 21 → 2 nodes.
        #expect(sizing.compute[1].demand == 40)
        #expect(sizing.compute[1].perNode == 21)
        #expect(sizing.compute[1].nodes == 2)
        // Memory: 448 GiB; per node 256 − 8 = 248 → 2 nodes. Compute: 2 + 1 = 3.
        #expect(sizing.compute[2].nodes == 2)
        #expect(sizing.computeNodes == 3)
        // Data: 14 TB × 1.3 = 18.2 TB; per node 40 TB / 3 × 0.85 = 11.33 → 2; +1 = 3, but at least 3 + 1 = 4.
        #expect(abs(sizing.storage[0].demand - 18.2) < 0.0001)
        #expect(sizing.storage[0].nodes == 2)
        #expect(sizing.storageNodes == 4)
    }

    @Test func badCellsNameLineAndColumn() {
        let csv = "name,cores,ram_gib,storage_gb,utilisation\naix01,sixteen,128,4000,50\naix02,16,128,4000,150\n"
        do {
            _ = try ServerInventory(csv: csv, file: "servers.csv")
            Issue.record("expected an error")
        } catch let error as BlueprintError {
            #expect(error.diagnostics.map(\.description) == [
                "servers.csv:2:2: error: cores: cores is 'sixteen'\n  fix: write a number from 1 to 4096",
                "servers.csv:3:5: error: utilisation: utilisation is '150'\n  fix: write a number from 0 to 100",
            ])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func missingColumnsAreNamed() {
        #expect(throws: BlueprintError.self) { try ServerInventory(csv: "name,cores,ram,storage_gb,utilisation\n", file: "s.csv") }
    }
}
