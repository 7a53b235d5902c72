/// The ordered steps of an operation, with what the operator must know and do around them.
public struct EnginePlan: Sendable, Hashable, Codable {
    public let operation: EngineOperation
    public let steps: [EngineStep]
    /// Risks the operator accepts by running it (a controller quorum of two).
    public let warnings: [String]
    /// What kolla-ansible leaves to the operator (agent moves, service records to delete), in order.
    public let operatorTasks: [String]

    public init(operation: EngineOperation, steps: [EngineStep], warnings: [String] = [], operatorTasks: [String] = []) {
        self.operation = operation
        self.steps = steps
        self.warnings = warnings
        self.operatorTasks = operatorTasks
    }
}
