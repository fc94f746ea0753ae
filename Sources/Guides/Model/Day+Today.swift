import Foundation

extension Day {
    /// Today in UTC+7, the time zone of every centre in Vietnam.
    public static func today(now: Date = Date()) -> Day {
        let seconds = Int(now.timeIntervalSince1970) + 7 * 3600
        return Day(daysSinceEpoch: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400)
    }
}
