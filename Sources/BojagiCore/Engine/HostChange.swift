/// One host added to or removed from a blueprint, the way a real scale-out goes: the blueprint's text is
/// changed, decoded, planned and validated, and the engine plans its `add-host` or `remove-host` against the
/// inventory the blueprint had before. Pure: text and catalog in, the changed text, its plan and the engine's
/// steps out. The HA lab's add-host and remove-host make their blueprint change through this.
public struct HostChange: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case edit(BlueprintHostEdit.Failure)
        case unreadable(BlueprintError)
        /// The changed blueprint has errors: validate's findings.
        case findings([Finding])
        case engine(EnginePlanError)

        public var description: String {
            switch self {
            case .edit(let failure): "\(failure)"
            case .unreadable(let error): "\(error)"
            case .findings(let findings): "the changed blueprint has errors; nothing was changed\n" + PlanReport.findings(findings)
            case .engine(let error): "\(error)"
            }
        }
    }

    /// The host added or removed.
    public let host: String
    /// The changed blueprint.
    public let text: String
    public let blueprint: Blueprint
    public let plan: Plan
    /// What `bojagi add-host` / `remove-host` would run on a kolla-ansible deployment of it.
    public let engine: EnginePlan

    /// The next compute host, modelled on the blueprint's last one (`BlueprintHostEdit.nextCompute`).
    public static func addCompute(to text: String, file: String, planner: PlanService, kolla: KollaFiles,
                                  tools: StepPlanner.Tools) throws -> HostChange {
        let before = try decode(text, file: file, planner: planner)
        let host = BlueprintHostEdit.nextCompute(before)
        let changed: String
        do { changed = try BlueprintHostEdit.adding(host, to: text, file: file) } catch let failure as BlueprintHostEdit.Failure {
            throw Failure.edit(failure)
        }
        return try make(host.name, text: changed, before: before, file: file, planner: planner, kolla: kolla, tools: tools, operation: .addHost(host.name))
    }

    public static func remove(_ name: String, from text: String, file: String, planner: PlanService, kolla: KollaFiles,
                              tools: StepPlanner.Tools) throws -> HostChange {
        let before = try decode(text, file: file, planner: planner)
        let changed: String
        do { changed = try BlueprintHostEdit.removing(name, from: text, file: file) } catch let failure as BlueprintHostEdit.Failure {
            throw Failure.edit(failure)
        }
        return try make(name, text: changed, before: before, file: file, planner: planner, kolla: kolla, tools: tools, operation: .removeHost(name))
    }

    static func decode(_ text: String, file: String, planner: PlanService) throws -> Blueprint {
        do { return try BlueprintDecoder(catalog: planner.catalog).decode(text, file: file) } catch let error as BlueprintError {
            throw Failure.unreadable(error)
        }
    }

    static func make(_ host: String, text: String, before: Blueprint, file: String, planner: PlanService, kolla: KollaFiles,
                     tools: StepPlanner.Tools, operation: EngineOperation) throws -> HostChange {
        let blueprint = try decode(text, file: file, planner: planner)
        let plan = planner.plan(blueprint)
        guard !plan.hasErrors else { throw Failure.findings(plan.findings.filter { $0.severity == .error }) }
        // The directory as the running cloud's: the inventory the blueprint rendered before the change.
        let inventory = InventoryRenderer.render(RenderContext(blueprint: before, plan: planner.plan(before), catalog: planner.catalog, kolla: kolla))
        let directory = DeploymentDirectory(path: "deployment", files: ["inventory"], groups: DeploymentDirectory.inventoryGroups(inventory.contents))
        let planner = StepPlanner(blueprint: blueprint, blueprintPath: file, directory: directory, catalog: planner.catalog, tools: tools)
        do {
            return HostChange(host: host, text: text, blueprint: blueprint, plan: plan, engine: try planner.plan(operation))
        } catch let error as EnginePlanError {
            throw Failure.engine(error)
        }
    }

    /// The engine's steps in one line each: `deploy --limit cmp03`.
    public var engineSummary: [String] {
        engine.steps.map { step in step.name + (step.limit.map { " --limit \($0.joined(separator: ","))" } ?? "") }
    }
}
