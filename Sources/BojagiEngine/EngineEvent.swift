import BojagiCore

/// What a run tells the command line while it goes, so it can show it.
public enum EngineEvent: Sendable {
    case started(run: Int64, steps: Int, log: String)
    /// Step `number` (1-based) of `total` begins.
    case step(number: Int, total: Int, step: EngineStep)
    /// An Ansible task started or failed in the running step.
    case progress(number: Int, total: Int, name: String, progress: AnsibleProgress)
    case stepEnded(number: Int, total: Int, record: StepRecord)
}
