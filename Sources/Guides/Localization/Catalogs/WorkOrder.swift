/// Every line of the interface and of the guides, each once, in the order translators and speakers should do them:
/// the interface citizens see first (every visitor meets it), then the guides' lines by how many sessions met them,
/// so the lines citizens see most are done first; the interface lines no citizen sees come last. Without
/// statistics, the guides follow in poster-code order, each line in the order a citizen meets it.
public struct WorkOrder: Sendable {
    /// One line to translate or record.
    public struct Item: Sendable, Equatable {
        /// The line identity (`msgctxt`).
        public let key: String
        /// Its Vietnamese text now.
        public let vietnamese: String
        /// Where it appears, as the catalogs' `#.` comments say.
        public let place: String
        /// Sessions that met it in the statistics read (0 without them; the interface counts every session).
        public let met: Int
        /// False for what no screen shows (search words and fillers): never recorded.
        public let isShown: Bool
        /// Only heard, never shown (the digits the listen key says).
        public var isSpoken = false
        /// True when a recording of it can be played: shown or spoken, and without `{placeholders}`.
        public var isRecordable: Bool { (isShown || isSpoken) && !(key.hasPrefix("ui:") && vietnamese.contains("{")) }
    }

    public let items: [Item]

    /// Some of another order's items, in their order.
    public init(items: [Item]) { self.items = items }

    /// The lines of `ui` and of `library`'s guides, ordered by `sessions` (per guide id) and `reached` (per
    /// `guide/step` flat id), as `Reporter.usage` counts them; empty dictionaries give the order without statistics.
    public init(ui: UICatalog, library: Library, sessions: [String: Int] = [:], reached: [String: Int] = [:]) {
        let everyone = sessions.values.reduce(0) { $0 &+ $1 }
        // The interface a citizen sees comes first (it decides whether the language is offered); what no citizen
        // sees (search words, what `kiosk record` shows staff) comes last, met by no one.
        let interface = UIText.allCases.filter { !ui.text($0).isEmpty }
        // The digits first: every numbered answer and code is said with them.
        var items: [Item] = (interface.filter(\.isSpoken) + interface.filter(\.isShown)).map { key in
            var item = Item(key: "ui:" + key.rawValue, vietnamese: ui.text(key), place: "Interface: \(key.rawValue)",
                met: everyone, isShown: key.isShown)
            item.isSpoken = key.isSpoken
            return item
        }
        let unseen = interface.filter { !$0.isShown && !$0.isSpoken }.map { key in
            Item(key: "ui:" + key.rawValue, vietnamese: ui.text(key), place: "Interface, never on a citizen's screen: \(key.rawValue)",
                met: 0, isShown: false)
        }
        // A line shared by several guides counts every session that met it, wherever; it is listed once, where it
        // first appears.
        var met: [String: Int] = [:]
        var guideLines: [(order: Int, item: (line: Line, description: String, shown: Bool))] = []
        var seen = Set<String>()
        // Guides citizens can open first; drafts (not shown to citizens) after them.
        let guides = library.guides.sorted {
            ($0.status.isShownToCitizens ? 0 : 1, Int($0.code) ?? .max, $0.code) < ($1.status.isShownToCitizens ? 0 : 1, Int($1.code) ?? .max, $1.code)
        }
        for guide in guides {
            var counted = Set<String>()
            for (line, description, step) in CatalogTemplate.lines(of: guide) where !line.text.isEmpty {
                let count = step.map { reached[guide.id + "/" + $0] ?? 0 } ?? sessions[guide.id] ?? 0
                // A guide's line met on two of its screens is counted once per guide.
                if counted.insert(line.key).inserted { met[line.key, default: 0] &+= count }
                if seen.insert(line.key).inserted {
                    guideLines.append((guideLines.count, (line, description, line.key != guide.keywords.key)))
                }
            }
        }
        guideLines.sort { (met[$0.item.line.key] ?? 0, -$0.order) > (met[$1.item.line.key] ?? 0, -$1.order) }
        items += guideLines.map { entry in
            Item(key: entry.item.line.key, vietnamese: entry.item.line.text, place: entry.item.description,
                met: met[entry.item.line.key] ?? 0, isShown: entry.item.shown)
        }
        self.items = items + unseen
    }
}
