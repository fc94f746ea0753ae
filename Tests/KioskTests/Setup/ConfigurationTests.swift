import Foundation
@testable import Guides
import Testing
@testable import Kiosk

/// The config file: every key, and mistakes named with their key and line.
@Suite struct ConfigurationTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kiosk-\(UUID().uuidString).conf").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func everyKeyIsRead() throws {
        let path = try write("""
            # a centre
            centre = Trung tâm Phục vụ hành chính công xã Tây Hòa
            counter = quầy số 1
            terminal = tay-hoa-1
            languages = vi, en
            default-language = en
            idle-warning = 90
            idle-reset = 20
            guides = /srv/guides
            locales = /srv/locales
            database = /var/lib/kiosk/kiosk.db
            staff-wait = 600
            notify-command = /usr/local/bin/kiosk-lamp --port 3
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = Configuration()
        #expect(configuration.read(file: path).isEmpty)
        #expect(configuration.centre == "Trung tâm Phục vụ hành chính công xã Tây Hòa")
        #expect(configuration.counter == "quầy số 1" && configuration.terminal == "tay-hoa-1")
        #expect(configuration.languages == ["vi", "en"] && configuration.defaultLanguage == "en")
        #expect(configuration.idleWarningSeconds == 90 && configuration.idleResetSeconds == 20)
        #expect(configuration.guides == "/srv/guides" && configuration.locales == "/srv/locales")
        #expect(configuration.database == "/var/lib/kiosk/kiosk.db")
        #expect(configuration.staffWaitSeconds == 600 && configuration.notifyCommand == ["/usr/local/bin/kiosk-lamp", "--port", "3"])
    }

    @Test func theNotifyCommandIsAnAbsoluteProgramAndTheWaitIsBounded() throws {
        let path = try write("notify-command = kiosk-lamp on\nstaff-wait = 5\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = Configuration()
        #expect(configuration.read(file: path).map(\.message) == [
            "\"notify-command\" must start with an absolute program path, such as /usr/local/bin/kiosk-lamp",
            "\"staff-wait\" must be a number of seconds from 60 to 7200",
        ])
        #expect(configuration.notifyCommand.isEmpty && configuration.staffWaitSeconds == 900)
    }

    @Test func mistakesNameTheKeyAndLine() throws {
        let path = try write("centre = A\nidle-warning = soon\nidel-reset = 5\nterminal = tay hoa\nno equals sign\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var configuration = Configuration()
        let problems = configuration.read(file: path).map(\.description)
        #expect(problems == [
            "\(path):2:16: error: \"idle-warning\" must be a number of seconds from 2 to 3600",
            "\(path):3:1: error: unknown key \"idel-reset\" (did you mean \"idle-reset\"?)",
            "\(path):4:12: error: \"terminal\" must be letters, digits, - or _ (at most 40), such as tay-hoa-1",
            "\(path):5:1: error: expected `key = value`",
        ])
    }
}
