import Foundation
import Guides

/// The printable formats of `kiosk show` and `kiosk poster`.
enum PrintFormat: String, CaseIterable {
    case text, markdown, html
}
