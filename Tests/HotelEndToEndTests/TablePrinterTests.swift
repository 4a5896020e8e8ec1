import Testing
@testable import hotel

/// ``Table/Printer`` on its own: what a listing's rows become for a person and for a script.
struct TablePrinterTests {
    func printed(_ rows: [[String]], aligned: Bool) -> String {
        var out = ""
        var printer = Table.Printer(columns: [Table.Column("NAME"), Table.Column("COUNT", .right), Table.Column("NOTE")], aligned: aligned) { out += $0 }
        for row in rows { printer.add(row) }
        printer.finish()
        return out
    }

    @Test func forAScriptTheFieldsAreJoinedByTabsAsTheyCome() {
        #expect(printed([["Blue", "3", "a note"], ["Green", "12", ""]], aligned: false) == "Blue\t3\ta note\nGreen\t12\t\n")
        #expect(printed([], aligned: false) == "")
    }

    @Test func forAPersonTheyAreAlignedUnderTheHeaderWithoutTrailingSpaces() {
        #expect(printed([["Blue", "3", "a note"], ["Green", "12", ""], ["東京", "100", "x"]], aligned: true) == """
            NAME   COUNT  NOTE
            Blue       3  a note
            Green     12
            東京     100  x

            """)
        #expect(printed([], aligned: true) == "")
    }

    @Test func pastTheMeasuredRowsTheColumnsStayAsTheFirstRowsSetThem() {
        var rows = (0..<Table.measuredRows).map { ["r\($0 % 10)", "1", "n"] }
        rows.append(["a much longer name", "22", "n"])
        let lines = printed(rows, aligned: true).split(separator: "\n")
        #expect(lines.count == Table.measuredRows + 2)
        #expect(lines[0] == "NAME  COUNT  NOTE" && lines[1] == "r0        1  n")
        // Wider than its column: it pushes the rest of its line, and hides nothing.
        #expect(lines.last == "a much longer name     22  n")
    }
}
