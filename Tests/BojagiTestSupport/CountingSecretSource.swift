import Foundation
import BojagiCore

/// Secrets that count up from a seed: the same bytes on every run, different bytes on every draw.
public final class CountingSecretSource: SecretSource, @unchecked Sendable {
    private let lock = NSLock()
    private var next: UInt8

    public init(seed: UInt8 = 1) { next = seed }

    public func randomBytes(_ count: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { _ in
            next &+= 1
            return next
        }
    }

    public func sshKeyPair() throws -> (privateKey: String, publicKey: String) {
        ("-----BEGIN PRIVATE KEY-----\ntest\n-----END PRIVATE KEY-----\n", "ssh-rsa AAAAtest")
    }
}
