import BojagiCore
import BojagiOpenStack
/// Every file the HA lab writes before it starts anything: a pure function of topology, home and secrets.
public enum HALabFiles {
    public static func render(topology: HALabTopology, paths: HALabPaths, secrets: HALabSecrets, components: [LabComponent] = [.keystone]) -> [RenderedFile] {
        var files: [RenderedFile] = []
        for node in topology.nodes {
            files.append(GaleraConfig.file(for: node, topology: topology, paths: paths))
            files += RabbitMQConfig.files(for: node, topology: topology, paths: paths, secrets: secrets)
            files.append(HAProxyConfig.file(for: node, topology: topology, paths: paths, components: components))
            files.append(KeepalivedConfig.file(for: node, topology: topology, paths: paths, secrets: secrets))
            files += KeystoneConfig.files(for: node, topology: topology, paths: paths, secrets: secrets)
        }
        files += GaleraConfig.sstFiles(paths: paths)
        files += KeystoneConfig.keyFiles(paths: paths, secrets: secrets)
        files += HALabClientFiles.files(topology: topology, paths: paths, secrets: secrets)
        return files.sorted { $0.path < $1.path }
    }
}
