import Foundation
import BojagiCore

/// Secrets that are the same on every run, so rendered files can be pinned. Test use only.
public final class PinnedSecrets: SecretSource, @unchecked Sendable {
    public init() {}
    private let lock = NSLock()
    private var counter: UInt8 = 0

    public func randomBytes(_ count: Int) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<count).map { _ in counter &+= 37; return counter }
    }

    public func sshKeyPair() throws -> (privateKey: String, publicKey: String) {
        ("-----BEGIN PRIVATE KEY-----\nPINNED-TEST-KEY\n-----END PRIVATE KEY-----\n", "ssh-rsa AAAAPINNED test")
    }
}
