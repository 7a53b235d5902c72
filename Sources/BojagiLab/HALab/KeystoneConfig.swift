import BojagiCore
import BojagiOpenStack
/// keystone.conf for one node (the database through the VIP, the cache on every node's memcached), and the
/// Fernet and credential keys all three share, so a token issued by one node validates on the others.
public enum KeystoneConfig {
    public static func files(for node: HALabNode, topology: HALabTopology, paths: HALabPaths, secrets: HALabSecrets) -> [RenderedFile] {
        let memcached = topology.nodes.map { "\($0.address):\(topology.ports.memcached)" }.joined(separator: ",")
        let contents = """
        # Written by bojagi for the HA lab; rewritten on every `up`.
        [DEFAULT]
        debug = false

        [database]
        connection = mysql+pymysql://keystone:\(secrets.keystoneDatabase)@\(topology.vip):\(topology.ports.mariadb)/keystone
        connection_recycle_time = 60
        max_retries = -1

        [cache]
        # kolla's backend: oslo.cache's pool retries a memcached that restarted (pymemcache kept dead sockets).
        enabled = true
        backend = oslo_cache.memcache_pool
        memcache_servers = \(memcached)

        [identity]
        # bcrypt's minimum cost: Tempest and the drill's probe clients log in often, on two cores.
        password_hash_rounds = 4

        [token]
        provider = fernet

        [fernet_tokens]
        key_repository = \(paths.fernetKeys)
        max_active_keys = 3

        [fernet_receipts]
        key_repository = \(paths.fernetKeys)

        [credential]
        key_repository = \(paths.credentialKeys)

        """
        return [RenderedFile(path: paths.relative("\(paths.keystoneConfDir(node))/keystone.conf"), contents: contents, mode: 0o600)]
    }

    public static func keyFiles(paths: HALabPaths, secrets: HALabSecrets) -> [RenderedFile] {
        // Key 0 is the staged key, the highest number the primary (keystone-manage fernet_setup's layout).
        secrets.fernetKeys.enumerated().map {
            RenderedFile(path: paths.relative("\(paths.fernetKeys)/\($0.offset)"), contents: $0.element, mode: 0o600)
        } + secrets.credentialKeys.enumerated().map {
            RenderedFile(path: paths.relative("\(paths.credentialKeys)/\($0.offset)"), contents: $0.element, mode: 0o600)
        }
    }
}
