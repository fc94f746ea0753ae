import Foundation
import Testing
@testable import Guides

/// Real files, damaged at random (bytes deleted, duplicated, replaced, lines cut): the parsers report, never crash.
@Suite struct FuzzTests {
    static func mutate(_ bytes: [UInt8], _ random: inout SplitMix) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: bytes.remove(at: index)
            case 1: bytes.insert(bytes[index], at: index)
            case 2: bytes[index] = UInt8.random(in: 0...255, using: &random)
            case 3: bytes.insert(contentsOf: [0x22, 0x5C, 0x0A, 0x23, 0x7C, 0x2D, 0x3E][Int.random(in: 0..<7, using: &random)...], at: index)
            default: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...200, using: &random)))
            }
        }
        return bytes
    }

    @Test func damagedCatalogsNeverCrashThePOReader() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/locales/en.po")))
        var random = SplitMix(state: 20261125)
        for round in 0..<300 {
            let damaged = Self.mutate(Array(original.prefix(6000 + round * 7)), &random)
            let (catalog, _) = POParser.parse(SourceText(path: "fuzz.po", bytes: damaged, limits: .catalog))
            _ = CatalogCheck.check(catalog, path: "fuzz.po")
            _ = POWriter.write(catalog)
        }
    }

    @Test func damagedGuidesNeverCrashTheValidatorOrTheEngine() throws {
        let folder = repositoryRoot + "/guides"
        let files = LibraryFiles.list(in: folder)
        let originals = try files.map { (path: $0, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0)))) }
        var random = SplitMix(state: 7)
        for _ in 0..<150 {
            let sources = originals.map { file in
                SourceText(path: file.path, bytes: Bool.random(using: &random) ? Self.mutate(file.bytes, &random) : file.bytes)
            }
            let library = Library.build(sources, options: Library.Options(today: Day("2026-11-25")!))
            for guide in library.guides {
                var (session, _) = Session.start(guide, language: "vi", launchedBy: .citizen, library: library)
                for _ in 0..<30 { _ = session.handle(.choose(Int.random(in: 0...4, using: &random))) }
                _ = session.handle(.back)
            }
            _ = GuideSearch(guides: library.guides).hits("khai sinh")
        }
    }
}
