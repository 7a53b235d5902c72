import ArgumentParser
import BojagiCore
import Foundation
import BojagiOpenStack
import BojagiLab

struct SizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "size",
        abstract: "Size compute and storage nodes for servers you are migrating.",
        usage: "bojagi size <file> [<options>]",
        discussion: """
        Reads a CSV of existing servers (name,cores,ram_gib,storage_gb,utilisation) — the seed's \
        UNIX-to-Linux case — and prints how many compute and storage nodes of the given models hold them, \
        constraint by constraint, with one spare node so the load survives a node loss.

        Examples:
          bojagi size examples/u2l-servers.csv --compute-cores 48 --compute-memory-gib 512 --disks 10 --disk-gb 7500
          bojagi size servers.csv --core-factor 2 --cpu-allocation-ratio 2 --format json
        """
    )

    @Argument(help: "CSV of existing servers.")
    var file: String

    @Option(help: "Cores of one compute node.") var computeCores = 48
    @Option(help: "Memory of one compute node, GiB.") var computeMemoryGib = 512
    @Option(help: "OSD disks in one storage node.") var disks = 12
    @Option(help: "Size of one OSD disk, GB.") var diskGb = 8000
    @Option(help: "x86 cores per source core.") var coreFactor = 1.0
    @Option(help: "Nova cpu_allocation_ratio.") var cpuAllocationRatio = 4.0
    @Option(help: "Nova ram_allocation_ratio.") var ramAllocationRatio = 1.0
    @Option(help: "Ceph replication size.") var replication = 3
    @Option(help: "Data growth to plan for, percent.") var growth = 30.0
    @Option(help: "Output format.") var format: OutputFormat = .text

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("error: cannot read \(file)\n  fix: give a CSV with the header \(ServerInventory.columns.joined(separator: ","))")
            throw ExitCode(2)
        }
        let inventory: ServerInventory
        do {
            inventory = try ServerInventory(csv: String(decoding: data, as: UTF8.self), file: file)
        } catch let error as BlueprintError {
            printError(error.description)
            throw ExitCode(2)
        }
        var settings = Sizing.Settings()
        settings.coreFactor = coreFactor
        settings.capacity.cpuAllocationRatio = cpuAllocationRatio
        settings.capacity.ramAllocationRatio = ramAllocationRatio
        settings.replication = replication
        settings.storageGrowth = growth / 100
        let sizing = Sizing.make(inventory: inventory,
                                 compute: .init(cores: computeCores, memoryGiB: computeMemoryGib),
                                 storage: .init(disks: disks, diskGB: diskGb), settings: settings)
        print(format == .json ? try JSON.encode(sizing) : sizing.text, terminator: "")
    }
}
