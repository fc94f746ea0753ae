import Dispatch
import Foundation
import Guides

/// Whether every screen of every guide fits a small terminal in every language: the Linux console at 80x24 has no
/// scrollback, so a screen whose fixed parts (title, question, choices, legend) leave no room for text cannot be
/// paged into view. `kiosk check` reports such a screen as a warning at its step.
enum FitCheck {
    /// The smallest terminal the kiosk promises to fit: columns and rows.
    static let columns = 80
    static let rows = 24

    /// A renderer for a terminal of `columns` x `rows`, as the kiosk draws on it (one column and one row are kept
    /// for the cursor and the prompt).
    static func renderer(_ base: ScreenRenderer, columns: Int, rows: Int) -> ScreenRenderer {
        var renderer = base
        renderer.width = columns - 1
        renderer.rows = rows - 1
        renderer.listenEverywhere = true
        return renderer
    }

    /// The screens of `library` that cannot be paged into `columns` x `rows`, in any language `renderer` knows.
    static func diagnostics(_ library: Library, renderer base: ScreenRenderer, columns: Int = columns, rows: Int = rows) -> [Diagnostic] {
        let renderer = renderer(base, columns: columns, rows: rows)
        // A catalog that translates nothing shows the Vietnamese screens: measured once, as Vietnamese.
        let languages = ["vi"] + renderer.localizers.filter { !$0.value.translatesNothing }.keys.sorted()
        let guides = library.guides
        // Guides are measured on every core, each worker with its own cache of wrapped texts.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, guides.count))
        nonisolated(unsafe) var found = [[Diagnostic]](repeating: [], count: workers)
        // Each worker copies the renderer and gives it a cache of its own: nothing mutable is shared.
        nonisolated(unsafe) let shared = renderer
        found.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var local = shared
                local.cache = WrapCache()
                var diagnostics: [Diagnostic] = []
                for index in stride(from: worker, to: guides.count, by: workers) {
                    diagnostics += misfits(guides[index], library: library, renderer: local, languages: languages,
                        columns: columns, rows: rows)
                }
                slots[worker] = diagnostics
            }
        }
        return found.flatMap { $0 }
    }

    /// The screens of one guide that cannot fit, as warnings at their steps.
    private static func misfits(_ guide: Guide, library: Library, renderer: ScreenRenderer, languages: [String],
        columns: Int, rows: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for sample in ScreenSample.every(guide, in: library) {
            let misfits = languages.filter { language in
                // At its tallest: a volunteer's session with a call for staff that reached nobody.
                var output = FlowOutput(view: sample.view)
                output.language = language
                output.volunteerSession = true
                output.waitingForStaff = true
                output.staffReached = false
                let result = renderer.fitCheck(output)
                return !result.fits || result.closingSplit
            }
            guard !misfits.isEmpty else { continue }
            let what = sample.stepID.map { "step \"\(Quoted.escape($0))\"" } ?? "a screen of this guide"
            diagnostics.append(Diagnostic(.warning, at: sample.location,
                "\(what) cannot fit a \(columns)x\(rows) terminal in \(misfits.joined(separator: ", ")): its title, "
                + "question and choices do not fit on one page together; shorten the choices or split the step"))
        }
        return diagnostics
    }
}
