@testable import BojagiCore

extension RuleCases {
    static let release: [RuleCase] = [
        RuleCase("REL001", "an Ubuntu release kolla no longer supports", .error, "of ubuntu it supports only ubuntu-noble") {
            $0.deployment.hostOS = "ubuntu-22.04"
        },
        RuleCase("REL001", "CentOS Stream on 2026.2", .error, "host OS centos-stream-10 is not supported by kolla-ansible 23 (2026.2 Hibiscus)") {
            $0.deployment.hostOS = "centos-stream-10"
        },
        RuleCase("REL001", "no host OS", .advice, "deployment.host_os is not set") { $0.deployment.hostOS = nil },
        RuleCase("REL002", "Ceph older than the release's", .error, "Ceph reef is older than every Ceph release 2026.2 Hibiscus is used with (squid)") {
            $0.storage.ceph!.release = "reef"
        },
        RuleCase("REL002", "Ceph two releases ahead of the client", .warning, "Ceph tentacle is 2 releases newer than the reef client") {
            $0.release = "epoxy"
        },
        RuleCase("REL003", "end of life", .warning, "2024.2 Dalmatian is end of life") { $0.release = "dalmatian" },
        RuleCase("REL003", "unmaintained", .advice, "2025.1 Epoxy is unmaintained") { $0.release = "epoxy" },
        RuleCase("REL003", "not released yet", .warning, "2027.1 Indri is development") { $0.release = "indri" },
        RuleCase("REL005", "kolla-ansible ended Yoga's branch while the series is unmaintained", .warning,
                 "kolla-ansible 14 for Yoga reached end of life on 2024-12-16 (tag yoga-eol): its branch is gone") { $0.release = "yoga" },
        RuleCase("REL005", "2023.1's branch gone too", .warning, "while OpenStack still calls Antelope unmaintained") { $0.release = "2023.1" },
        RuleCase("REL005", "Caracal's branch unmaintained", .warning,
                 "kolla-ansible 18 for 2024.1 Caracal has been unmaintained since 2025-11-24 (branch unmaintained/2024.1)") { $0.release = "2024.1" },
        RuleCase("REL005", "Epoxy left maintenance after the catalog's reading", .warning,
                 "2025.1 Epoxy is unmaintained since 2026-10-02, and kolla-ansible 20's stable/2025.1") { $0.release = "epoxy" },
        RuleCase("REL004", "Ubuntu images on Rocky hosts", .advice, "hosts run rocky-10 but the container images are built on ubuntu") {
            $0.deployment.baseDistro = "ubuntu"
        },
    ]
}
