/// The PEM blocks of a certificate file, in order: what HAProxy, ProxySQL and the containers' trust stores take
/// from it. Nothing is decoded; the labels are enough to tell a certificate from a private key.
public struct PEMBundle: Sendable, Hashable {
    public struct Block: Sendable, Hashable {
        /// `CERTIFICATE`, `PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`…
        public let label: String
        /// The block with its BEGIN and END lines, ending in a newline.
        public let text: String

        public var isCertificate: Bool { label == "CERTIFICATE" || label == "TRUSTED CERTIFICATE" }
        public var isPrivateKey: Bool { label.hasSuffix("PRIVATE KEY") }
    }

    public let blocks: [Block]

    public init(_ text: String) {
        var blocks: [Block] = []
        var label: String?
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.hasSuffix("\r") ? $0.dropLast() : $0 }) {
            if label == nil, line.hasPrefix("-----BEGIN "), line.hasSuffix("-----") {
                label = String(line.dropFirst("-----BEGIN ".count).dropLast(5))
                lines = [line]
            } else if let open = label {
                lines.append(line)
                if line == "-----END \(open)-----" {
                    blocks.append(Block(label: open, text: lines.joined(separator: "\n") + "\n"))
                    label = nil
                }
            }
        }
        self.blocks = blocks
    }

    public var certificates: [Block] { blocks.filter(\.isCertificate) }
    public var privateKeys: [Block] { blocks.filter(\.isPrivateKey) }
}
