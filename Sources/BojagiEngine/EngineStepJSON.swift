import BojagiCore
import Foundation

/// A planned step as stored in a step record: sorted-key JSON, so the same step is the same text.
public struct EngineStepJSON: Sendable, Hashable {
    public let step: EngineStep
    public let text: String

    public init(_ step: EngineStep) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        self.step = step
        self.text = String(decoding: try encoder.encode(step), as: UTF8.self)
    }

    public init(text: String) throws {
        self.step = try JSONDecoder().decode(EngineStep.self, from: Data(text.utf8))
        self.text = text
    }
}
