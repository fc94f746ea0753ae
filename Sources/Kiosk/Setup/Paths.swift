import Foundation

/// Where the kiosk finds its data when no flag says otherwise.
enum Paths {
    /// Installed data, used when the current directory has no `guides/`.
    static let installedData = "/usr/share/kiosk"

    /// The guide directory: `--guides`, then `$KIOSK_GUIDES`, then `./guides`, then the installed copy.
    static func guides(_ flag: String?) -> String {
        locate(flag, environment: "KIOSK_GUIDES", name: "guides")
    }

    /// The locale directory: `--locales`, then `$KIOSK_LOCALES`, then `./locales`, then the installed copy.
    static func locales(_ flag: String?) -> String {
        locate(flag, environment: "KIOSK_LOCALES", name: "locales")
    }

    private static func locate(_ flag: String?, environment: String, name: String) -> String {
        if let flag { return flag }
        if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty { return value }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDirectory), isDirectory.boolValue { return name }
        return installedData + "/" + name
    }
}
