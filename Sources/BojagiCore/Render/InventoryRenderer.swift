/// kolla-ansible's multinode inventory: the host groups filled from the blueprint's roles, then kolla's own
/// `[group:children]` model for the release.
public enum InventoryRenderer {
    public static func render(_ context: RenderContext) -> RenderedFile {
        var out = context.header("kolla-ansible inventory")
        let hosts = context.blueprint.hosts
        for group in KollaInventory.hostGroups {
            out += "\n[\(group)]\n"
            for host in hosts where host.roles.contains(where: { $0.rawValue == group }) {
                out += line(for: host, context: context) + "\n"
            }
        }
        out += "\n[deployment]\nlocalhost ansible_connection=local\n"
        let inventory = context.kolla.inventory
        for group in inventory.groups where !KollaInventory.hostGroups.contains(group) && group != "deployment" {
            guard let children = inventory.children[group] else { continue }
            out += "\n[\(group):children]\n" + children.map { $0 + "\n" }.joined()
        }
        // Groups the release's kolla-ansible still defines and its roles read even when their service is off.
        for (group, children) in context.kolla.extraGroups(for: context.release) {
            out += "\n[\(group):children]\n" + children.map { $0 + "\n" }.joined()
        }
        return RenderedFile(path: "inventory", contents: out)
    }

    static func line(for host: Host, context: RenderContext) -> String {
        var fields = [host.name]
        if let address = host.address { fields.append("ansible_host=\(address)") }
        for (network, variable) in context.interfaceVariables {
            if let name = host.interfaces[network], name != context.defaultInterface(network) {
                fields.append("\(variable)=\(name)")
            }
        }
        return fields.joined(separator: " ")
    }
}
