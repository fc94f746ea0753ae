/// The kiosk's version, as `kiosk --version` prints it (see CHANGELOG.md).
enum KioskVersion {
    static let current = "0.2.0"
}
