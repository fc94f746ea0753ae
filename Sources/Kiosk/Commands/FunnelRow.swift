import Foundation
import Guides
import Telemetry

/// One step of a funnel as JSON: the same columns as the table, counts as numbers.
struct FunnelRow: Encodable {
    let guide: String
    let step: String
    let title: String
    let reached: Int
    let left: Int
    let staff: Int
    let later: Int
    let lost: Int
    let leftRate: String

    init(step: FunnelStep, title: String) {
        guide = step.guide
        self.step = step.step
        self.title = title
        reached = step.reached
        left = step.left
        staff = step.leftStaff
        later = step.leftLater
        lost = step.leftLost
        leftRate = ReportFormat.percent(step.dropOff)
    }

    enum CodingKeys: String, CodingKey {
        case guide, step, title, reached, left, staff, later, lost
        case leftRate = "left-rate"
    }
}
