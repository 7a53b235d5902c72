import BojagiOpenStack

/// One command at a time on a lab home: `up`, `down` and the drills take `<home>/lab.lock`; a second command is
/// refused at once with who holds it (a `down` during an `up` used to kill it half way).
public enum LabLock {
    public static func acquire(home: String, command: String) throws -> FileLock {
        try FileLock.acquire(path: home + "/lab.lock", scope: "lab", command: command,
                             busy: "another command is using the lab in \(home)")
    }
}
