import Guides
import Telemetry

/// The one-page report a commune sends up: a self-contained A4 page (inline SVG, no script, nothing fetched) with the
/// plan's indicator against its target and the period before, sessions over time, outcomes per guide, languages and
/// volunteers, and the three places where most people stop. Cells under the minimum count are withheld, and the page
/// says so; every figure is also in `kiosk report --format json`.
struct HTMLReport {
    /// One scan of the period: by guide, language, launcher and day (or week, or month).
    let report: Report
    /// The dimension of the time chart.
    let time: ReportDimension
    /// The indicators of the period before (nil when it had no session).
    let previous: (period: ReportPeriod, kpi: KPI)?
    let leaving: [FunnelStep]
    let labels: ReportLabels
    let minimumCount: Int
    /// The day the report is made: its date at the foot, and a period not over yet is said to end there.
    let today: Day

    /// Styles of the page: A4, small type, one column.
    static let style = """
        @page { size: A4; margin: 12mm 13mm; }
        body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 9pt; line-height: 1.3; color: #000; margin: 0; }
        h1 { font-size: 14pt; margin: 0 0 2pt; } h2 { font-size: 10.5pt; margin: 8pt 0 3pt; border-bottom: 0.5pt solid #999; }
        .plan { font-size: 8pt; color: #333; margin: 0 0 4pt; } table { border-collapse: collapse; }
        .meta td { padding: 0 10pt 0 0; vertical-align: top; } .meta td:first-child { color: #333; }
        .headline { display: flex; align-items: center; gap: 12pt; margin: 6pt 0; }
        .big { font-size: 28pt; font-weight: bold; } .legend span { margin-right: 8pt; white-space: nowrap; }
        .swatch { display: inline-block; width: 7pt; height: 7pt; margin-right: 2pt; }
        .guides { width: 100%; } .guides td { padding: 1pt 6pt 1pt 0; } .guides td:nth-child(2) { width: 52%; }
        .guides tr:first-child td { font-size: 7.5pt; color: #333; vertical-align: bottom; } .num { text-align: right; font-variant-numeric: tabular-nums; }
        .two { display: flex; gap: 24pt; } .note, .how, .made { font-size: 7.5pt; color: #333; margin: 3pt 0; }
        .note { font-weight: bold; color: #000; } ol { margin: 0; padding-left: 14pt; }
        """

    /// The page's parts: by guide, language, launcher and time, and the indicators. One document: when one part
    /// withholds the indicators, every part does (and a complete breakdown then withholds its smallest row, so that
    /// no breakdown adds up to the withheld total).
    func parts() -> [Report] {
        Report.disclosed([report.rolledUp(to: [.guide], minimumCount: minimumCount),
            report.rolledUp(to: [.lang], minimumCount: minimumCount), report.rolledUp(to: [.launchedBy], minimumCount: minimumCount),
            report.rolledUp(to: [time], minimumCount: minimumCount), report.rolledUp(to: [], minimumCount: minimumCount)])
    }

    func html() -> String {
        let parts = parts()
        let (byGuide, byLanguage, byLauncher, byTime) = (parts[0], parts[1], parts[2], parts[3])
        let showIndicators = parts[4].showsIndicators
        // For publication the stopping places are named, never counted: their counts set beside a guide's own (its
        // sessions, those not done) would give away the few who stopped or left elsewhere. Only places where at least
        // K stopped are named at all.
        let countsPlaces = minimumCount == 0
        let secondary = parts.filter(\.withheldSmallestRow).count
        let withheld = parts.reduce(0) { $0 + $1.suppressedRows } - secondary
        let kpi = report.kpi
        let english = labels.english
        var out = ["<!DOCTYPE html>", "<html lang=\"\(english ? "en" : "vi")\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>\(h(labels.text(.reportTitle))) – \(h(ReportPeriods.name(report.period, english: english)))</title>",
            "<style>\(Self.style)</style>", "</head>", "<body>"]
        out.append("<h1>\(h(labels.text(.reportTitle)))</h1>")
        out.append("<p class=\"plan\">\(h(labels.text(.reportPlan)))</p>")
        out.append("<table class=\"meta\">")
        var periodText = ReportPeriods.name(report.period, english: english)
        if case .days = ReportPeriods.shape(of: report.period) {} else { periodText += " (\(dates(report.period)))" }
        out.append(row(labels.text(.reportPeriod), periodText))
        out.append(row(labels.text(.reportCommune), communes()))
        out.append(row(labels.text(.reportCentre), centres()))
        out.append(row(labels.text(.reportTerminals), report.terminals.isEmpty ? "–" : report.terminals.joined(separator: ", ")))
        out.append("</table>")
        // A period not over yet: its figures stop today.
        if let end = Day(report.period.to), end > today {
            out.append("<p class=\"note\">\(h(labels.text(.reportUntil, ["date": date(today)])))</p>")
        }

        if kpi.guided == 0 {
            out.append("<p class=\"big\">–</p><p>\(h(labels.text(.reportNoData)))"
                + (kpi.inProgress > 0 && showIndicators ? " \(h(labels.text(.reportInProgress))): \(labels.count(kpi.inProgress))" : "") + "</p>")
        } else if showIndicators {
            let share = labels.percent(kpi.selfShare)
            out.append("<div class=\"headline\"><div class=\"big\" id=\"self-share\">\(h(share))</div><div>")
            out.append("<strong>\(h(labels.text(.reportHeadline)))</strong> · \(h(labels.text(.reportTarget).replacingOccurrences(of: " (%)", with: ""))) 100%")
            if let previous {
                out.append("<br>\(h(labels.text(.reportPrevious, ["period": ReportPeriods.name(previous.period, english: labels.english)]))): "
                    + "\(h(labels.percent(previous.kpi.selfShare)))")
            }
            out.append("<br>" + ReportChart.stacked([(kpi.done, ReportChart.doneColor), (kpi.staff, ReportChart.staffColor),
                (kpi.later, ReportChart.laterColor), (kpi.lost, ReportChart.lostColor)], width: 420, height: 12))
            out.append("<div class=\"legend\">" + [(UIText.reportGuided, kpi.guided, nil as Double?, "#fff"),
                (.reportDone, kpi.done, kpi.selfShare, ReportChart.doneColor), (.reportStaff, kpi.staff, kpi.staffShare, ReportChart.staffColor),
                (.reportLater, kpi.later, kpi.laterShare, ReportChart.laterColor), (.reportLost, kpi.lost, kpi.lostShare, ReportChart.lostColor)]
                .map { key, count, share, color in
                    "<span>" + (key == .reportGuided ? "" : "<span class=\"swatch\" style=\"background:\(color)\"></span>")
                        + "\(h(labels.text(key))): \(labels.count(count))" + (share.map { " (\(h(labels.percent($0))))" } ?? "") + "</span>"
                }.joined() + "<span>\(h(labels.text(.reportInProgress))): \(labels.count(kpi.inProgress))</span></div>")
            out.append("</div></div>")
        }


        out.append("<h2>\(h(labels.text(time == .day ? .reportPerDay : time == .week ? .reportPerWeek : .reportPerMonth)))</h2>")
        out.append(ReportChart.columns(timeline(byTime)))

        out.append("<h2>\(h(labels.text(.reportByGuide)))</h2><table class=\"guides\">")
        out.append("<tr><td>\(h(labels.text(.reportPosterCode)))</td><td>\(h(labels.text(.reportGuideTitle)))</td>"
            + "<td class=\"num\">\(h(labels.text(.reportGuided)))</td><td></td><td class=\"num\">\(h(labels.text(.reportSelfShare)))</td></tr>")
        for guideRow in byGuide.rows.sorted(by: { ($1.sessions, $0.values[0]) < ($0.sessions, $1.values[0]) }).prefix(20) {
            let guide = labels.guide(guideRow.values[0])
            let k = guideRow.kpi
            out.append("<tr><td>\(h(guide.code))</td><td>\(h(guide.title.isEmpty ? guideRow.values[0] : guide.title))</td>"
                + "<td class=\"num\">\(labels.count(k.guided))</td><td>" + ReportChart.stacked([(k.done, ReportChart.doneColor),
                    (k.staff, ReportChart.staffColor), (k.later, ReportChart.laterColor), (k.lost, ReportChart.lostColor)], width: 160)
                + "</td><td class=\"num\">\(h(labels.percent(k.selfShare)))</td></tr>")
        }
        out.append("</table>")

        // Languages and volunteers: counts of the rows shown; shares of the total only when the total may be known.
        out.append("<div class=\"two\"><div><h2>\(h(labels.text(.reportLanguages)))</h2>")
        out.append(byLanguage.rows.sorted { $0.sessions > $1.sessions }.map { row in
            "\(h(labels.language(row.values[0]))): \(labels.count(row.sessions))"
                + (showIndicators ? " (\(h(labels.percent(Double(row.sessions) / Double(max(1, kpi.guided))))))" : "")
        }.joined(separator: "<br>"))
        out.append("</div><div><h2>\(h(labels.text(.reportVolunteerShare)))</h2>")
        if let volunteers = byLauncher.rows.first(where: { $0.values[0] == "volunteer" })?.sessions, kpi.guided > 0 {
            out.append("<span id=\"volunteer-share\">\(labels.count(volunteers))"
                + (showIndicators ? " (\(h(labels.percent(Double(volunteers) / Double(kpi.guided)))))" : "") + "</span>")
        } else {
            out.append(h(kpi.guided == 0 || byLauncher.suppressedRows == 0 ? "–" : labels.text(.reportWithheld)))
        }
        out.append("</div></div>")

        out.append("<h2>\(h(labels.text(.reportLeaveSteps)))</h2><ol>")
        for place in leaving {
            // The guide the citizen chose, then the step (of that guide, or of one it led to).
            let title = labels.library.guide(place.sessionGuide).map { labels.localizer.text($0.title) } ?? place.sessionGuide
            let step = place.isOverview ? labels.text(.reportOverview)
                : labels.library.guide(place.guide)?.step(place.step).map { labels.localizer.text($0.title) } ?? place.step
            out.append("<li>\(h(title)) – \(h(step))" + (countsPlaces
                ? ": " + h(labels.text(.reportLeftAt, ["left": labels.count(place.left), "reached": labels.count(place.reached)])) : "") + "</li>")
        }
        out.append("</ol>")
        if !countsPlaces { out.append("<p class=\"how\">\(h(labels.text(.reportLeaveStepsNamed, ["minimum": String(minimumCount)])))</p>") }
        out.append("<p class=\"how\">\(h(labels.text(.reportHow)))</p>")
        var notes: [String] = []
        if withheld > 0 { notes.append(labels.text(.reportWithheldRows, ["count": String(withheld), "minimum": String(minimumCount)])) }
        if secondary > 0 { notes.append(labels.text(.reportWithheldSecondary)) }
        if !showIndicators && kpi.guided > 0 {
            notes.append(labels.text(withheld + secondary > 0 ? .reportWithheldIndicators : .reportWithheldBase, ["minimum": String(minimumCount)]))
        }
        if !notes.isEmpty { out.append("<p class=\"note\">\(h(notes.joined(separator: " ")))</p>") }
        out.append("<p class=\"made\">\(h(labels.text(.reportMade, ["date": date(today), "version": KioskVersion.current])))</p>")
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// Every day (week, month) of the period in order, with its sessions; a withheld one as nil.
    func timeline(_ byTime: Report) -> [(label: String, value: Int?)] {
        let counts = Dictionary(byTime.rows.map { ($0.values[0], $0.sessions) }, uniquingKeysWith: +)
        // Days with sessions that are not among the rows shown were withheld; days without any had none.
        let withheld = byTime.suppressedRows > 0
        guard let from = Day(report.period.from), let to = Day(report.period.to) else { return [] }
        var keys: [String] = []
        // The days (weeks, months) with no session at all, which are drawn as zero, not as withheld.
        let busy = Set(report.rows.compactMap { row in report.dimensions.firstIndex(of: time).map { row.values[$0] } })
        var quiet = Set<String>()
        var day = from.daysSinceEpoch
        while day <= to.daysSinceEpoch {
            let current = Day(daysSinceEpoch: day)
            let key: String
            switch time {
            case .week: key = Day(daysSinceEpoch: day - ((day + 3) % 7 + 7) % 7).description
            case .month: key = String(current.description.prefix(7))
            default: key = current.description
            }
            if keys.last != key { keys.append(key) }
            if !busy.contains(key) { quiet.insert(key) }
            day += 1
        }
        return keys.map { key in
            let label: String
            switch time {
            case .day: label = String(key.suffix(2))
            case .week: label = labels.english ? String(key.suffix(5)) : String(key.suffix(2)) + "/" + String(key.dropFirst(5).prefix(2))
            default: label = labels.english ? key : String(key.suffix(2)) + "/" + String(key.prefix(4))
            }
            let value = counts[key] ?? (withheld && !quiet.contains(key) ? nil : 0)
            return (label, value)
        }
    }

    private func communes() -> String {
        // A period without a session still names the commune of the configuration.
        let codes = report.communes.isEmpty ? (labels.configuredCommune.map { [$0] } ?? []) : report.communes
        let names = codes.map { code -> String in
            code.isEmpty ? labels.text(.reportNoCommune) : labels.commune(code, names: report.communeNames) + " (\(code))"
        }
        return names.isEmpty ? "–" : names.joined(separator: "; ")
    }

    private func centres() -> String {
        let known = Set(report.communes.compactMap { report.communeNames[$0]?.centre }.filter { !$0.isEmpty })
        if !known.isEmpty { return known.sorted().joined(separator: "; ") }
        return labels.configuredCentre.isEmpty ? "–" : labels.configuredCentre
    }

    private func date(_ day: Day) -> String {
        ReportPeriods.date(day, english: labels.english)
    }

    private func dates(_ period: ReportPeriod) -> String {
        ReportPeriods.name(ReportPeriod(from: period.from, to: period.to), english: labels.english, asDays: true)
    }

    private func row(_ label: String, _ value: String) -> String { "<tr><td>\(h(label))</td><td>\(h(value))</td></tr>" }

    private func h(_ text: String) -> String { HTMLWriter.escape(text) }
}
