import Foundation

// The baseline for `make bench`: a minimal Foundation program built the same way as kiosk.
FileHandle.standardOutput.write(Data("hello\n".utf8))
