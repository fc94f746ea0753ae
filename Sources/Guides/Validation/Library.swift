import Foundation

/// All guides of a directory, checked: the valid ones ready for citizens, and every diagnostic for staff.
public struct Library: Sendable {
    /// Guides without errors, ordered by poster code.
    public let guides: [Guide]
    /// Every problem found, sorted by location.
    public let diagnostics: [Diagnostic]
    /// Ids of guides that were left out because of errors.
    public let rejected: [String]
    /// The reviews on a real phone kept in `reviews/`, by guide id.
    public let reviews: [String: Review]

    /// Guides a citizen may see in the menu (sourced or reviewed).
    public var citizenGuides: [Guide] { guides.filter { $0.status.isShownToCitizens } }

    /// Where the review on a real phone of `guide` stands.
    public func reviewState(_ guide: Guide) -> ReviewState { ReviewState(guide: guide, review: reviews[guide.id]) }

    /// The guide with this id or poster code.
    public func guide(_ idOrCode: String) -> Guide? {
        guides.first { $0.id == idOrCode } ?? guides.first { $0.code == idOrCode }
    }

    /// Options for checking a library.
    public struct Options: Sendable {
        /// Days after which a `checked` or `reviewed` date draws a warning.
        public var maximumAgeDays: Int
        /// Days after which a review on a real phone is due again: a quarter, and a month's grace.
        public var maximumReviewAgeDays: Int
        /// The day the check runs (for date ages): the caller's clock, never read here.
        var today: Day

        public init(maximumAgeDays: Int = 180, maximumReviewAgeDays: Int = 120, today: Day) {
            self.maximumAgeDays = maximumAgeDays
            self.maximumReviewAgeDays = maximumReviewAgeDays
            self.today = today
        }
    }

    /// Loads every `*.guide` file of `directory`, every `*.steps` file of `directory/shared`, and the reviews of
    /// `directory/reviews`.
    public static func load(directory: String, options: Options) -> Library {
        let files = LibraryFiles.list(in: directory)
        if files.isEmpty {
            let location = SourceLocation(path: directory, line: 1, column: 1)
            return Library(guides: [], diagnostics: [Diagnostic(.error, at: location, "no guide files (*.guide) found here")],
                rejected: [], reviews: [:])
        }
        // Reading and parsing are independent per file: spread them over the cores.
        return assemble(files.concurrentMap { GuideParser.parse(SourceText(contentsOf: $0)) },
            reviews: LibraryFiles.reviews(in: directory).map { SourceText(contentsOf: $0) }, options: options)
    }

    /// Builds a library from already-read files (tests use this with in-memory text).
    static func build(_ sources: [SourceText], reviews: [SourceText] = [], options: Options) -> Library {
        assemble(sources.map(GuideParser.parse), reviews: reviews, options: options)
    }

    /// A source a citizen cannot check: a site without its page, or an address without `https://`.
    static func sourceWarnings(_ document: RawDocument) -> [Diagnostic] {
        let steps = document.items.flatMap { item -> [Located] in if case .step(let step) = item { step.sources } else { [] } }
        return (document.all("source") + steps).compactMap { line in
            let source = SourceAddress(line.text)
            if source.isBareDomain {
                return Diagnostic(.warning, at: line.location, "source \"\(Quoted.escape(source.url ?? line.text))\" is a bare domain: "
                    + "give the address of the page that states the fact, so a citizen can check it")
            }
            if source.lacksScheme {
                return Diagnostic(.warning, at: line.location, "source \"\(Quoted.escape(line.text))\" looks like a web address "
                    + "without https://: write the page's whole address")
            }
            return nil
        }
    }

    /// The folder of a library's reviews on a real phone.
    public static func reviewDirectory(of directory: String) -> String { LibraryFiles.base(directory) + "/reviews" }

    /// Checks parsed documents together: blocks, guides, the links between them, and their reviews.
    static func assemble(_ documents: [RawDocument], reviews reviewFiles: [SourceText], options: Options) -> Library {
        var diagnostics = documents.flatMap(\.diagnostics)
        var reviews: [String: Review] = [:]
        for file in reviewFiles {
            let (review, problems) = ReviewParser.parse(file)
            diagnostics += problems
            guard let review else { continue }
            let named = ((file.path as NSString).lastPathComponent as NSString).deletingPathExtension
            if named != review.guide {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(path: file.path, line: 1, column: 1),
                    "this file is named for guide \"\(Quoted.escape(named))\" but reviews \"\(review.guide)\": "
                        + "name it \(review.guide).review"))
            } else {
                reviews[review.guide] = review
            }
        }
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
        for document in documents { diagnostics += sourceWarnings(document) }
        // Each guide is expanded and checked on its own, so guides are spread over the cores too.
        let guideDocuments = documents.filter { $0.kind == .guide }
        let knownBlocks = blocks
        let knownReviews = reviews
        let results = guideDocuments.concurrentMap { document -> (guide: Guide?, diagnostics: [Diagnostic]) in
            let review = document.id.flatMap { knownReviews[$0.text] }
            var builder = GuideBuilder(document: document, blocks: knownBlocks, review: review)
            guard let guide = builder.build() else { return (nil, builder.diagnostics) }
            var checks = GuideChecks()
            _ = checks.checkGraph(guide)
            checks.warnings(guide, document: document, options: options)
            var reviewChecks = ReviewChecks()
            reviewChecks.check(guide, review: review, options: options)
            return (guide, builder.diagnostics + checks.diagnostics + reviewChecks.diagnostics)
        }
        var built: [(guide: Guide?, document: RawDocument, failed: Bool)] = []
        for (document, result) in zip(guideDocuments, results) {
            diagnostics += result.diagnostics
            built.append((result.guide, document, document.diagnostics.hasErrors || result.diagnostics.hasErrors))
        }
        let checked = LibraryChecks(entries: built)
        diagnostics += checked.diagnostics
        let valid = checked.valid.sorted { ($0.code.count, $0.code, $0.id) < ($1.code.count, $1.code, $1.id) }
        let ids = Set(guideDocuments.compactMap { $0.id?.text })
        for review in reviews.values.sorted(by: { $0.path < $1.path }) where !ids.contains(review.guide) {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(path: review.path, line: 1, column: 1),
                "a review of guide \"\(review.guide)\", which is not in the library" + Suggestion.suffix(for: review.guide, among: ids)))
        }
        let unique = Array(Set(diagnostics)).sortedByLocation()
        return Library(guides: valid, diagnostics: unique, rejected: checked.rejected.sorted(), reviews: reviews)
    }
}
