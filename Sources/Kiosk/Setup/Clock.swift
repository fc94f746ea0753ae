import Foundation
import Guides

/// The wall clock, read in one place: the pure modules take the day as a parameter.
enum Clock {
    /// Today in UTC+7, the time zone of every centre in Vietnam.
    static func today(now: Date = Date()) -> Day {
        let seconds = Int(now.timeIntervalSince1970) + 7 * 3600
        return Day(daysSinceEpoch: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }
}
