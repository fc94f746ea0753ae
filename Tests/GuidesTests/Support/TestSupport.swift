import Foundation
@testable import Guides

/// Builds a library from in-memory files: `[path: text]`, checked as of 2026-11-25.
func library(_ files: [String: String], maximumAgeDays: Int = 180) -> Library {
    let sources = files.sorted { $0.key < $1.key }.map { SourceText(path: $0.key, bytes: Array($0.value.utf8)) }
    return Library.build(sources, options: Library.Options(maximumAgeDays: maximumAgeDays, today: Day("2026-11-25")!))
}

/// A complete, valid guide header; `extra` lines are appended to the metadata.
func header(id: String = "g", code: String = "1", status: String = "sourced", extra: String = "") -> String {
    """
    guide: \(id)
    code: \(code)
    title: Tiêu đề \(id)
    summary: Tóm tắt.
    bring dien-thoai: Điện thoại
    fee: Không mất phí
    time: 5 phút
    source: https://example.gov.vn/\(id)
    checked: 2026-11-20
    status: \(status)
    \(extra)
    """
}

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The diagnostics of `lib` as `path:line:col: severity: message` strings.
func rendered(_ lib: Library) -> [String] { lib.diagnostics.map(\.description) }

/// The single diagnostic whose message contains `fragment`, as `line:col`.
func locationOf(_ fragment: String, in lib: Library) -> String? {
    let hits = lib.diagnostics.filter { $0.message.contains(fragment) }
    guard hits.count == 1, let hit = hits.first else { return nil }
    return "\(hit.location.path):\(hit.location.line):\(hit.location.column)"
}
