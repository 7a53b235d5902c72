/// Certificates, passwords and the database backup.
extension ManualBuilder {
    func certificates(_ c: ManualCloud) -> RunbookDraft {
        let b = "certs", ka = c.kollaAnsible
        let name = c.externalAddress
        let args = ["name": name, "deployment": c.deployment,
                    "scope": c.blueprint.tls.external || c.blueprint.tls.internal ? t("rb.certs.scope.on") : t("rb.certs.scope.off")]
        return RunbookDraft(id: RunbookID.certificates, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, args, command: "echo | openssl s_client -connect \(name):5000 -servername \(name) 2>/dev/null | openssl x509 -noout -enddate -subject",
                                expect: "notAfter=")]),
            (.prep, [step(b, .prep, 1, args, command: "openssl x509 -in NEW.pem -noout -subject -enddate -ext subjectAltName", expect: name),
                     step(b, .prep, 2, args, command: "cp NEW.pem \(c.deployment)/certificates/haproxy.pem && chmod 0600 \(c.deployment)/certificates/haproxy.pem"),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, command: "\(ka) reconfigure --tags loadbalancer")]),
            (.verify, [step(b, .verify, 1, args, command: "echo | openssl s_client -connect \(name):5000 -servername \(name) 2>/dev/null | openssl x509 -noout -enddate",
                            expect: "notAfter="),
                       step(b, .verify, 2, command: "openstack token issue -f value -c expires", expect: "T")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "tail -n 50 /var/log/kolla/haproxy/haproxy.log", on: c.firstController)]),
            (.rollback, [step(b, .rollback, 1, args, command: "git -C \(c.deployment) checkout certificates/haproxy.pem && \(ka) reconfigure --tags loadbalancer")]),
        ])
    }

    func passwords(_ c: ManualCloud) -> RunbookDraft {
        let b = "passwords", ka = c.kollaAnsible
        let args = ["deployment": c.deployment]
        return RunbookDraft(id: RunbookID.passwords, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, args, command: "stat -c '%a %n' \(c.deployment)/passwords.yml", expect: "600"),
                           step(b, .validation, 2)]),
            (.prep, [step(b, .prep, 1, args, command: "cp -p \(c.deployment)/passwords.yml passwords.yml.old"),
                     step(b, .prep, 2, command: "\(ka) mariadb_backup"),
                     step(b, .prep, 3, args, command: "cp -p \(c.deployment)/passwords.yml passwords.yml.new && kolla-genpwd -p passwords.yml.new"),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, args, command: "kolla-mergepwd --old passwords.yml.old --new passwords.yml.new --final \(c.deployment)/passwords.yml"),
                        step(b, .execute, 2, command: "\(ka) reconfigure")]),
            (.verify, [step(b, .verify, 1, command: "openstack token issue -f value -c expires", expect: "T"),
                       step(b, .verify, 2, command: "openstack compute service list -f value -c Binary -c State", expect: "up")]),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "grep -l 'Access denied' /var/log/kolla/*/*.log", on: c.range(c.controllers))]),
            (.rollback, [step(b, .rollback, 1, args, command: "cp -p passwords.yml.old \(c.deployment)/passwords.yml && \(ka) reconfigure")]),
        ])
    }

    func backup(_ c: ManualCloud) -> RunbookDraft {
        let b = "backup", ka = c.kollaAnsible
        let args = ["first": c.firstController, "controllers": c.range(c.controllers)]
        var verify = [step(b, .verify, 1, command: Self.sql("SELECT COUNT(*) FROM keystone.project"), on: c.firstController)]
        if c.has("cinder-backup") {
            verify.append(step(b, .verify, 2, command: "openstack volume backup list --all-projects -f value -c Name -c Status", expect: "available"))
        }
        return RunbookDraft(id: RunbookID.backup, key: b, arguments: args, [
            (.validation, [step(b, .validation, 1, command: Self.sql("SHOW STATUS LIKE 'wsrep_local_state_comment'"), on: c.firstController, expect: "Synced")]),
            (.prep, [step(b, .prep, 1, command: Self.exportDatabasePassword(c)),
                     step(b, .prep, 2, args, command: "docker volume inspect mariadb_backup", on: c.firstController, expect: "Mountpoint"),
                     stopLine()]),
            (.execute, [step(b, .execute, 1, command: "\(ka) mariadb_backup"),
                        step(b, .execute, 2, command: "\(ka) mariadb_backup --incremental"),
                        step(b, .execute, 3, args, command: "ls -l /var/lib/docker/volumes/mariadb_backup/_data/", on: c.firstController, expect: "mysqlbackup-"),
                        step(b, .execute, 4, args),
                        step(b, .execute, 5, args, command: "docker run --rm -it --volumes-from mariadb --name dbrestore --volume mariadb_backup:/backup --entrypoint /bin/bash $(docker container inspect mariadb | jq -r '.[0].Config.Image')", on: c.firstController),
                        step(b, .execute, 6, command: "mariabackup --prepare --target-dir /backup/restore/full"),
                        step(b, .execute, 7, command: "rm -rf /var/lib/mysql/* && mariabackup --copy-back --target-dir /backup/restore/full"),
                        step(b, .execute, 8, command: "\(ka) mariadb_recovery")]),
            (.verify, verify),
            (.troubleshooting, [step(b, .troubleshooting, 1, command: "docker logs --tail 50 mariadb", on: c.firstController)]),
            (.rollback, [step(b, .rollback, 1)]),
        ])
    }
}
