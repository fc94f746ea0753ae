import Foundation

/// Runs a program a test checks the kiosk against (Chromium, pdftotext, LibreOffice, unzip) and waits for it.
enum ExternalTool {
    /// `detached`: standard output goes to a file too, for a program that leaves a daemon behind holding it (pg_ctl).
    static func run(_ program: String, _ arguments: [String], in sandbox: TestSandbox, environment: [String: String] = [:],
        timeLimit: Double = 300, detached: Bool = false) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var env = sandbox.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Standard error goes to a file: only one pipe to drain, so a chatty program never blocks on a full pipe.
        let errors = sandbox.path("tool-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errors, contents: nil)
        let output = Pipe()
        let outputFile = sandbox.path("tool-\(UUID().uuidString).out")
        if detached {
            _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputFile))
        } else {
            process.standardOutput = output
        }
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = Watchdog(pid: process.processIdentifier, after: timeLimit)
        defer { watchdog.cancel() }
        let outData: Data
        if detached {
            process.waitUntilExit()
            outData = FileManager.default.contents(atPath: outputFile) ?? Data()
        } else {
            outData = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
        }
        let errData = FileManager.default.contents(atPath: errors) ?? Data()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Prints the HTML file `page` to PDF with headless Chromium; returns the PDF's path.
    static func printToPDF(_ page: String, in sandbox: TestSandbox) throws -> String {
        let pdf = page + ".pdf"
        _ = try run("/usr/bin/chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
            "--user-data-dir=" + sandbox.path("chromium"), "--print-to-pdf=" + pdf, URL(fileURLWithPath: page).absoluteString], in: sandbox)
        return pdf
    }

    /// LibreOffice headless with its own profile whose locale setting is `locale` (as a Vietnamese office sets it in
    /// Tools ▸ Options ▸ Language Settings), converting `file` with `arguments` into `directory`.
    static func libreOffice(_ arguments: [String], locale: String, in sandbox: TestSandbox) throws -> ProcessResult {
        let profile = sandbox.path("libreoffice-\(locale)")
        try FileManager.default.createDirectory(atPath: profile + "/user", withIntermediateDirectories: true)
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>\(locale)</value></prop></item>
            </oor:items>
            """.write(toFile: profile + "/user/registrymodifications.xcu", atomically: true, encoding: .utf8)
        return try run("/usr/bin/soffice", ["--headless", "--norestore", "-env:UserInstallation=file://" + profile] + arguments,
            in: sandbox, environment: ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"])
    }
}
