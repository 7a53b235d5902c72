/// Reads `networks:`.
struct NetworksDecoder {
    func networks(_ field: YAMLField) -> Networks {
        var networks = Networks()
        guard let fields = field.mapping(allowed: ["management", "vip", "external", "external_api", "storage", "tunnel", "provisioning", "provider"], what: "networks") else {
            return networks
        }
        if let value = fields["management"] { networks.management = segment(value) }
        if let value = fields["external_api"] { networks.externalAPI = segment(value) }
        if let value = fields["storage"] { networks.storage = segment(value) }
        if let value = fields["tunnel"] { networks.tunnel = segment(value) }
        if let value = fields["provisioning"] { networks.provisioning = segment(value) }
        if let value = fields["vip"],
           let vip = value.mapping(allowed: ["internal", "external", "internal_fqdn", "external_fqdn", "virtual_router_id"], what: "vip") {
            networks.vip.internal = address(vip["internal"])
            networks.vip.external = address(vip["external"])
            networks.vip.internalFQDN = vip["internal_fqdn"]?.string()
            networks.vip.externalFQDN = vip["external_fqdn"]?.string()
            if let id = vip["virtual_router_id"]?.int(in: 1...255) { networks.vip.virtualRouterID = id }
        }
        if let value = fields["external"], let external = value.mapping(allowed: ["interface", "vlan_ranges", "mtu"], what: "external network") {
            networks.external.interface = external["interface"]?.string()
            networks.external.mtu = external["mtu"]?.int(in: 576...9216)
            networks.external.vlanRanges = external["vlan_ranges"]?.strings() ?? []
        }
        if let list = fields["provider"]?.sequence() {
            networks.provider = list.compactMap(provider)
        }
        return networks
    }

    private func segment(_ field: YAMLField) -> Networks.Segment {
        var segment = Networks.Segment()
        guard let fields = field.mapping(allowed: ["cidr", "interface", "mtu"], what: field.path) else { return segment }
        if let cidr = fields["cidr"], let text = cidr.string() {
            if CIDR(text) == nil {
                cidr.report("'\(text)' is not an IPv4 network in CIDR form", fix: "write it as 10.0.0.0/24")
            } else {
                segment.cidr = text
            }
        }
        segment.interface = fields["interface"]?.string()
        segment.mtu = fields["mtu"]?.int(in: 576...9216)
        return segment
    }

    private func provider(_ field: YAMLField) -> Networks.Provider? {
        guard let fields = field.mapping(allowed: ["name", "vlan", "cidr", "gateway", "purpose"], what: "a provider network") else {
            return nil
        }
        guard let name = fields["name"]?.string() else {
            if fields["name"] == nil { field.report("a provider network needs a 'name'", fix: "add `name: web`") }
            return nil
        }
        var provider = Networks.Provider(name: name)
        provider.vlan = fields["vlan"]?.int(in: 1...4094)
        if let cidr = fields["cidr"], let text = cidr.string() {
            if CIDR(text) == nil { cidr.report("'\(text)' is not an IPv4 network in CIDR form", fix: "write it as 192.168.10.0/24") }
            provider.cidr = text
        }
        provider.gateway = address(fields["gateway"])
        provider.purpose = fields["purpose"]?.string()
        return provider
    }

    private func address(_ field: YAMLField?) -> String? {
        guard let field, let text = field.string() else { return nil }
        guard IPv4(text) != nil else {
            field.report("'\(text)' is not an IPv4 address", fix: "write it as 10.0.0.10")
            return nil
        }
        return text
    }
}
