import Foundation
import Testing
import BojagiCore
@testable import BojagiOpenStack

/// The pure parts of the client: configuration lookup and version documents. The client itself is proven
/// against a running cloud by the lab integration test.
@Suite struct OpenStackClientTests {
    static let clouds = """
    clouds:
      bojagi-lab:
        auth:
          auth_url: http://127.0.0.1:15000
          username: admin
          password: secret
          project_name: admin
          user_domain_name: Default
          project_domain_name: Default
        region_name: RegionOne
        interface: public
      appcred:
        auth:
          auth_url: https://cloud.example:5000/v3
          application_credential_id: abc
          application_credential_secret: def
    """

    @Test func cloudsYAMLWithPasswordAndApplicationCredential() throws {
        let read: (String) -> String? = { $0 == "/work/clouds.yaml" ? Self.clouds : nil }
        let lab = try CloudConfig.load(cloud: "bojagi-lab", environment: [:], workingDirectory: "/work", read: read)
        #expect(lab.authURL.absoluteString == "http://127.0.0.1:15000")
        #expect(lab.credential == .password(username: "admin", password: "secret", userDomain: "Default", project: "admin", projectDomain: "Default"))
        #expect(lab.region == "RegionOne")
        let app = try CloudConfig.load(cloud: nil, environment: ["OS_CLOUD": "appcred"], workingDirectory: "/work", read: read)
        #expect(app.credential == .applicationCredential(id: "abc", secret: "def"))
        #expect(OpenStackSession.versioned(app.authURL).absoluteString == "https://cloud.example:5000/v3")
        #expect(OpenStackSession.versioned(lab.authURL).absoluteString == "http://127.0.0.1:15000/v3")
    }

    @Test func clientConfigFileComesFirst() throws {
        let paths = CloudConfig.searchPaths(environment: ["OS_CLIENT_CONFIG_FILE": "/tmp/c.yaml", "HOME": "/root"], workingDirectory: "/w")
        #expect(paths == ["/tmp/c.yaml", "/w/clouds.yaml", "/root/.config/openstack/clouds.yaml", "/etc/openstack/clouds.yaml"])
    }

    @Test func environmentWithoutCredentialsSaysWhatIsMissing() {
        #expect(throws: CloudConfig.Failure.self) { try CloudConfig.load(cloud: nil, environment: ["OS_AUTH_URL": "http://x"], workingDirectory: "/", read: { _ in nil }) }
        #expect(throws: CloudConfig.Failure.self) { try CloudConfig.load(cloud: "missing", environment: [:], workingDirectory: "/", read: { _ in nil }) }
    }

    @Test func versionDocumentsInEveryShape() throws {
        // nova: a list with microversions
        let nova = try JSONSerialization.jsonObject(with: Data(#"{"versions":[{"id":"v2.0","status":"SUPPORTED","version":"","min_version":""},{"id":"v2.1","status":"CURRENT","version":"2.100","min_version":"2.1"}]}"#.utf8))
        #expect(APIVersion.current(in: nova) == APIVersion(id: "v2.1", status: "CURRENT", maxMicroversion: "2.100", minMicroversion: "2.1"))
        // keystone: versions.values
        let keystone = try JSONSerialization.jsonObject(with: Data(#"{"versions":{"values":[{"id":"v3.14","status":"stable"}]}}"#.utf8))
        #expect(APIVersion.current(in: keystone)?.id == "v3.14")
        // placement: a single version with max_version
        let placement = try JSONSerialization.jsonObject(with: Data(#"{"versions":[{"id":"v1.0","max_version":"1.39","min_version":"1.0","status":"CURRENT"}]}"#.utf8))
        #expect(APIVersion.current(in: placement)?.maxMicroversion == "1.39")
    }

    @Test func endpointRootsKeepMountPrefixes() {
        #expect(APIVersion.root(of: URL(string: "http://h:8774/v2.1/abc")!).absoluteString == "http://h:8774/")
        #expect(APIVersion.root(of: URL(string: "http://h/compute/v2.1")!).absoluteString == "http://h/compute/")
        #expect(APIVersion.root(of: URL(string: "http://h:8776/v3/p1")!).absoluteString == "http://h:8776/")
    }
}
