import Foundation

/// All guides of a directory, checked: the valid ones ready for citizens, and every diagnostic for staff.
public struct Library: Sendable {
    /// Guides without errors, ordered by poster code.
    public let guides: [Guide]
    /// Every problem found, sorted by location.
    public let diagnostics: [Diagnostic]
    /// Ids of guides that were left out because of errors.
    public let rejected: [String]

    /// Guides a citizen may see in the menu (sourced or reviewed).
    public var citizenGuides: [Guide] { guides.filter { $0.status.isShownToCitizens } }

    /// The guide with this id or poster code.
    public func guide(_ idOrCode: String) -> Guide? {
        guides.first { $0.id == idOrCode } ?? guides.first { $0.code == idOrCode }
    }

    /// Options for checking a library.
    public struct Options: Sendable {
        /// Days after which a `checked` or `reviewed` date draws a warning.
        public var maximumAgeDays: Int
        /// The day the check runs (for date ages): the caller's clock, never read here.
        var today: Day

        public init(maximumAgeDays: Int = 180, today: Day) {
            self.maximumAgeDays = maximumAgeDays
            self.today = today
        }
    }

    /// Loads every `*.guide` file of `directory` and every `*.steps` file of `directory/shared`.
    public static func load(directory: String, options: Options) -> Library {
        let files = LibraryFiles.list(in: directory)
        if files.isEmpty {
            let location = SourceLocation(path: directory, line: 1, column: 1)
            return Library(guides: [], diagnostics: [Diagnostic(.error, at: location, "no guide files (*.guide) found here")],
                rejected: [])
        }
        // Reading and parsing are independent per file: spread them over the cores.
        return assemble(files.concurrentMap { GuideParser.parse(SourceText(contentsOf: $0)) }, options: options)
    }

    /// Builds a library from already-read files (tests use this with in-memory text).
    static func build(_ sources: [SourceText], options: Options) -> Library {
        assemble(sources.map(GuideParser.parse), options: options)
    }

    /// Checks parsed documents together: blocks, guides, and the links between them.
    static func assemble(_ documents: [RawDocument], options: Options) -> Library {
        var diagnostics = documents.flatMap(\.diagnostics)
        var blocks: [String: RawDocument] = [:]
        for document in documents where document.kind == .block {
            guard let id = document.id?.text else { continue }
            if let earlier = blocks[id] {
                diagnostics.append(Diagnostic(.error, at: document.headerLocation,
                    "shared block \"\(id)\" is already defined in \(earlier.headerLocation)"))
            } else {
                blocks[id] = document
            }
        }
        // Each guide is expanded and checked on its own, so guides are spread over the cores too.
        let guideDocuments = documents.filter { $0.kind == .guide }
        let knownBlocks = blocks
        let results = guideDocuments.concurrentMap { document -> (guide: Guide?, diagnostics: [Diagnostic]) in
            var builder = GuideBuilder(document: document, blocks: knownBlocks)
            guard let guide = builder.build() else { return (nil, builder.diagnostics) }
            var checks = GuideChecks()
            _ = checks.checkGraph(guide)
            checks.warnings(guide, document: document, options: options)
            return (guide, builder.diagnostics + checks.diagnostics)
        }
        var built: [(guide: Guide?, document: RawDocument, failed: Bool)] = []
        for (document, result) in zip(guideDocuments, results) {
            diagnostics += result.diagnostics
            built.append((result.guide, document, document.diagnostics.hasErrors || result.diagnostics.hasErrors))
        }
        let checked = LibraryChecks(entries: built)
        diagnostics += checked.diagnostics
        let valid = checked.valid.sorted { ($0.code.count, $0.code, $0.id) < ($1.code.count, $1.code, $1.id) }
        let unique = Array(Set(diagnostics)).sortedByLocation()
        return Library(guides: valid, diagnostics: unique, rejected: checked.rejected.sorted())
    }
}
