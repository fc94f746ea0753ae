import Testing
@testable import Kiosk

/// The parts of the workbook writer: the zip's checksum, cell references, dates, names and text a spreadsheet accepts.
@Suite struct SpreadsheetWriterTests {
    @Test func theChecksumIsZipsOwn() {
        // The check value of CRC-32 (IEEE), as every zip reader computes it.
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZipArchive.crc32([]) == 0)
    }

    @Test func cellsDatesAndNames() {
        #expect(XLSXWriter.columnName(0) == "A" && XLSXWriter.columnName(25) == "Z" && XLSXWriter.columnName(26) == "AA"
            && XLSXWriter.columnName(701) == "ZZ" && XLSXWriter.columnName(702) == "AAA")
        // Spreadsheet day numbers: 1900-03-01 is 61, 2026-11-01 is 46327.
        #expect(XLSXWriter.serial("1900-03-01") == 61 && XLSXWriter.serial("2026-11-01") == 46327 && XLSXWriter.serial("2026-02-30") == nil)
        #expect(XLSXWriter.sheetNames(["Ngày", "Ngày", "a/b:c", String(repeating: "x", count: 40)])
            == ["Ngày", "Ngày 2", "a-b-c", String(repeating: "x", count: 31)])
        #expect(XLSXWriter.escape("Ea H'leo <b> & \u{1B}[2J") == "Ea H&apos;leo &lt;b&gt; &amp; [2J")
    }
}
