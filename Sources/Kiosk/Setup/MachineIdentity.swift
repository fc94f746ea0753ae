import Foundation
import Glibc
import Guides

/// This machine as the statistics know it: a hash of its machine id (or host name), never the id itself, and the
/// terminal id derived from it, so that two kiosks left unconfigured never count under one id.
struct MachineIdentity: Sendable, Equatable {
    /// 16 hexadecimal digits; "" when the machine has neither a machine id nor a host name.
    let machine: String

    /// `kiosk-` and the first 10 digits of the machine hash (`kiosk-1` when there is no hash).
    var defaultTerminal: String { machine.isEmpty ? "kiosk-1" : "kiosk-" + machine.prefix(10) }

    /// Where systemd and D-Bus keep the machine id.
    static let machineIDFiles = ["/etc/machine-id", "/var/lib/dbus/machine-id"]

    /// This machine's identity, read once.
    static let current = MachineIdentity(machineID: machineIDFiles.lazy.compactMap(readID).first, hostName: hostName())

    /// From a machine id (32 hexadecimal digits) or else a host name. The id is hashed with the kiosk's own prefix,
    /// as systemd asks of programs that need a stable id ("machine-id(5)": never expose the id itself).
    init(machineID: String?, hostName: String?) {
        if let id = machineID, !id.isEmpty {
            machine = Self.hash("kiosk-machine:" + id)
        } else if let name = hostName, !name.isEmpty, name != "localhost" {
            machine = Self.hash("kiosk-host:" + name)
        } else {
            machine = ""
        }
    }

    /// 64-bit FNV-1a over the bytes, as 16 hexadecimal digits: the same on every machine and in every release
    /// (Swift's own hashing is seeded per process). Not secret, just not the id itself.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The first line of a machine-id file when it is 32 hexadecimal digits.
    private static func readID(_ path: String) -> String? {
        guard case .success(let bytes) = FileBytes.read(path, limit: 256) else { return nil }
        let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        let id = line.trimmingCharacters(in: .whitespaces).lowercased()
        return id.count == 32 && id.allSatisfy(\.isHexDigit) ? id : nil
    }

    private static func hostName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
