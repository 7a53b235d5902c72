import ArgumentParser
import BojagiCore
import BojagiLab
import Foundation

/// The HA lab's blueprint, `<home>/blueprint.yaml`: a copy `lab up --ha FILE` keeps, which add-host and
/// remove-host change (through `HostChange`: planned and validated before the lab changes).
struct LabBlueprint {
    let home: String
    let catalog: CatalogOptions

    static let fileName = "blueprint.yaml"
    var path: String { "\(home)/\(Self.fileName)" }

    /// After `lab up --ha FILE`: keeps a copy of FILE unless the lab has one already (which holds its scale changes;
    /// `lab down --wipe` deletes it).
    static func keep(_ file: String, home: String) throws {
        guard !FileManager.default.fileExists(atPath: "\(home)/\(fileName)"), let data = FileManager.default.contents(atPath: file) else { return }
        try DirectoryWriter().write([RenderedFile(path: fileName, contents: String(decoding: data, as: UTF8.self))], to: URL(fileURLWithPath: home))
    }

    /// The change `make` computes from the blueprint at `source` (default: the lab's); its refusals end the command.
    func change(from source: String?, _ make: (_ text: String, _ file: String, PlanService, KollaFiles, StepPlanner.Tools) throws -> HostChange) throws -> HostChange {
        let file = source ?? path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CommandFailure(source == nil
                ? "the HA lab in \(home) keeps no blueprint (\(path))\n  fix: pass --blueprint FILE, the blueprint `bojagi lab up --ha` used"
                : "cannot read \(file)\n  fix: name the blueprint the lab came up with")
        }
        let kolla = try KollaFiles.bundled()
        let planner = try catalog.planService(inventory: kolla.inventory, blueprint: file)
        let tools = StepPlanner.Tools(bojagi: "bojagi", scripts: "scripts", home: LabHomeOptions.bojagiHome.path)
        do {
            return try make(String(decoding: data, as: UTF8.self), file, planner, kolla, tools)
        } catch let failure as HostChange.Failure {
            printError("error: \(failure)")
            throw ExitCode(1)
        }
    }

    func write(_ text: String) throws {
        try DirectoryWriter().write([RenderedFile(path: Self.fileName, contents: text)], to: URL(fileURLWithPath: home))
    }
}
