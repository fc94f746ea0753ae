import Foundation
import Testing

/// `make deb` and the package in a real Debian bookworm: it installs with apt, creates the kiosk account, passes
/// `kiosk check` and `systemd-analyze verify`, guides a citizen in plain mode, reports what it counted, upgrades to
/// the same package rebuilt with a higher version keeping the database, the configuration and a local guide,
/// keeps the data on removal, and deletes it on purge only after saying so.
@Suite(.serialized) struct DebianPackageTests {
    static let version: String = {
        let source = (try? String(contentsOfFile: KioskProcess.root.path + "/Sources/Kiosk/CommandLine/KioskVersion.swift", encoding: .utf8)) ?? ""
        return source.firstMatch(of: /current = "([^"]+)"/).map { String($0.1) } ?? "unknown"
    }()

    /// The package `make deb` writes (built here when it is not there yet), or one rebuilt with `version` into `folder`.
    static func package(in sandbox: TestSandbox, version: String = version, folder: String? = nil) throws -> String {
        let out = folder ?? KioskProcess.root.path + "/.build-deb"
        let path = out + "/kiosk_\(version)_amd64.deb"
        if folder == nil && FileManager.default.fileExists(atPath: path) { return path }
        var environment = ["DEB_OUT": out]
        if version != Self.version { environment["DEB_VERSION"] = version }
        let built = try ExternalTool.run(KioskProcess.root.path + "/scripts/deb.sh", [], in: sandbox, environment: environment, timeLimit: 1800)
        #expect(built.status == 0, "make deb failed: \(built.stdout.suffix(3000))\(built.stderr.suffix(2000))")
        return path
    }

    @Test func lintianFindsNoErrorsAndThePackageHoldsWhatACentreNeeds() throws {
        let sandbox = try TestSandbox()
        let deb = try Self.package(in: sandbox)
        let lintian = try ExternalTool.run("/usr/bin/lintian", ["--no-tag-display-limit", deb], in: sandbox, timeLimit: 600)
        let tags = lintian.stdout.split(separator: "\n").filter { $0.hasPrefix("E:") || $0.hasPrefix("W:") }
        #expect(!tags.contains { $0.hasPrefix("E:") }, "lintian errors:\n\(tags.joined(separator: "\n"))")
        // The warnings left are explained in docs/operations.md ("The Debian package"): the maintainer scripts address
        // every kiosk@ instance, which deb-systemd-invoke cannot.
        #expect(tags.allSatisfy { $0.contains("maintainer-script-calls-systemctl") }, "\(tags)")
        let contents = try ExternalTool.run("/usr/bin/dpkg-deb", ["-c", deb], in: sandbox).stdout
        for path in ["./usr/bin/kiosk", "./etc/kiosk/kiosk.conf", "./lib/systemd/system/kiosk@.service",
            "./lib/systemd/system/kiosk-graphical@.service", "./usr/share/kiosk/foot.ini", "./usr/share/man/man1/kiosk.1.gz",
            "./usr/share/kiosk/guides/khai-sinh.guide", "./usr/share/kiosk/guides/shared/dang-nhap-vneid.steps",
            "./usr/share/kiosk/locales/en.po", "./usr/share/kiosk/locales/ui.vi.txt", "./usr/share/doc/kiosk/copyright",
            "./usr/share/doc/kiosk/operations.md.gz"] {
            #expect(contents.contains(" " + path + "\n"), "\(path) is not in the package")
        }
        let info = try ExternalTool.run("/usr/bin/dpkg-deb", ["-f", deb, "Depends", "Version"], in: sandbox).stdout
        #expect(info.contains("Version: \(Self.version)"))
        // Only Debian's own libraries: the Swift runtime is inside the binary.
        #expect(info.contains("libreadline8") && info.contains("libsqlite3-0") && !info.lowercased().contains("swift"))
        let conffiles = try ExternalTool.run("/usr/bin/dpkg-deb", ["-I", deb, "conffiles"], in: sandbox).stdout
        #expect(conffiles == "/etc/kiosk/kiosk.conf\n")
        // The manual is made from the commands' own help: every command is in it with its summary.
        let manual = try ExternalTool.run("/bin/sh", ["-c", "dpkg-deb --fsys-tarfile '\(deb)' | tar -xO ./usr/share/man/man1/kiosk.1.gz | gunzip"],
            in: sandbox).stdout
        let help = try KioskProcess.run(["--help"], sandbox: sandbox).stdout
        let commands = help.components(separatedBy: "commands:\n").last ?? ""
        for line in commands.split(separator: "\n") where line.hasPrefix("  ") {
            let name = line.split(separator: " ").first.map(String.init) ?? ""
            #expect(manual.contains(".SS \(name)\n"), "kiosk \(name) is not in the manual")
        }
        #expect(manual.contains("\\-\\-review\\-age"), "the options are in the manual too")
    }

    @Test func theKioskInstallsRunsUpgradesAndKeepsItsDataInDebian() throws {
        #expect(getuid() == 0, "this test needs root: it makes a Debian tree with debootstrap and works in it with chroot")
        guard getuid() == 0 else { return }
        let sandbox = try TestSandbox()
        let deb = try Self.package(in: sandbox)
        let tree = try DebianTree(in: sandbox)

        // Offline after debootstrap: the recommended fonts and sound tools are not fetched here.
        let installed = try tree.shell("apt-get install -y --no-install-recommends \(try tree.copyIn(deb)) 2>&1")
        #expect(installed.status == 0, "\(installed.stdout)")
        let account = try tree.shell("id -nG kiosk; stat -c '%U %G %a' /var/lib/kiosk; kiosk --version")
        #expect(account.stdout == "kiosk\nkiosk kiosk 750\nkiosk \(Self.version)\n", "\(account.stdout)\(account.stderr)")
        let check = try tree.shell("kiosk check")
        #expect(check.status == 0 && check.stdout.contains("guides checked: 0 errors"), "\(check.stdout.suffix(500))")
        for unit in ["kiosk@tty2.service", "kiosk-graphical@tty1.service"] {
            let verify = try tree.shell("systemd-analyze verify --man=no \(unit) 2>&1")
            #expect(verify.status == 0 && verify.stdout.isEmpty, "systemd-analyze verify \(unit): \(verify.stdout)")
        }

        // A citizen follows guide 11 to the end in plain mode, as the service's account, into its state directory.
        let answers = (["", "11", "1"] + Array(repeating: "1", count: 20) + [""]).joined(separator: "\n") + "\n"
        let session = try tree.shell("runuser -u kiosk -- env STATE_DIRECTORY=/var/lib/kiosk kiosk run", input: answers)
        #expect(session.status == 0 && session.stdout.contains("Cảm ơn bạn."), "\(session.stdout.suffix(800))\(session.stderr)")
        let report = try tree.shell("kiosk report --format json")
        #expect(report.stdout.contains("\"guided\" : 1") && report.stdout.contains("\"done_by_self\" : 1"), "\(report.stdout)\(report.stderr)")
        // A staff account in the kiosk's group reads the numbers, and cannot change them.
        let staff = try tree.shell("""
            adduser --disabled-password --gecos '' --quiet lan && adduser --quiet lan kiosk
            runuser -u lan -- kiosk status; runuser -u lan -- kiosk report --format json | grep -c '"guided" : 1'
            runuser -u lan -- kiosk purge --before 2099-01-01 > /dev/null 2>&1 || echo purge-refused
            """)
        #expect(staff.stdout.contains("access: read-only for this account") && staff.stdout.contains("\n1\npurge-refused\n"),
            "\(staff.stdout)\(staff.stderr)")

        // The centre's own settings and guide, then an upgrade to the same package rebuilt with a higher version.
        let local = try tree.shell("""
            sed -i 's/^centre = .*/centre = Trung tâm thử nghiệm/' /etc/kiosk/kiosk.conf
            sed -e 's/^guide: khai-sinh/guide: khai-sinh-local/' -e 's/^code: 21$/code: 9021/' \
                /usr/share/kiosk/guides/khai-sinh.guide > /usr/share/kiosk/guides/khai-sinh-local.guide
            kiosk list | grep -c 9021
            """)
        #expect(local.stdout == "1\n", "\(local.stdout)\(local.stderr)")
        let newer = try Self.package(in: sandbox, version: Self.version + "+1", folder: sandbox.path("newer"))
        let upgraded = try tree.shell("apt-get install -y --no-install-recommends \(try tree.copyIn(newer)) 2>&1; dpkg-query -W -f '${Version}\\n' kiosk")
        #expect(upgraded.status == 0 && upgraded.stdout.hasSuffix("\(Self.version)+1\n"), "\(upgraded.stdout)")
        let kept = try tree.shell("kiosk report --format json; grep '^centre' /etc/kiosk/kiosk.conf; kiosk list | grep -c 9021")
        #expect(kept.stdout.contains("\"guided\" : 1") && kept.stdout.contains("centre = Trung tâm thử nghiệm\n1\n"), "\(kept.stdout)")

        // Removal keeps the data and says so; purge says what it deletes, then deletes it.
        let removed = try tree.shell("apt-get remove -y kiosk 2>&1; ls /var/lib/kiosk; test -f /etc/kiosk/kiosk.conf && echo conf-kept")
        #expect(removed.stdout.contains("the statistics are kept in /var/lib/kiosk") && removed.stdout.contains("kiosk.db\n")
            && removed.stdout.contains("conf-kept"), "\(removed.stdout)")
        let purged = try tree.shell("dpkg --purge kiosk 2>&1; test -e /var/lib/kiosk || echo data-gone")
        #expect(purged.stdout.contains("purge deletes the statistics in /var/lib/kiosk") && purged.stdout.hasSuffix("data-gone\n"), "\(purged.stdout)")
    }
}
