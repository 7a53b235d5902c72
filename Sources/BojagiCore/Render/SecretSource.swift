import Crypto
import CryptoExtras
import Foundation

/// Where new secrets come from. Passed in, so tests can pin them; the real one draws on swift-crypto.
public protocol SecretSource: Sendable {
    func randomBytes(_ count: Int) -> [UInt8]
    /// A new SSH key pair: PKCS#8 PEM private key and OpenSSH public key, as kolla-genpwd writes them.
    func sshKeyPair() throws -> (privateKey: String, publicKey: String)
}

extension SecretSource {
    /// Letters and digits, drawn without modulo bias (kolla-genpwd's alphabet and length).
    public func password(length: Int = 40) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String(draw(length, from: alphabet))
    }

    /// A version 4 UUID in lowercase, as oslo's uuidutils writes it.
    public func uuid() -> String {
        var bytes = randomBytes(16)
        bytes[6] = bytes[6] & 0x0f | 0x40
        bytes[8] = bytes[8] & 0x3f | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20)]
        return parts.joined(separator: "-")
    }

    public func hex(bytes count: Int) -> String {
        randomBytes(count).map { String(format: "%02x", $0) }.joined()
    }

    /// A Fernet key: URL-safe base64 of 32 random bytes.
    public func fernetKey() -> String {
        Data(randomBytes(32)).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
    }

    /// A bcrypt salt of 22 characters from bcrypt's alphabet (ansible's random_salt).
    public func bcryptSalt() -> String {
        String(draw(22, from: Array("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")))
    }

    /// A Ceph secret as `ceph-authtool --gen-print-key` prints it: base64 of type (AES), creation time, length, 16 bytes.
    public func cephKey(created: UInt32 = 0) -> String {
        var bytes: [UInt8] = [1, 0]
        bytes += withUnsafeBytes(of: created.littleEndian, Array.init)
        bytes += [0, 0, 0, 0, 16, 0]
        bytes += randomBytes(16)
        return Data(bytes).base64EncodedString()
    }

    private func draw(_ count: Int, from alphabet: [Character]) -> [Character] {
        let limit = 256 - 256 % alphabet.count
        var result: [Character] = []
        while result.count < count {
            for byte in randomBytes(count * 2) where Int(byte) < limit && result.count < count {
                result.append(alphabet[Int(byte) % alphabet.count])
            }
        }
        return result
    }
}

/// Secrets from BoringSSL's CSPRNG through swift-crypto; SSH keys are RSA 4096 like kolla-genpwd's.
public struct CryptoSecretSource: SecretSource {
    public init() {}

    public func randomBytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            SymmetricKey(size: .bits256).withUnsafeBytes { bytes += $0 }
        }
        return Array(bytes.prefix(count))
    }

    public func sshKeyPair() throws -> (privateKey: String, publicKey: String) {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits4096)
        let primitives = try key.publicKey.getKeyPrimitives()
        return (key.pkcs8PEMRepresentation + "\n", OpenSSH.rsaPublicKey(modulus: primitives.modulus, exponent: primitives.publicExponent))
    }
}

/// The OpenSSH public key wire format (RFC 4253 §6.6).
enum OpenSSH {
    static func rsaPublicKey(modulus: Data, exponent: Data) -> String {
        var blob = Data()
        func string(_ bytes: Data) {
            blob += withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init)
            blob += bytes
        }
        func mpint(_ bytes: Data) {
            var trimmed = Data(bytes.drop { $0 == 0 })
            if let first = trimmed.first, first & 0x80 != 0 { trimmed.insert(0, at: 0) }
            string(trimmed)
        }
        string(Data("ssh-rsa".utf8))
        mpint(exponent)
        mpint(modulus)
        return "ssh-rsa " + blob.base64EncodedString()
    }
}
