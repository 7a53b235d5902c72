import BojagiOpenStack

/// A lab step that failed: which step, why, and where to look (the log file and its last lines).
public typealias LabFailure = StepFailure
