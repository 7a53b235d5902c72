import ArgumentParser
import BojagiCore

struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Deploy the cloud of a blueprint with kolla-ansible and cephadm.",
        usage: "bojagi deploy [<file>] [--out <dir>] [--dry-run] [<options>]",
        discussion: """
        Renders the directory, makes the release's kolla-ansible venv (Python 3.12, pinned), checks that every \
        host reaches the image registry, bootstraps Ceph with cephadm, then runs kolla-ansible bootstrap-servers, \
        prechecks, pull, deploy and post-deploy, and ends with `bojagi verify`. Each step is a real command; \
        Ansible's tasks show as progress and the failing task is named. Every run is recorded in \
        $BOJAGI_HOME/runs.sqlite with its logs in $BOJAGI_HOME/runs/<id>/; `bojagi resume` continues a failed \
        run. Hosts an earlier successful run deployed are not bootstrapped again.

        Examples:
          bojagi deploy examples/map-platform.yaml --out map-platform --dry-run
          bojagi deploy bojagi.yaml --out deployment
        """
    )

    @OptionGroup var options: EngineOptions

    func run() async throws { try await options.perform(.deploy) }
}

struct ReconfigureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconfigure",
        abstract: "Apply a changed blueprint to the running cloud.",
        usage: "bojagi reconfigure [<file>] [--out <dir>] [--dry-run] [<options>]",
        discussion: """
        Shows what changes (`bojagi diff`: the rendered files, secrets hidden), renders, then runs kolla-ansible \
        prechecks and reconfigure, which restarts only the containers whose configuration changed, and \
        `bojagi verify`.

        Examples:
          bojagi reconfigure bojagi.yaml --out deployment --dry-run
        """
    )

    @OptionGroup var options: EngineOptions

    func run() async throws {
        try await options.perform(.reconfigure) { _ in try DiffCommand.showFileDiff(file: options.file, out: options.out, catalog: options.catalogOptions) }
    }
}

struct AddHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-host",
        abstract: "Add a host from the blueprint to the running cloud.",
        usage: "bojagi add-host <host> [<file>] [--out <dir>] [--dry-run] [<options>]",
        discussion: """
        Add the host under hosts: in the blueprint first. bootstrap-servers and pull run on the new host only; \
        deploy's --limit is widened to what must change with it: every controller for a new controller \
        (Galera, RabbitMQ, HAProxy, keepalived), the monitoring hosts when Prometheus gets new scrape targets. \
        A new controller is followed by a reconfigure of the other hosts, whose services name every controller.

        Examples:
          bojagi add-host cmp11 examples/map-platform.yaml --out map-platform --dry-run
        """
    )

    @Argument(help: "The host to add.")
    var host: String

    @OptionGroup var options: EngineOptions

    func run() async throws { try await options.perform(.addHost(host)) }
}

struct RemoveHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-host",
        abstract: "Remove a host the blueprint no longer lists from the cloud.",
        usage: "bojagi remove-host <host> [<file>] [--out <dir>] [--dry-run] [<options>]",
        discussion: """
        Delete the host from the blueprint first; the directory's inventory still names it. Stops its \
        containers, renders without it and deploys the remaining controllers and monitoring hosts. Removing a \
        controller is refused when fewer than two would remain and warned about when two remain. Prints the \
        agent moves and service clean-ups kolla-ansible leaves to the operator.

        Examples:
          bojagi remove-host cmp03 bojagi.yaml --out deployment --dry-run
        """
    )

    @Argument(help: "The host to remove.")
    var host: String

    @OptionGroup var options: EngineOptions

    func run() async throws { try await options.perform(.removeHost(host)) }
}
