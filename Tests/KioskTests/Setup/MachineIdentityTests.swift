import Testing
@testable import Kiosk

/// The default terminal id comes from the machine, never the machine id itself, and differs between machines.
@Suite struct MachineIdentityTests {
    @Test func twoMachinesGetTwoTerminalIdsAndTheIdIsNotShown() {
        let a = MachineIdentity(machineID: "0123456789abcdef0123456789abcdef", hostName: "kiosk")
        let b = MachineIdentity(machineID: "fedcba9876543210fedcba9876543210", hostName: "kiosk")
        #expect(a.defaultTerminal != b.defaultTerminal)
        #expect(a.defaultTerminal.hasPrefix("kiosk-") && a.defaultTerminal.count == 16)
        #expect(!a.machine.contains("0123456789abcdef") && a.machine.count == 16)
        // The same machine always gets the same id (a restart never makes a new terminal).
        #expect(a == MachineIdentity(machineID: "0123456789abcdef0123456789abcdef", hostName: "other"))
        // Without a machine id, the host name; without either, the old default.
        #expect(MachineIdentity(machineID: nil, hostName: "tt-hoa-binh").defaultTerminal != "kiosk-1")
        #expect(MachineIdentity(machineID: nil, hostName: nil).defaultTerminal == "kiosk-1")
        #expect(MachineIdentity(machineID: nil, hostName: "localhost").machine.isEmpty)
    }

    @Test func theCommuneIsConfiguredByItsCode() {
        var configuration = Configuration()
        #expect(configuration.set("commune-code", "99001") == nil && configuration.communeCode == "99001")
        #expect(configuration.set("commune", "Xã Thử") == nil && configuration.place.commune == "Xã Thử")
        #expect(configuration.set("commune-code", "9901")?.contains("five-digit") == true)
        #expect(configuration.set("commune-code", "Buôn Ma Thuột") != nil)
        #expect(configuration.set("commune", String(repeating: "x", count: 101)) != nil)
        #expect(configuration.set("centre", "a\u{1B}[2J") != nil)
        #expect(configuration.set("comune", "x")?.contains("did you mean \"commune\"") == true)
    }
}
