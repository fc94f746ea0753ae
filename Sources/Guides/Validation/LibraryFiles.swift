import Foundation

/// Finding guide and block files on disk.
enum LibraryFiles {
    /// Sorted paths of `*.guide` in `directory` and `*.steps` in `directory` and `directory/shared`.
    static func list(in directory: String) -> [String] {
        let manager = FileManager.default
        func files(_ folder: String, _ suffixes: [String]) -> [String] {
            let names = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { name in suffixes.contains { name.hasSuffix($0) } && !name.hasPrefix(".") }
                .sorted().map { folder + "/" + $0 }
        }
        let base = base(directory)
        return files(base, [".guide", ".steps"]) + files(base + "/shared", [".steps"])
    }

    /// Sorted paths of `*.review` in `directory/reviews`.
    static func reviews(in directory: String) -> [String] {
        let folder = base(directory) + "/reviews"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".review") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    /// The directory without a trailing slash.
    static func base(_ directory: String) -> String {
        directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
    }
}
