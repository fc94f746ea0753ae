import Guides
import Telemetry

/// A minimal Office Open XML workbook (ECMA-376): one worksheet per report sheet, numbers as number cells, shares as
/// numbers with a percent format, days as dates, text as inline strings, the header row bold and frozen. Nothing
/// else: no formulas, no macros, no shared strings, so any spreadsheet program opens it without an import dialog.
enum XLSXWriter {
    /// The workbook of `sheets`; days are shown as `dd/mm/yyyy` in Vietnamese, `yyyy-mm-dd` otherwise.
    static func workbook(_ sheets: [ReportSheet], vietnameseDates: Bool) -> [UInt8] {
        var zip = ZipArchive()
        let names = sheetNames(sheets.map(\.name))
        zip.add("[Content_Types].xml", Array(contentTypes(count: sheets.count).utf8))
        zip.add("_rels/.rels", Array(("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/></Relationships>
            """).utf8))
        var sheetList = "", relations = ""
        for index in sheets.indices {
            sheetList += "<sheet name=\"\(escape(names[index]))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            relations += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        relations += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
            + "relationships/styles\" Target=\"styles.xml\"/>"
        zip.add("xl/workbook.xml", Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>\(sheetList)</sheets></workbook>").utf8))
        zip.add("xl/_rels/workbook.xml.rels", Array(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relations)</Relationships>").utf8))
        zip.add("xl/styles.xml", Array(styles(dateFormat: vietnameseDates ? "dd/mm/yyyy" : "yyyy-mm-dd").utf8))
        for (index, sheet) in sheets.enumerated() {
            zip.add("xl/worksheets/sheet\(index + 1).xml", Array(worksheet(sheet).utf8))
        }
        return zip.bytes
    }

    static func contentTypes(count: Int) -> String {
        var parts = ""
        for index in 1...max(1, count) where index <= count {
            parts += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + parts + "</Types>"
    }

    /// Styles: 0 plain, 1 share (0.0%), 2 date, 3 bold header.
    static func styles(dateFormat: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/><numFmt numFmtId=\"165\" formatCode=\"\(dateFormat)\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Noto Sans\"/></font><font><b/><sz val=\"11\"/><name val=\"Noto Sans\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"4\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
    }

    /// One worksheet: the header row (bold, frozen), the rows, the withheld note.
    static func worksheet(_ sheet: ReportSheet) -> String {
        var rows = [sheet.header.map(ReportCell.text)] + sheet.rows
        if let note = sheet.note { rows.append([.text(note)]) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            + "</sheetView></sheetViews><cols>"
        for (index, title) in sheet.header.enumerated() {
            let widest = max(title.count, sheet.rows.map { index < $0.count ? width($0[index]) : 0 }.max() ?? 0)
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(min(60, widest + 2))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (column, cell) in row.enumerated() {
                let reference = columnName(column) + String(rowIndex + 1)
                switch cell {
                case .empty: continue
                case .text(let text):
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(rowIndex == 0 ? " s=\"3\"" : "")><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                case .number(let value): xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .share(let share):
                    guard let share else { continue }
                    // Rounded to 0.1%, as every other output says it.
                    xml += "<c r=\"\(reference)\" s=\"1\"><v>\(ReportFormat.rounded(share).description)</v></c>"
                case .date(let day):
                    if let serial = serial(day) { xml += "<c r=\"\(reference)\" s=\"2\"><v>\(serial)</v></c>" }
                    else { xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escape(day))</t></is></c>" }
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A day as a spreadsheet date serial: days since 1899-12-30 (the 1900 system's epoch, as Excel and LibreOffice use).
    static func serial(_ day: String) -> Int? {
        guard let parsed = Day(day), let epoch = Day("1899-12-30") else { return nil }
        return parsed.daysSinceEpoch - epoch.daysSinceEpoch
    }

    /// A, B, … Z, AA, AB…
    static func columnName(_ index: Int) -> String {
        var name = "", number = index + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name
    }

    private static func width(_ cell: ReportCell) -> Int {
        switch cell {
        case .text(let text): return text.count
        case .number(let value): return String(value).count
        case .share: return 6
        case .date: return 10
        case .empty: return 0
        }
    }

    /// Sheet names as spreadsheets allow them: at most 31 characters, none of `[]:*?/\`, each different.
    static func sheetNames(_ names: [String]) -> [String] {
        var used = Set<String>()
        return names.map { name in
            let clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            var candidate = clean.isEmpty ? "Sheet" : clean, number = 2
            while used.contains(candidate.lowercased()) {
                candidate = String(clean.prefix(28)) + " \(number)"
                number += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

    /// Text for XML: the five entities escaped, and characters XML 1.0 forbids left out.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let value = scalar.value
                if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { continue }
                if value == 0xFFFE || value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
